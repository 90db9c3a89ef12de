package dev.kept.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
        Graph<Integer, DefaultWeightedEdge> graph =
                CandidateGraph.of(scores, hardRules, options.topK()).graph();

        List<int[]> matched = new ArrayList<>();
        boolean[] isMatched = new boolean[participants.size()];
        for (DefaultWeightedEdge edge : algorithm.apply(graph).getEdges()) {
            int a = Math.min(graph.getEdgeSource(edge), graph.getEdgeTarget(edge));
            int b = Math.max(graph.getEdgeSource(edge), graph.getEdgeTarget(edge));
            matched.add(new int[] {a, b});
            isMatched[a] = true;
            isMatched[b] = true;
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
        for (int person : leftOver) {
            PriorityQueue<Option> best = new PriorityQueue<>(bestFirst.reversed());
            for (int p = 0; p < matched.size(); p++) {
                double fit = scores.score(person, matched.get(p)[0]) + scores.score(person, matched.get(p)[1]);
                if (fit > 0) {
                    best.add(new Option(person, p, fit));
                    if (best.size() > TRIO_OPTIONS_PER_PERSON) {
                        best.poll();
                    }
                }
            }
            options.addAll(best);
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
