package dev.kept.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.util.SupplierUtil;

/**
 * The people who could be paired and how well: one vertex per person in a group (by position in
 * the group, whose entries are positions in the program) and one edge per allowed pair with a
 * positive score, optionally pruned to each person's best candidates.
 *
 * <p>Pruned, every pair is still scored, but the caller's rule (which may walk a reporting line) is
 * asked only about pairs that would enter someone's best list, and only those are kept in memory.
 * The scan runs in a fixed number of stripes of rows, each with best lists of its own that are
 * merged at the end, so it uses every core and gives the same graph on any machine.
 */
final class CandidateGraph {

    private static final int STRIPES = 2;

    private final Graph<Integer, DefaultWeightedEdge> graph;

    // Blossom V adds helper vertices of its own to a copy of the graph (to allow people to stay
    // unmatched), so the graph must be able to make vertices beyond the participants' positions.
    private CandidateGraph(int participants) {
        AtomicInteger nextVertex = new AtomicInteger(participants);
        graph = new SimpleWeightedGraph<>(
                nextVertex::getAndIncrement, SupplierUtil.createDefaultWeightedEdgeSupplier());
        for (int i = 0; i < participants; i++) {
            graph.addVertex(i);
        }
    }

    /**
     * @param group positions in the program of the people to pair; vertex {@code v} is {@code
     *     group[v]}
     */
    static CandidateGraph of(PairScores scores, HardRules hardRules, Integer topK, int[] group) {
        CandidateGraph candidates = new CandidateGraph(group.length);
        if (topK == null) {
            candidates.addEveryAllowedPair(scores, hardRules, group);
        } else {
            candidates.addBestOfEach(scores, hardRules, topK, group);
        }
        return candidates;
    }

    Graph<Integer, DefaultWeightedEdge> graph() {
        return graph;
    }

    private void addEveryAllowedPair(PairScores scores, HardRules hardRules, int[] group) {
        for (int a = 0; a < group.length; a++) {
            for (int b = a + 1; b < group.length; b++) {
                double score = scores.score(group[a], group[b]);
                // A pair with nothing in common adds nothing to the total, so it is no candidate.
                if (score > 0 && hardRules.allow(group[a], group[b])) {
                    add(a, b, score);
                }
            }
        }
    }

    // An edge stays when it is among the best k of either side, so nobody loses all candidates
    // only because they are popular with no one.
    private void addBestOfEach(PairScores scores, HardRules hardRules, int topK, int[] group) {
        int size = group.length;
        int[] vertexOf = new int[scores.size()];
        Arrays.fill(vertexOf, -1);
        for (int v = 0; v < size; v++) {
            vertexOf[group[v]] = v;
        }
        BestCandidates respected = new BestCandidates(size, topK);
        for (int[] pair : scores.mutualRespectPairs()) {
            int a = vertexOf[pair[0]];
            int b = vertexOf[pair[1]];
            double score = scores.score(pair[0], pair[1]);
            if (a >= 0 && b >= 0 && score > 0 && hardRules.allow(pair[0], pair[1])) {
                respected.offer(a, b, score);
                respected.offer(b, a, score);
            }
        }
        List<BestCandidates> stripes = IntStream.range(0, STRIPES)
                .parallel()
                .mapToObj(stripe -> scanStripe(stripe, scores, hardRules, topK, group))
                .toList();
        List<BestCandidates> all = new ArrayList<>(stripes);
        all.add(respected);
        for (int person = 0; person < size; person++) {
            for (Candidate candidate : BestCandidates.merged(all, person, topK)) {
                add(person, candidate.other(), candidate.score());
            }
        }
    }

    private static BestCandidates scanStripe(
            int stripe, PairScores scores, HardRules hardRules, int topK, int[] group) {
        int size = group.length;
        boolean respectCounts = scores.countsRespect();
        BestCandidates best = new BestCandidates(size, topK);
        for (int a = stripe; a < size; a += STRIPES) {
            int personA = group[a];
            for (int b = a + 1; b < size; b++) {
                int personB = group[b];
                double score = scores.scoreWithoutRespect(personA, personB);
                boolean keptByA = best.wouldKeep(a, score);
                boolean keptByB = best.wouldKeep(b, score);
                if (!keptByA && !keptByB) {
                    continue;
                }
                // Pairs who respect each other were offered with their full score already.
                if (respectCounts && scores.respectEachOther(personA, personB) || !hardRules.allow(personA, personB)) {
                    continue;
                }
                if (keptByA) {
                    best.offer(a, b, score);
                }
                if (keptByB) {
                    best.offer(b, a, score);
                }
            }
        }
        return best;
    }

    private void add(int a, int b, double score) {
        // An edge kept by both sides is added once; the second add returns null.
        DefaultWeightedEdge edge = graph.addEdge(a, b);
        if (edge != null) {
            graph.setEdgeWeight(edge, score);
        }
    }

    private record Candidate(int other, double score) {}

    /** Each person's best k candidates seen so far, in flat arrays so a large program fits. */
    private static final class BestCandidates {

        private final int topK;
        private final double[] scores;
        private final int[] others;
        private final int[] counts;
        // The score a candidate must beat: zero until the list is full, then its worst score.
        private final double[] floors;

        BestCandidates(int size, int topK) {
            this.topK = topK;
            scores = new double[size * topK];
            others = new int[size * topK];
            counts = new int[size];
            floors = new double[size];
        }

        boolean wouldKeep(int person, double score) {
            return score > floors[person];
        }

        void offer(int person, int other, double score) {
            if (!wouldKeep(person, score)) {
                return;
            }
            int from = person * topK;
            int count = counts[person];
            if (count < topK) {
                scores[from + count] = score;
                others[from + count] = other;
                counts[person] = ++count;
                if (count == topK) {
                    floors[person] = worst(from);
                }
                return;
            }
            int worst = from;
            for (int slot = from + 1; slot < from + topK; slot++) {
                if (scores[slot] < scores[worst] || scores[slot] == scores[worst] && others[slot] > others[worst]) {
                    worst = slot;
                }
            }
            scores[worst] = score;
            others[worst] = other;
            floors[person] = worst(from);
        }

        private double worst(int from) {
            double worst = scores[from];
            for (int slot = from + 1; slot < from + topK; slot++) {
                worst = Math.min(worst, scores[slot]);
            }
            return worst;
        }

        // The best k over several lists: highest score first, then lowest position, so the result
        // does not depend on which list saw a candidate first.
        static List<Candidate> merged(List<BestCandidates> lists, int person, int topK) {
            List<Candidate> candidates = new ArrayList<>();
            for (BestCandidates list : lists) {
                int from = person * topK;
                for (int slot = from; slot < from + list.counts[person]; slot++) {
                    candidates.add(new Candidate(list.others[slot], list.scores[slot]));
                }
            }
            candidates.sort((x, y) -> x.score() != y.score()
                    ? Double.compare(y.score(), x.score())
                    : Integer.compare(x.other(), y.other()));
            return candidates.size() <= topK ? candidates : candidates.subList(0, topK);
        }
    }
}
