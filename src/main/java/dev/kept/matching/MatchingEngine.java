package dev.kept.matching;

import java.util.List;
import org.jgrapht.alg.matching.blossom.v5.BlossomVOptions;
import org.jgrapht.alg.matching.blossom.v5.KolmogorovWeightedMatching;
import org.jgrapht.alg.matching.blossom.v5.ObjectiveSense;

/**
 * Pairs a whole program at once for the highest total compatibility, never breaking a hard rule.
 *
 * <p>The pairs are a maximum-weight matching (Kolmogorov's Blossom V, from JGraphT) of the graph
 * whose edges are the allowed pairs with a positive score. On a pruned graph, a round of more than
 * {@link #LARGEST_EXACT_ROUND} people is paired through the
 * relaxation instead ({@link RelaxedMatching}): Blossom V's time on such graphs ranges from seconds
 * to minutes, the relaxation's stays around a second, and its total is within a tenth of a
 * percent of the exact one there (docs/performance.md). People the matching leaves over join the
 * pair they fit best as a trio when every pair inside it is allowed; the rest are reported as
 * unmatched, to be offered a coach.
 */
public final class MatchingEngine {

    // Fractional initialization first solves the relaxation of the problem, which leaves few
    // trees for the blossom phase. JGraphT's default starts from nothing, and then each dual
    // update walks every unmatched person: measured on generated programs (docs/performance.md),
    // 2,000 people took 8 s with the default and under 2 s with this one, and 10,000 over five
    // minutes against under 5 s.
    private static final BlossomVOptions FRACTIONAL_START = new BlossomVOptions(
            BlossomVOptions.InitializationType.FRACTIONAL,
            BlossomVOptions.DualUpdateStrategy.MULTIPLE_TREE_CONNECTED_COMPONENTS,
            false,
            true);

    /**
     * The most people a round of a pruned program pairs exactly (as many as a complete graph);
     * larger rounds go through the relaxation.
     */
    static final int LARGEST_EXACT_ROUND = Options.LARGEST_FULL_GRAPH;

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
                graph -> options.topK() != null && graph.vertexSet().size() > LARGEST_EXACT_ROUND
                        ? RelaxedMatching.of(graph, graph.vertexSet().size()).matching()
                        : new KolmogorovWeightedMatching<>(graph, FRACTIONAL_START, ObjectiveSense.MAXIMIZE)
                                .getMatching());
    }
}
