package dev.kept.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * The steps every pairing shares, whatever algorithm chooses the pairs: build the candidate graph,
 * match it, explain each pair, and offer the people left over a place in a trio.
 */
final class PairingAssembly {

    /** How many pairs a person left over may be placed in, best first, before a coach is offered. */
    static final int TRIO_OPTIONS_PER_PERSON = 64;

    /** Matching rounds at most: the first over everyone, the others over the people left over. */
    static final int ROUNDS = 3;

    /** The most people kept in one group because they named each other (see {@link #groups}). */
    static final int LARGEST_CIRCLE = 16;

    private PairingAssembly() {}

    static Pairing run(
            List<Participant> participants,
            PairRule forbidden,
            ProgramRules rules,
            Weights weights,
            Options options,
            Function<Graph<Integer, DefaultWeightedEdge>, MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge>>
                    algorithm) {
        requireDistinctPeople(participants);
        PairScores scores = new PairScores(participants, weights, rules, options.offsetsAt());
        HardRules hardRules = new HardRules(participants, scores, forbidden);
        Compatibility compatibility = new Compatibility(weights, rules, options.offsetsAt());
        boolean[] isMatched = new boolean[participants.size()];
        int[] everyone = IntStream.range(0, participants.size()).toArray();
        int[][] groups = options.topK() == null ? new int[][] {everyone} : groups(scores, options.largestGroup());
        List<int[]> matched = new ArrayList<>();
        for (List<int[]> ofGroup : Arrays.stream(groups)
                .parallel()
                .map(group -> matchInRounds(group, scores, hardRules, options, algorithm))
                .toList()) {
            matched.addAll(ofGroup);
        }
        matched.forEach(pair -> isMatched[pair[0]] = isMatched[pair[1]] = true);
        if (groups.length > 1) {
            // The people each group left over may fit someone another group left over.
            int[] open =
                    IntStream.of(everyone).filter(person -> !isMatched[person]).toArray();
            List<int[]> across = matchInRounds(open, scores, hardRules, options, algorithm);
            across.forEach(pair -> isMatched[pair[0]] = isMatched[pair[1]] = true);
            matched.addAll(across);
        }
        matched.sort(Comparator.comparingInt(pair -> pair[0]));

        List<Pair> pairs = new ArrayList<>();
        double total = 0;
        for (int[] indices : matched) {
            Pair pair = explain(participants.get(indices[0]), participants.get(indices[1]), compatibility);
            pairs.add(pair);
            total += pair.score();
        }
        List<Integer> leftOver = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            if (!isMatched[i]) {
                leftOver.add(i);
            }
        }
        return joinTrios(participants, matched, pairs, leftOver, scores, hardRules, compatibility, total);
    }

    // On a pruned graph, people whose few candidates all found better partners are left over,
    // though they may fit each other; a further round pairs them among themselves. On the full
    // graph a further round finds nothing, since the first one is already the optimum.
    private static List<int[]> matchInRounds(
            int[] group,
            PairScores scores,
            HardRules hardRules,
            Options options,
            Function<Graph<Integer, DefaultWeightedEdge>, MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge>>
                    algorithm) {
        List<int[]> matched = new ArrayList<>();
        int[] open = group;
        for (int round = 0; round < ROUNDS && open.length > 1; round++) {
            Graph<Integer, DefaultWeightedEdge> graph =
                    CandidateGraph.of(scores, hardRules, options.topK(), open).graph();
            Set<Integer> pairedNow = new HashSet<>();
            for (DefaultWeightedEdge edge : algorithm.apply(graph).getEdges()) {
                int a = open[graph.getEdgeSource(edge)];
                int b = open[graph.getEdgeTarget(edge)];
                matched.add(new int[] {Math.min(a, b), Math.max(a, b)});
                pairedNow.add(a);
                pairedNow.add(b);
            }
            if (pairedNow.isEmpty()) {
                break;
            }
            open = IntStream.of(open)
                    .filter(person -> !pairedNow.contains(person))
                    .toArray();
        }
        return matched;
    }

    /**
     * A large program split into groups of at most about {@code largest} people, matched one by
     * one: the time to score all pairs grows with the square of a group's size, not the
     * program's. People who named each other stay in one group, so their mutual respect still
     * counts, except where such nominations chain many people together (a chain is cut once it
     * holds {@link #LARGEST_CIRCLE} people). Each circle goes to the smallest group so far, so the
     * groups are of even size and each is a fair sample of the program.
     */
    static int[][] groups(PairScores scores, int largest) {
        int size = scores.size();
        int count = (size + largest - 1) / largest;
        if (count <= 1) {
            return new int[][] {IntStream.range(0, size).toArray()};
        }
        int[] root = IntStream.range(0, size).toArray();
        int[] circle = new int[size];
        Arrays.fill(circle, 1);
        for (int[] pair : scores.mutualRespectPairs()) {
            int a = find(root, pair[0]);
            int b = find(root, pair[1]);
            if (a != b && circle[a] + circle[b] <= LARGEST_CIRCLE) {
                root[a] = b;
                circle[b] += circle[a];
            }
        }
        int[] groupOfRoot = new int[size];
        Arrays.fill(groupOfRoot, -1);
        List<List<Integer>> groups = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            groups.add(new ArrayList<>());
        }
        for (int person = 0; person < size; person++) {
            int r = find(root, person);
            if (groupOfRoot[r] < 0) {
                int smallest = 0;
                for (int g = 1; g < count; g++) {
                    if (groups.get(g).size() < groups.get(smallest).size()) {
                        smallest = g;
                    }
                }
                groupOfRoot[r] = smallest;
            }
            groups.get(groupOfRoot[r]).add(person);
        }
        return groups.stream()
                .map(group -> group.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    private static int find(int[] root, int person) {
        while (root[person] != person) {
            root[person] = root[root[person]];
            person = root[person];
        }
        return person;
    }

    // Each person left over joins the pair they fit best, at most one per pair and only when all
    // three pairs inside the trio are allowed; the best fits are placed first. Each person keeps
    // their best few options, and the rules are asked only about options that would be taken.
    private static Pairing joinTrios(
            List<Participant> participants,
            List<int[]> matched,
            List<Pair> pairs,
            List<Integer> leftOver,
            PairScores scores,
            HardRules hardRules,
            Compatibility compatibility,
            double total) {
        record Option(int person, int pair, double fit) {}
        Comparator<Option> bestFirst = Comparator.comparingDouble(Option::fit)
                .reversed()
                .thenComparingInt(Option::person)
                .thenComparingInt(Option::pair);
        List<Option> options = new ArrayList<>();
        BestFits best = new BestFits(TRIO_OPTIONS_PER_PERSON);
        for (int person : leftOver) {
            best.clear();
            for (int p = 0; p < matched.size(); p++) {
                double fit = scores.score(person, matched.get(p)[0]) + scores.score(person, matched.get(p)[1]);
                best.offer(p, fit);
            }
            for (int slot = 0; slot < best.count; slot++) {
                options.add(new Option(person, best.pairs[slot], best.fits[slot]));
            }
        }
        options.sort(bestFirst);
        Set<Integer> placedPeople = new HashSet<>();
        Set<Integer> fullPairs = new HashSet<>();
        List<Trio> trios = new ArrayList<>();
        for (Option option : options) {
            if (placedPeople.contains(option.person()) || fullPairs.contains(option.pair())) {
                continue;
            }
            int a = matched.get(option.pair())[0];
            int b = matched.get(option.pair())[1];
            if (!hardRules.allow(option.person(), a) || !hardRules.allow(option.person(), b)) {
                continue;
            }
            placedPeople.add(option.person());
            fullPairs.add(option.pair());
            Participant joining = participants.get(option.person());
            trios.add(new Trio(
                    pairs.get(option.pair()),
                    explain(joining, participants.get(a), compatibility),
                    explain(joining, participants.get(b), compatibility)));
        }
        List<Pair> stayingTwo = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            if (!fullPairs.contains(p)) {
                stayingTwo.add(pairs.get(p));
            }
        }
        List<UUID> unmatched = leftOver.stream()
                .filter(person -> !placedPeople.contains(person))
                .map(person -> participants.get(person).id())
                .toList();
        return new Pairing(stayingTwo, trios, unmatched, total);
    }

    /** The best positive fits of one person, kept without boxing since every pair is offered. */
    private static final class BestFits {
        final int[] pairs;
        final double[] fits;
        int count;

        BestFits(int capacity) {
            pairs = new int[capacity];
            fits = new double[capacity];
        }

        void clear() {
            count = 0;
        }

        void offer(int pair, double fit) {
            if (fit <= 0) {
                return;
            }
            if (count < fits.length) {
                pairs[count] = pair;
                fits[count++] = fit;
                return;
            }
            int worst = 0;
            for (int slot = 1; slot < count; slot++) {
                if (fits[slot] < fits[worst]) {
                    worst = slot;
                }
            }
            // Ties keep the earlier pair, as the sorted order of all options would.
            if (fit > fits[worst]) {
                pairs[worst] = pair;
                fits[worst] = fit;
            }
        }
    }

    // Someone listed twice could be paired with themselves under two positions in the graph.
    private static void requireDistinctPeople(List<Participant> participants) {
        Set<UUID> seen = new HashSet<>();
        for (Participant participant : participants) {
            if (!seen.add(participant.id())) {
                throw new IllegalArgumentException("participant " + participant.id() + " is listed twice");
            }
        }
    }

    private static Pair explain(Participant a, Participant b, Compatibility compatibility) {
        return new Pair(a.id(), b.id(), compatibility.score(a, b), compatibility.reasons(a, b));
    }
}
