package dev.kept.matching;

import static dev.kept.matching.MatchingFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.kept.matching.OrganizationGenerator.Organization;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MatchingEngineTests {

    private final MatchingEngine engine = new MatchingEngine();
    private final GreedyPairing greedy = new GreedyPairing();

    @Test
    void neverBreaksAHardRuleOverManyOrganizations() {
        for (long seed = 1; seed <= 200; seed++) {
            int size = 20 + new Random(seed).nextInt(101);
            Organization organization = OrganizationGenerator.generate(seed, size);
            ProgramRules rules = rulesFor(seed);

            Pairing pairing = engine.match(
                    organization.participants(),
                    organization.forbidden(rules),
                    rules,
                    Weights.defaults(),
                    Options.fullGraph(WINTER));

            for (Pair pair : allPairsInside(pairing)) {
                assertAllowed(organization, rules, pair.a(), pair.b(), seed);
            }
            assertEveryoneAppearsExactlyOnce(organization, pairing, seed);
            assertThat(pairing.totalScore()).as("seed %d", seed).isCloseTo(sumOfMatchedPairs(pairing), within(1e-9));
        }
    }

    @Test
    void neverBreaksAHardRuleWhenPrunedOrMatchedInGroups() {
        for (long seed = 201; seed <= 240; seed++) {
            int size = 100 + new Random(seed).nextInt(201);
            Organization organization = OrganizationGenerator.generate(seed, size);
            ProgramRules rules = rulesFor(seed);
            Options options = seed % 2 == 0
                    ? Options.pruned(3, WINTER)
                    : Options.pruned(5, WINTER).inGroupsOf(60);

            Pairing pairing = engine.match(
                    organization.participants(), organization.forbidden(rules), rules, Weights.defaults(), options);

            for (Pair pair : allPairsInside(pairing)) {
                assertAllowed(organization, rules, pair.a(), pair.b(), seed);
            }
            assertEveryoneAppearsExactlyOnce(organization, pairing, seed);
            assertThat(pairing.totalScore()).as("seed %d", seed).isCloseTo(sumOfMatchedPairs(pairing), within(1e-9));
        }
    }

    @Test
    void reasonsNeverRevealOneSidedRespectOrPrivateDeclarations() {
        int pairsWithOneSidedRespect = 0;
        for (long seed = 1; seed <= 50; seed++) {
            Organization organization = OrganizationGenerator.generate(seed, 60);
            ProgramRules rules = rulesFor(seed);

            Pairing pairing = engine.match(
                    organization.participants(),
                    organization.forbidden(rules),
                    rules,
                    Weights.defaults(),
                    Options.fullGraph(WINTER));

            for (Pair pair : allPairsInside(pairing)) {
                Participant a = organization.participant(pair.a());
                Participant b = organization.participant(pair.b());
                boolean mutual = a.respects(b) && b.respects(a);
                String reasons = String.join(" | ", pair.reasons());
                // Mutual respect may be outshone by stronger reasons; a one-sided nomination must never show.
                if (!mutual && (a.respects(b) || b.respects(a))) {
                    pairsWithOneSidedRespect++;
                }
                if (!mutual) {
                    assertThat(reasons).as("seed %d", seed).doesNotContainIgnoringCase("respect");
                }
                assertThat(reasons).doesNotContainIgnoringCase("compet").doesNotContainIgnoringCase("report");
            }
        }
        // The check above must have met the case it guards against.
        assertThat(pairsWithOneSidedRespect).isPositive();
    }

    @Test
    void findsTheExactMaximumOnSmallPrograms() {
        for (long seed = 1; seed <= 300; seed++) {
            int size = 2 + new Random(seed).nextInt(11);
            Organization organization = OrganizationGenerator.generate(seed, size);
            ProgramRules rules = rulesFor(seed);
            Compatibility compatibility = new Compatibility(Weights.defaults(), rules, WINTER);

            Pairing pairing = engine.match(
                    organization.participants(),
                    organization.forbidden(rules),
                    rules,
                    Weights.defaults(),
                    Options.fullGraph(WINTER));

            double exact = bruteForceMaximum(organization, rules, compatibility);
            assertThat(pairing.totalScore())
                    .as("seed %d, %d people", seed, size)
                    .isCloseTo(exact, within(1e-6));
        }
    }

    @Test
    void isNeverBelowGreedyPairing() {
        for (long seed = 1; seed <= 200; seed++) {
            int size = 20 + new Random(seed).nextInt(101);
            Organization organization = OrganizationGenerator.generate(seed, size);
            ProgramRules rules = rulesFor(seed);
            PairRule forbidden = organization.forbidden(rules);

            double optimal = engine.match(
                            organization.participants(),
                            forbidden,
                            rules,
                            Weights.defaults(),
                            Options.fullGraph(WINTER))
                    .totalScore();
            double greedyTotal = greedy.match(
                            organization.participants(),
                            forbidden,
                            rules,
                            Weights.defaults(),
                            Options.fullGraph(WINTER))
                    .totalScore();

            assertThat(optimal).as("seed %d", seed).isGreaterThanOrEqualTo(greedyTotal - 1e-9);
        }
    }

    @Test
    void joinsAnOddPersonToTheBestFittingPair() {
        Participant ada = withStrengths(growingIn(person("Ada"), "java"), "postgres");
        Participant ben = withStrengths(growingIn(person("Ben"), "postgres"), "java");
        Participant chen = withStrengths(growingIn(person("Chen"), "hiring"), "writing");
        Participant dana = withStrengths(growingIn(person("Dana"), "writing"), "hiring");
        Participant emeka = growingIn(person("Emeka"), "postgres");
        Weights growthOnly = only("growth", 1);

        Pairing pairing = engine.match(
                List.of(ada, ben, chen, dana, emeka),
                PairRule.none(),
                ProgramRules.defaults(),
                growthOnly,
                Options.fullGraph(WINTER));

        assertThat(pairing.unmatched()).isEmpty();
        assertThat(pairing.trios()).singleElement().satisfies(trio -> {
            assertThat(trio.joined()).isEqualTo(emeka.id());
            assertThat(Set.of(trio.pair().a(), trio.pair().b())).containsExactlyInAnyOrder(ada.id(), ben.id());
            assertThat(trio.joinedWithA().reasons().stream().anyMatch(r -> r.contains("meets Emeka's wish")))
                    .isTrue();
        });
        assertThat(pairing.pairs())
                .singleElement()
                .satisfies(
                        pair -> assertThat(Set.of(pair.a(), pair.b())).containsExactlyInAnyOrder(chen.id(), dana.id()));
        assertThat(pairing.totalScore()).isEqualTo(4);
    }

    @Test
    void leavesTheOddPersonUnmatchedWhenAnyPairInsideTheTrioIsForbidden() {
        Participant ada = withStrengths(growingIn(person("Ada"), "java"), "postgres");
        Participant ben = withStrengths(growingIn(person("Ben"), "postgres"), "java");
        Participant emeka = growingIn(person("Emeka"), "postgres");
        PairRule emekaCompetesWithBen = PairRule.forbiddenPairs(List.of(List.of(emeka.id(), ben.id())));

        Pairing pairing = engine.match(
                List.of(ada, ben, emeka),
                emekaCompetesWithBen,
                ProgramRules.defaults(),
                only("growth", 1),
                Options.fullGraph(WINTER));

        assertThat(pairing.trios()).isEmpty();
        assertThat(pairing.unmatched()).containsExactly(emeka.id());
    }

    @Test
    void pairsPreviousPartnersAgainOnlyWhenTheProgramAllowsIt() {
        Participant ada = withStrengths(person("Ada"), "postgres");
        Participant ben = growingIn(person("Ben"), "postgres");
        PairRule previous = PairRule.forbiddenPairs(List.of(List.of(ada.id(), ben.id())));
        ProgramRules avoiding = ProgramRules.defaults();
        ProgramRules allowing = new ProgramRules(false, avoiding.team(), avoiding.region(), avoiding.largestLevelGap());

        Pairing whenAvoiding = engine.match(
                List.of(ada, ben),
                PairRule.forProgram(avoiding, PairRule.none(), previous),
                avoiding,
                Weights.defaults(),
                Options.fullGraph(WINTER));
        Pairing whenAllowing = engine.match(
                List.of(ada, ben),
                PairRule.forProgram(allowing, PairRule.none(), previous),
                allowing,
                Weights.defaults(),
                Options.fullGraph(WINTER));

        assertThat(whenAvoiding.pairs()).isEmpty();
        assertThat(whenAvoiding.unmatched()).containsExactlyInAnyOrder(ada.id(), ben.id());
        assertThat(whenAllowing.pairs()).hasSize(1);
    }

    @Test
    void refusesAPersonListedTwice() {
        Participant ada = person("Ada");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> engine.match(
                        List.of(ada, ada),
                        PairRule.none(),
                        ProgramRules.defaults(),
                        Weights.defaults(),
                        Options.fullGraph(WINTER)))
                .withMessageContaining("listed twice");
    }

    static List<Pair> allPairsInside(Pairing pairing) {
        List<Pair> pairs = new ArrayList<>(pairing.pairs());
        for (Trio trio : pairing.trios()) {
            pairs.add(trio.pair());
            pairs.add(trio.joinedWithA());
            pairs.add(trio.joinedWithB());
        }
        return pairs;
    }

    private static double sumOfMatchedPairs(Pairing pairing) {
        return pairing.pairs().stream().mapToDouble(Pair::score).sum()
                + pairing.trios().stream()
                        .mapToDouble(trio -> trio.pair().score())
                        .sum();
    }

    // Checked from the organization itself, not through the engine's rule, so a bug in how the
    // engine applies the rule cannot hide here.
    static void assertAllowed(Organization organization, ProgramRules rules, UUID aId, UUID bId, long seed) {
        String pair = "seed %d: %s and %s".formatted(seed, aId, bId);
        assertThat(aId).as(pair).isNotEqualTo(bId);
        assertThat(organization.inReportingLine(aId, bId))
                .as("reporting line, " + pair)
                .isFalse();
        assertThat(organization.competitors(aId, bId))
                .as("competitors, " + pair)
                .isFalse();
        if (rules.avoidPreviousPartners()) {
            assertThat(organization.previousPartners(aId, bId))
                    .as("previous partners, " + pair)
                    .isFalse();
        }
        Participant a = organization.participant(aId);
        Participant b = organization.participant(bId);
        if (rules.largestLevelGap() != null && a.level() != null && b.level() != null) {
            assertThat(Math.abs(a.level() - b.level()))
                    .as("level gap, " + pair)
                    .isLessThanOrEqualTo(rules.largestLevelGap());
        }
        if (rules.team() == ProgramRules.TeamRule.OTHER_TEAM_REQUIRED) {
            assertThat(a.teamId()).as("team, " + pair).isNotEqualTo(b.teamId());
        }
    }

    static void assertEveryoneAppearsExactlyOnce(Organization organization, Pairing pairing, long seed) {
        List<UUID> appearances = new ArrayList<>();
        pairing.pairs().forEach(pair -> appearances.addAll(List.of(pair.a(), pair.b())));
        pairing.trios().forEach(trio -> appearances.addAll(trio.members()));
        appearances.addAll(pairing.unmatched());
        assertThat(appearances).as("seed %d", seed).doesNotHaveDuplicates();
        assertThat(new HashSet<>(appearances))
                .as("seed %d", seed)
                .isEqualTo(new HashSet<>(organization.participants().stream()
                        .map(Participant::id)
                        .toList()));
    }

    /** The best total over every set of disjoint allowed pairs, by exhaustive search. */
    private static double bruteForceMaximum(
            Organization organization, ProgramRules rules, Compatibility compatibility) {
        List<Participant> people = organization.participants();
        int n = people.size();
        double[][] score = new double[n][n];
        boolean[][] allowed = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Participant a = people.get(i);
                Participant b = people.get(j);
                allowed[i][j] = i != j && independentlyAllowed(organization, rules, a, b);
                score[i][j] = compatibility.score(a, b);
            }
        }
        double[] best = new double[1 << n];
        // best[mask] is the maximum over the people not yet in mask; fill from the full mask down.
        for (int mask = (1 << n) - 1; mask >= 0; mask--) {
            int first = Integer.numberOfTrailingZeros(~mask);
            if (first >= n) {
                best[mask] = 0;
                continue;
            }
            double value = best[mask | 1 << first];
            for (int j = first + 1; j < n; j++) {
                if ((mask & 1 << j) == 0 && allowed[first][j]) {
                    value = Math.max(value, score[first][j] + best[mask | 1 << first | 1 << j]);
                }
            }
            best[mask] = value;
        }
        return best[0];
    }

    private static boolean independentlyAllowed(
            Organization organization, ProgramRules rules, Participant a, Participant b) {
        if (organization.inReportingLine(a.id(), b.id()) || organization.competitors(a.id(), b.id())) {
            return false;
        }
        if (rules.avoidPreviousPartners() && organization.previousPartners(a.id(), b.id())) {
            return false;
        }
        if (rules.largestLevelGap() != null
                && a.level() != null
                && b.level() != null
                && Math.abs(a.level() - b.level()) > rules.largestLevelGap()) {
            return false;
        }
        return rules.team() != ProgramRules.TeamRule.OTHER_TEAM_REQUIRED
                || !a.teamId().equals(b.teamId());
    }
}
