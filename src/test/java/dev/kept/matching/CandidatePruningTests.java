package dev.kept.matching;

import static dev.kept.matching.MatchingFixtures.WINTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.matching.OrganizationGenerator.Organization;
import org.junit.jupiter.api.Test;

class CandidatePruningTests {

    private final MatchingEngine engine = new MatchingEngine();

    @Test
    void keepingEachPersonsTenBestCandidatesReachesNinetyNinePercentOfTheFullOptimum() {
        for (long seed : new long[] {11, 12, 13}) {
            Organization organization = OrganizationGenerator.generate(seed, 500);
            ProgramRules rules = ProgramRules.defaults();
            PairRule forbidden = organization.forbidden(rules);

            double full = engine.match(
                            organization.participants(),
                            forbidden,
                            rules,
                            Weights.defaults(),
                            Options.fullGraph(WINTER))
                    .totalScore();
            double pruned = engine.match(
                            organization.participants(),
                            forbidden,
                            rules,
                            Weights.defaults(),
                            Options.pruned(10, WINTER))
                    .totalScore();

            assertThat(pruned).as("seed %d", seed).isGreaterThanOrEqualTo(0.99 * full);
            assertThat(pruned).as("seed %d", seed).isLessThanOrEqualTo(full + 1e-6);
        }
    }
}
