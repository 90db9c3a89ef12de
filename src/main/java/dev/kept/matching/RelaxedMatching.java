package dev.kept.matching;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.interfaces.MatchingAlgorithm.MatchingImpl;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * A pairing of a large candidate graph through its linear relaxation, for the graphs on which Blossom
 * V's time is unpredictable (docs/performance.md).
 *
 * <p>The relaxation lets a person be half paired with two people. Its optimum is found exactly as a
 * maximum-weight assignment on the graph's double cover (every person once as a giver and once as a
 * taker; a pair of givers and takers both ways is a whole pair), by shortest augmenting paths with
 * potentials, which stay fast however many pairs score the same. The half pairs form paths and
 * cycles; each is cut into the best whole pairs it holds. The relaxed total is an upper bound of any
 * pairing of the graph, so how far the result is from the optimum is known, and the potentials give
 * each person a share (a dual solution) that bounds every pairing, also of pairs outside the graph.
 * The people a cycle of odd length leaves over are for the next round to pair.
 */
final class RelaxedMatching {

    private static final double EPSILON = 1e-9;

    private final MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching;
    private final double relaxedTotal;
    private final double[] shares;

    private RelaxedMatching(
            MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching, double relaxedTotal, double[] shares) {
        this.matching = matching;
        this.relaxedTotal = relaxedTotal;
        this.shares = shares;
    }

    /** Pairs the graph's vertices {@code 0..people-1} (vertices beyond are ignored). */
    static RelaxedMatching of(Graph<Integer, DefaultWeightedEdge> graph, int people) {
        Arcs arcs = Arcs.of(graph, people);
        Assignment assignment = Assignment.solve(arcs, people);
        Set<DefaultWeightedEdge> edges = new HashSet<>();
        double total = 0;
        for (int[] pair : HalfPairs.cut(assignment, people)) {
            DefaultWeightedEdge edge = graph.getEdge(pair[0], pair[1]);
            edges.add(edge);
            total += graph.getEdgeWeight(edge);
        }
        double[] shares = new double[people];
        for (int person = 0; person < people; person++) {
            // A giver's potential can fall below zero only while they give to nobody; zero bounds too.
            shares[person] = (Math.max(0, assignment.giverShare(person)) + assignment.takerShare(person)) / 2;
        }
        return new RelaxedMatching(new MatchingImpl<>(graph, edges, total), assignment.total / 2, shares);
    }

    MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching() {
        return matching;
    }

    /** The optimum of the relaxation: no pairing of the graph totals more. */
    double relaxedTotal() {
        return relaxedTotal;
    }

    /**
     * Each person's share: non-negative, and for every edge of the graph the two people's shares
     * add up to at least its score, so the sum of all shares bounds every pairing of the graph.
     */
    double[] shares() {
        return shares.clone();
    }

    /** Each person's edges, both ways, in flat arrays. */
    private record Arcs(int[] start, int[] other, double[] weight) {

        static Arcs of(Graph<Integer, DefaultWeightedEdge> graph, int people) {
            int[] start = new int[people + 1];
            for (DefaultWeightedEdge edge : graph.edgeSet()) {
                int a = graph.getEdgeSource(edge);
                int b = graph.getEdgeTarget(edge);
                if (a < people && b < people) {
                    start[a + 1]++;
                    start[b + 1]++;
                }
            }
            for (int person = 0; person < people; person++) {
                start[person + 1] += start[person];
            }
            int[] next = Arrays.copyOf(start, people);
            int[] other = new int[start[people]];
            double[] weight = new double[start[people]];
            for (DefaultWeightedEdge edge : graph.edgeSet()) {
                int a = graph.getEdgeSource(edge);
                int b = graph.getEdgeTarget(edge);
                if (a < people && b < people) {
                    double w = graph.getEdgeWeight(edge);
                    other[next[a]] = b;
                    weight[next[a]++] = w;
                    other[next[b]] = a;
                    weight[next[b]++] = w;
                }
            }
            return new Arcs(start, other, weight);
        }
    }

    /**
     * The maximum-weight assignment of givers to takers over the arcs, where a giver may also give to
     * nobody (a taker of their own, {@code people + giver}). Costs are negated scores; {@code
     * giverPotential[g] + takerPotential[t]} never exceeds an arc's cost and equals it on the arcs
     * taken.
     */
    private static final class Assignment {
        final int[] takerOf;
        final double[] weightOf;
        final double[] giverPotential;
        final double[] takerPotential;
        double total;

        private Assignment(int people) {
            takerOf = new int[people];
            weightOf = new double[people];
            giverPotential = new double[people];
            takerPotential = new double[2 * people];
        }

        double giverShare(int person) {
            return -giverPotential[person];
        }

        double takerShare(int person) {
            return -takerPotential[person];
        }

        static Assignment solve(Arcs arcs, int people) {
            Assignment result = new Assignment(people);
            int takers = 2 * people;
            int[] giverOf = new int[takers];
            Arrays.fill(giverOf, -1);
            Arrays.fill(result.takerOf, -1);
            double[] distance = new double[takers];
            Arrays.fill(distance, Double.POSITIVE_INFINITY);
            int[] reachedFrom = new int[takers];
            boolean[] settled = new boolean[takers];
            int[] touched = new int[takers];
            int[] settledList = new int[takers];
            int[] treeGivers = new int[people];
            double[] treeDistance = new double[people];
            Heap heap = new Heap(takers);
            double[] u = result.giverPotential;
            double[] v = result.takerPotential;

            for (int source = 0; source < people; source++) {
                // The new giver's potential makes every arc out of it non-negative in reduced cost.
                double lowest = -v[people + source];
                for (int arc = arcs.start[source]; arc < arcs.start[source + 1]; arc++) {
                    lowest = Math.min(lowest, -arcs.weight[arc] - v[arcs.other[arc]]);
                }
                u[source] = lowest;

                int touchedCount = 0;
                int settledCount = 0;
                int treeCount = 0;
                heap.clear();
                treeGivers[treeCount] = source;
                treeDistance[treeCount++] = 0;
                int end = -1;
                double reach = 0;
                int giver = source;
                double base = 0;
                while (true) {
                    // Relax the arcs out of the giver just reached, its own "nobody" taker included.
                    for (int arc = arcs.start[giver]; arc <= arcs.start[giver + 1]; arc++) {
                        int taker;
                        double cost;
                        if (arc == arcs.start[giver + 1]) {
                            taker = people + giver;
                            cost = 0;
                        } else {
                            taker = arcs.other[arc];
                            cost = -arcs.weight[arc];
                        }
                        if (settled[taker]) {
                            continue;
                        }
                        double candidate = base + Math.max(0, cost - u[giver] - v[taker]);
                        if (candidate < distance[taker]) {
                            if (distance[taker] == Double.POSITIVE_INFINITY) {
                                touched[touchedCount++] = taker;
                            }
                            distance[taker] = candidate;
                            reachedFrom[taker] = giver;
                            heap.push(taker, candidate);
                        }
                    }
                    int taker = heap.popLowest(distance, settled);
                    settled[taker] = true;
                    settledList[settledCount++] = taker;
                    if (giverOf[taker] < 0) {
                        end = taker;
                        reach = distance[taker];
                        break;
                    }
                    giver = giverOf[taker];
                    base = distance[taker];
                    treeGivers[treeCount] = giver;
                    treeDistance[treeCount++] = base;
                }
                for (int i = 0; i < settledCount; i++) {
                    int taker = settledList[i];
                    v[taker] -= reach - distance[taker];
                }
                for (int i = 0; i < treeCount; i++) {
                    u[treeGivers[i]] += reach - treeDistance[i];
                }
                for (int taker = end; ; ) {
                    int from = reachedFrom[taker];
                    int previous = result.takerOf[from];
                    result.takerOf[from] = taker;
                    giverOf[taker] = from;
                    if (from == source) {
                        break;
                    }
                    taker = previous;
                }
                for (int i = 0; i < touchedCount; i++) {
                    distance[touched[i]] = Double.POSITIVE_INFINITY;
                    settled[touched[i]] = false;
                }
            }
            for (int giver = 0; giver < people; giver++) {
                int taker = result.takerOf[giver];
                if (taker >= people) {
                    result.takerOf[giver] = -1;
                    continue;
                }
                for (int arc = arcs.start[giver]; arc < arcs.start[giver + 1]; arc++) {
                    if (arcs.other[arc] == taker) {
                        result.weightOf[giver] = arcs.weight[arc];
                        result.total += arcs.weight[arc];
                        break;
                    }
                }
            }
            return result;
        }
    }

    /** A binary heap of takers by distance that may hold stale entries, skipped when popped. */
    private static final class Heap {
        private int[] takers;
        private double[] keys;
        private int size;

        Heap(int capacity) {
            takers = new int[Math.max(16, capacity)];
            keys = new double[takers.length];
        }

        void clear() {
            size = 0;
        }

        void push(int taker, double key) {
            if (size == takers.length) {
                takers = Arrays.copyOf(takers, 2 * size);
                keys = Arrays.copyOf(keys, 2 * size);
            }
            int at = size++;
            while (at > 0) {
                int parent = (at - 1) / 2;
                if (keys[parent] <= key) {
                    break;
                }
                takers[at] = takers[parent];
                keys[at] = keys[parent];
                at = parent;
            }
            takers[at] = taker;
            keys[at] = key;
        }

        // Every giver can give to nobody, so a free taker is always reached before the heap empties.
        int popLowest(double[] distance, boolean[] settled) {
            while (true) {
                int taker = takers[0];
                double key = keys[0];
                int lastTaker = takers[--size];
                double lastKey = keys[size];
                int at = 0;
                while (true) {
                    int child = 2 * at + 1;
                    if (child >= size) {
                        break;
                    }
                    if (child + 1 < size && keys[child + 1] < keys[child]) {
                        child++;
                    }
                    if (keys[child] >= lastKey) {
                        break;
                    }
                    takers[at] = takers[child];
                    keys[at] = keys[child];
                    at = child;
                }
                takers[at] = lastTaker;
                keys[at] = lastKey;
                if (!settled[taker] && key <= distance[taker] + EPSILON) {
                    return taker;
                }
            }
        }
    }

    /**
     * The relaxed solution as whole pairs: a person who gives to and takes from the same person is a
     * whole pair; the other half pairs link each person to at most two others, into paths and cycles,
     * and each of those is cut into its best set of whole pairs.
     */
    private static final class HalfPairs {

        static java.util.List<int[]> cut(Assignment assignment, int people) {
            int[] out = assignment.takerOf;
            int[] in = new int[people];
            Arrays.fill(in, -1);
            for (int person = 0; person < people; person++) {
                if (out[person] >= 0) {
                    in[out[person]] = person;
                }
            }
            java.util.List<int[]> pairs = new java.util.ArrayList<>();
            boolean[] done = new boolean[people];
            for (int person = 0; person < people; person++) {
                int partner = out[person];
                if (partner >= 0 && out[partner] == person) {
                    done[person] = true;
                    if (person < partner) {
                        pairs.add(new int[] {person, partner});
                    }
                }
            }
            // A half pair's score is kept on its giver: weightOf[giver] for giver -> out[giver].
            int[] chain = new int[people];
            double[] links = new double[people];
            // Paths start where nobody gives to the person (or the giver is a whole pair's).
            for (int person = 0; person < people; person++) {
                if (done[person] || (in[person] >= 0 && !done[in[person]])) {
                    continue;
                }
                int length = 0;
                for (int at = person; at >= 0 && !done[at]; at = out[at]) {
                    done[at] = true;
                    chain[length] = at;
                    links[length++] = out[at] >= 0 ? assignment.weightOf[at] : 0;
                }
                // links[i] joins chain[i] and chain[i + 1]; the last one leads outside or nowhere.
                bestOfPath(chain, links, 0, length - 1, pairs);
            }
            for (int person = 0; person < people; person++) {
                if (done[person]) {
                    continue;
                }
                int length = 0;
                for (int at = person; !done[at]; at = out[at]) {
                    done[at] = true;
                    chain[length] = at;
                    links[length++] = assignment.weightOf[at];
                }
                bestOfCycle(chain, links, length, pairs);
            }
            return pairs;
        }

        // The best pairs along chain[from..to], where links[i] joins chain[i] and chain[i + 1].
        private static double bestOfPath(int[] chain, double[] links, int from, int to, java.util.List<int[]> pairs) {
            int count = to - from + 1;
            if (count < 2) {
                return 0;
            }
            double[] best = new double[count + 1];
            for (int i = 2; i <= count; i++) {
                best[i] = Math.max(best[i - 1], best[i - 2] + links[from + i - 2]);
            }
            if (pairs != null) {
                for (int i = count; i >= 2; ) {
                    if (best[i] == best[i - 1]) {
                        i--;
                    } else {
                        pairs.add(ordered(chain[from + i - 2], chain[from + i - 1]));
                        i -= 2;
                    }
                }
            }
            return best[count];
        }

        // A cycle either leaves its closing link out, or takes it and leaves out its two neighbours.
        private static void bestOfCycle(int[] chain, double[] links, int length, java.util.List<int[]> pairs) {
            double open = bestOfPath(chain, links, 0, length - 1, null);
            double closed = links[length - 1] + bestOfPath(chain, links, 1, length - 2, null);
            if (closed > open) {
                pairs.add(ordered(chain[length - 1], chain[0]));
                bestOfPath(chain, links, 1, length - 2, pairs);
            } else {
                bestOfPath(chain, links, 0, length - 1, pairs);
            }
        }

        private static int[] ordered(int a, int b) {
            return new int[] {Math.min(a, b), Math.max(a, b)};
        }
    }
}
