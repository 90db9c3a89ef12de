package dev.kept.matching;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An upper bound of the exact optimum of a whole program: the best total over every set of
 * disjoint allowed pairs, on the complete graph, which no solver here can take at 10,000 people
 * (50 million pairs).
 *
 * <p>The bound is a dual solution: a non-negative share per person such that, for every allowed
 * pair, the two shares add up to at least the pair's score. Any pairing then totals at most the sum
 * of the shares, since each of its pairs scores at most its two people's shares and nobody is in two
 * pairs. The shares start from the relaxation of the pruned graph the engine pairs ({@link
 * RelaxedMatching#shares()}, exact for its pairs); one scan of every pair then raises a share
 * wherever a pair outside that graph needs more, and a second scan lowers each share back to the
 * least its pairs need. The scans are checked, pair by pair, against the scores themselves, so the
 * bound holds whatever the engine did.
 */
final class OptimumBound {

    private static final int STRIPES = 2;

    private OptimumBound() {}

    static double of(
            List<Participant> participants,
            PairRule forbidden,
            ProgramRules rules,
            Weights weights,
            Instant offsetsAt,
            int topK,
            int largestGroup) {
        PairScores scores = new PairScores(participants, weights, rules, offsetsAt);
        HardRules hardRules = new HardRules(participants, scores, forbidden);
        int size = participants.size();
        double[] start = new double[size];
        for (int[] group : PairingAssembly.groups(scores, largestGroup)) {
            var graph = CandidateGraph.of(scores, hardRules, topK, group).graph();
            double[] shares = RelaxedMatching.of(graph, group.length).shares();
            for (int v = 0; v < group.length; v++) {
                start[group[v]] = shares[v];
            }
        }
        // Raise: each pair {a < b} is covered by a's share, against b's starting one. Rows are
        // independent, so the scan runs in stripes.
        double[] need = new double[size];
        IntStream.range(0, STRIPES).parallel().forEach(stripe -> {
            for (int a = stripe; a < size; a += STRIPES) {
                double most = start[a];
                for (int b = a + 1; b < size; b++) {
                    double missing = scores.score(a, b) - start[b];
                    if (missing > most && hardRules.allow(a, b)) {
                        most = missing;
                    }
                }
                need[a] = most;
            }
        });
        double[] shares = Arrays.copyOf(need, size);
        // Lower: one person at a time, to the least that still covers every pair with the others'
        // current shares; the shares stay a bound after every step.
        for (int a = 0; a < size; a++) {
            double least = 0;
            for (int b = 0; b < size; b++) {
                if (b != a) {
                    double missing = scores.score(a, b) - shares[b];
                    if (missing > least && hardRules.allow(a, b)) {
                        least = missing;
                    }
                }
            }
            shares[a] = least;
        }
        return Arrays.stream(shares).sum();
    }
}
