package dev.kept.matching;

import java.util.List;

/**
 * Everything that forbids a pair outright, by position in the program: never oneself, the
 * program's own limits (another team required, the largest level gap) and the caller's rule.
 */
final class HardRules {

    private final List<Participant> participants;
    private final PairScores scores;
    private final PairRule forbidden;

    HardRules(List<Participant> participants, PairScores scores, PairRule forbidden) {
        this.participants = participants;
        this.scores = scores;
        this.forbidden = forbidden;
    }

    boolean allow(int a, int b) {
        // The program's limits are cheap, so they go first; the caller's rule may walk a reporting line.
        return scores.allowedByProgram(a, b)
                && !forbidden.forbids(
                        participants.get(a).id(), participants.get(b).id());
    }
}
