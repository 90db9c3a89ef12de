package dev.kept.matching;

/**
 * Everything that forbids a pair outright: the caller's rule, never oneself, and the program's
 * own limits (another team required, the largest level gap).
 */
final class HardRules {

    private final PairRule forbidden;
    private final ProgramRules rules;

    HardRules(PairRule forbidden, ProgramRules rules) {
        this.forbidden = forbidden;
        this.rules = rules;
    }

    boolean allow(Participant a, Participant b) {
        if (a.id().equals(b.id())) {
            return false;
        }
        if (rules.team() == ProgramRules.TeamRule.OTHER_TEAM_REQUIRED
                && a.teamId() != null
                && a.teamId().equals(b.teamId())) {
            return false;
        }
        if (rules.largestLevelGap() != null
                && a.level() != null
                && b.level() != null
                && Math.abs(a.level() - b.level()) > rules.largestLevelGap()) {
            return false;
        }
        return !forbidden.forbids(a.id(), b.id());
    }
}
