package dev.kept.matching;

/**
 * The rules an admin sets for a matching program.
 *
 * @param avoidPreviousPartners whether people who were partners before may not be paired again
 *     (applied by {@link PairRule#forProgram}, since only the caller knows the history)
 * @param team whether partners must, should or need not work in different teams
 * @param region which regions the program prefers partners to come from
 * @param largestLevelGap the largest difference in level a pair may have, or {@code null} for no
 *     limit; a larger gap is a hard rule, not a penalty
 */
public record ProgramRules(
        boolean avoidPreviousPartners, TeamRule team, RegionPreference region, Integer largestLevelGap) {

    public ProgramRules {
        if (largestLevelGap != null && largestLevelGap < 0) {
            throw new IllegalArgumentException("largestLevelGap must not be negative");
        }
    }

    /** Avoid previous partners, prefer another team and region, and no limit on the level gap. */
    public static ProgramRules defaults() {
        return new ProgramRules(true, TeamRule.OTHER_TEAM_PREFERRED, RegionPreference.OTHER_REGION, null);
    }

    /** Whether partners should be in different teams. */
    public enum TeamRule {
        /** Two people of the same team are never paired. */
        OTHER_TEAM_REQUIRED,
        /** Another team counts towards compatibility. */
        OTHER_TEAM_PREFERRED,
        NO_PREFERENCE
    }

    /** Which regions a program prefers partners to come from. */
    public enum RegionPreference {
        OTHER_REGION,
        SAME_REGION,
        NO_PREFERENCE
    }
}
