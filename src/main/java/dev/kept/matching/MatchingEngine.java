package dev.kept.matching;

import java.util.List;
import org.jgrapht.alg.matching.blossom.v5.KolmogorovWeightedMatching;
import org.jgrapht.alg.matching.blossom.v5.ObjectiveSense;

/**
 * Pairs a whole program at once for the highest total compatibility, never breaking a hard rule.
 *
 * <p>The pairs are a maximum-weight matching (Kolmogorov's Blossom V, from JGraphT) of the graph
 * whose edges are the allowed pairs with a positive score. People the matching leaves over join
 * the pair they fit best as a trio when every pair inside it is allowed; the rest are reported as
 * unmatched, to be offered a coach.
 */
public final class MatchingEngine {

    /**
     * @param participants everyone who opted in; ids must be distinct
     * @param forbidden the caller's hard rule (reporting line, competitors, previous partners,
     *     another organization); the engine adds never oneself and the program's own limits
     */
    public Pairing match(
            List<Participant> participants, PairRule forbidden, ProgramRules rules, Weights weights, Options options) {
        return PairingAssembly.run(
                participants,
                forbidden,
                rules,
                weights,
                options,
                graph -> new KolmogorovWeightedMatching<>(graph, ObjectiveSense.MAXIMIZE).getMatching());
    }
}
