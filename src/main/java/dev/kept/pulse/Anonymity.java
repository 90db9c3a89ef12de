package dev.kept.pulse;

import java.util.Collection;

/**
 * When results may show, with {@code minGroup} (N) the fewest respondents a group needs. A team's
 * results show when at least N of it answered. All teams together show when at least N answered
 * and the respondents of the teams that do not show number 0 or at least N: otherwise taking the
 * shown teams away from the total would give the answers of a group smaller than N.
 */
record Anonymity(int minGroup) {

    boolean shows(long respondents) {
        return respondents >= minGroup;
    }

    /** Whether the whole may show, given the respondents of each of its groups. */
    boolean showsWhole(Collection<Long> respondentsByGroup) {
        long total = 0;
        long hidden = 0;
        for (long respondents : respondentsByGroup) {
            total += respondents;
            if (!shows(respondents)) {
                hidden += respondents;
            }
        }
        return shows(total) && (hidden == 0 || shows(hidden));
    }
}
