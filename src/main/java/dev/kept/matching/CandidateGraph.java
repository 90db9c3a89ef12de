package dev.kept.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.util.SupplierUtil;

/**
 * The people who could be paired and how well: one vertex per participant (by position in the
 * list) and one edge per allowed pair with a positive score, optionally pruned to each person's
 * best candidates.
 */
final class CandidateGraph {

    private final Graph<Integer, DefaultWeightedEdge> graph;

    // Blossom V adds helper vertices of its own to a copy of the graph (to allow people to stay
    // unmatched), so the graph must be able to make vertices beyond the participants' positions.
    private CandidateGraph(int participants) {
        AtomicInteger nextVertex = new AtomicInteger(participants);
        graph = new SimpleWeightedGraph<>(
                nextVertex::getAndIncrement, SupplierUtil.createDefaultWeightedEdgeSupplier());
    }

    static CandidateGraph of(
            List<Participant> participants, HardRules hardRules, Compatibility compatibility, Integer topK) {
        List<List<Candidate>> byPerson = new ArrayList<>(participants.size());
        for (int i = 0; i < participants.size(); i++) {
            byPerson.add(new ArrayList<>());
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            Participant a = participants.get(i);
            for (int j = i + 1; j < participants.size(); j++) {
                Participant b = participants.get(j);
                if (!hardRules.allow(a, b)) {
                    continue;
                }
                double score = compatibility.score(a, b);
                // A pair with nothing in common adds nothing to the total, so it is no candidate.
                if (score > 0) {
                    Candidate candidate = new Candidate(i, j, score);
                    candidates.add(candidate);
                    byPerson.get(i).add(candidate);
                    byPerson.get(j).add(candidate);
                }
            }
        }
        CandidateGraph candidateGraph = new CandidateGraph(participants.size());
        for (int i = 0; i < participants.size(); i++) {
            candidateGraph.graph.addVertex(i);
        }
        List<Candidate> kept = topK == null ? candidates : bestOfEach(byPerson, topK);
        kept.forEach(candidateGraph::add);
        return candidateGraph;
    }

    // An edge stays when it is among the best k of either side, so nobody loses all candidates
    // only because they are popular with no one.
    private static List<Candidate> bestOfEach(List<List<Candidate>> byPerson, int topK) {
        List<Candidate> kept = new ArrayList<>();
        Comparator<Candidate> bestFirst = Comparator.comparingDouble(Candidate::score)
                .reversed()
                .thenComparingInt(Candidate::a)
                .thenComparingInt(Candidate::b);
        for (List<Candidate> ofPerson : byPerson) {
            ofPerson.stream().sorted(bestFirst).limit(topK).forEach(kept::add);
        }
        return kept;
    }

    private void add(Candidate candidate) {
        // An edge kept by both sides is added once; the second add returns null.
        DefaultWeightedEdge edge = graph.addEdge(candidate.a(), candidate.b());
        if (edge != null) {
            graph.setEdgeWeight(edge, candidate.score());
        }
    }

    Graph<Integer, DefaultWeightedEdge> graph() {
        return graph;
    }

    private record Candidate(int a, int b, double score) {}
}
