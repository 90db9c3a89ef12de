package dev.kept.partnerships;

import dev.kept.people.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How well someone would fit as a partner, by the rules a fit hint explains: the same team, the
 * same region or levels far apart are reasons to consider someone else; the opposite of each, and
 * being from outside the organization, are good signs. {@link CandidateQueries} ranks by the same
 * rules in SQL.
 */
final class Fit {

    static final int LARGE_LEVEL_GAP = 3;

    private Fit() {}

    /** What a fit is worked out from. */
    record Profile(UUID id, String name, UUID teamId, String teamName, String region, Integer level, boolean guest) {

        static Profile of(Person person, String teamName) {
            return new Profile(
                    person.getId(),
                    person.getName(),
                    person.getTeamId(),
                    teamName,
                    person.getRegion(),
                    person.getLevel(),
                    person.isGuest());
        }
    }

    /** Lower is a better fit: the reasons to consider someone else less the good signs. */
    static int score(FitHint hint) {
        return hint.considerElsewhere().size() - hint.goodSigns().size();
    }

    static FitHint hint(Person me, Profile other) {
        List<String> consider = new ArrayList<>();
        List<String> good = new ArrayList<>();
        if (other.guest()) {
            good.add("from outside the organization");
        }
        if (me.getTeamId() != null && other.teamId() != null) {
            if (me.getTeamId().equals(other.teamId())) {
                consider.add("works in your team");
            } else {
                good.add("works in another team");
            }
        }
        if (me.getRegion() != null && other.region() != null) {
            if (me.getRegion().equalsIgnoreCase(other.region())) {
                consider.add("works in your region");
            } else {
                good.add("works in another region");
            }
        }
        if (me.getLevel() != null && other.level() != null) {
            int gap = Math.abs(me.getLevel() - other.level());
            if (gap >= LARGE_LEVEL_GAP) {
                consider.add(gap + " levels apart");
            } else {
                good.add("close in level");
            }
        }
        return new FitHint(
                other.id(),
                other.name(),
                other.teamName(),
                other.region(),
                other.level(),
                List.copyOf(consider),
                List.copyOf(good));
    }
}
