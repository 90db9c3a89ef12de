package dev.kept.matching;

import java.util.List;
import org.jgrapht.alg.matching.GreedyWeightedMatching;

/**
 * The way pairing is usually done, kept as a baseline for {@link MatchingEngine}: take the most
 * compatible allowed pair, remove both people, repeat. Same candidates, reasons and trios as the
 * engine; only the choice of pairs differs.
 */
public final class GreedyPairing {

    public Pairing match(
            List<Participant> participants, PairRule forbidden, ProgramRules rules, Weights weights, Options options) {
        return PairingAssembly.run(
                participants,
                forbidden,
                rules,
                weights,
                options,
                // Raw scores, not normalized by degree: the baseline is plain "best edge first".
                graph -> new GreedyWeightedMatching<>(graph, false).getMatching());
    }
}
