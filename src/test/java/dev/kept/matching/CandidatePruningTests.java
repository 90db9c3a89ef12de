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

    @Test
    void groupsAreEvenHoldEveryoneOnceAndKeepMostPeopleWhoNamedEachOtherTogether() {
        Organization organization = OrganizationGenerator.generate(7, 1_000);
        PairScores scores =
                new PairScores(organization.participants(), Weights.defaults(), ProgramRules.defaults(), WINTER);

        int[][] groups = PairingAssembly.groups(scores, 250);

        assertThat(groups.length).isEqualTo(4);
        int[] groupOf = new int[1_000];
        java.util.Arrays.fill(groupOf, -1);
        for (int g = 0; g < groups.length; g++) {
            assertThat(groups[g].length).as("group %d", g).isBetween(200, 300);
            for (int person : groups[g]) {
                assertThat(groupOf[person])
                        .as("person %d in one group only", person)
                        .isEqualTo(-1);
                groupOf[person] = g;
            }
        }
        assertThat(groupOf).doesNotContain(-1);
        int[][] respected = scores.mutualRespectPairs();
        long together = java.util.Arrays.stream(respected)
                .filter(pair -> groupOf[pair[0]] == groupOf[pair[1]])
                .count();
        assertThat(respected.length).isGreaterThan(100);
        // Only long chains of nominations are cut; a random split would keep about a quarter.
        assertThat(together).isGreaterThanOrEqualTo(respected.length * 9 / 10);
    }

    @Test
    void pairsPeopleWhoseCandidatesAllFoundBetterPartnersInALaterRound() {
        Organization organization = OrganizationGenerator.generate(21, 400);
        ProgramRules rules = ProgramRules.defaults();

        Pairing pairing = engine.match(
                organization.participants(),
                organization.forbidden(rules),
                rules,
                Weights.defaults(),
                Options.pruned(1, WINTER));

        // With one candidate each, a single round leaves many people over; further rounds pair
        // nearly all of them among themselves.
        assertThat(pairing.unmatched()).hasSizeLessThan(10);
    }
}
