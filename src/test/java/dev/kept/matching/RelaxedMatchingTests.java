package dev.kept.matching;

import static dev.kept.matching.MatchingFixtures.WINTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kept.matching.OrganizationGenerator.Organization;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.MaximumWeightBipartiteMatching;
import org.jgrapht.alg.matching.blossom.v5.KolmogorovWeightedMatching;
import org.jgrapht.alg.matching.blossom.v5.ObjectiveSense;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.Test;

class RelaxedMatchingTests {

    @Test
    void theRelaxedTotalIsTheOptimumOfTheDoubleCoverAndTheSharesProveIt() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            int people = 2 + random.nextInt(60);
            // Few distinct scores, so many pairs tie, as they do in real programs.
            Graph<Integer, DefaultWeightedEdge> graph = randomGraph(random, people, 0.05 + random.nextDouble() / 3, 6);

            RelaxedMatching relaxed = RelaxedMatching.of(graph, people);

            assertThat(relaxed.relaxedTotal())
                    .as("seed %d", seed)
                    .isCloseTo(doubleCoverOptimum(graph, people) / 2, within(1e-6));
            double[] shares = relaxed.shares();
            assertThat(IntStream.range(0, people)
                            .mapToDouble(p -> shares[p])
                            .min()
                            .orElse(0))
                    .as("seed %d", seed)
                    .isGreaterThanOrEqualTo(0);
            for (DefaultWeightedEdge edge : graph.edgeSet()) {
                assertThat(shares[graph.getEdgeSource(edge)] + shares[graph.getEdgeTarget(edge)])
                        .as("seed %d, edge %s", seed, edge)
                        .isGreaterThanOrEqualTo(graph.getEdgeWeight(edge) - 1e-6);
            }
            assertThat(IntStream.range(0, people).mapToDouble(p -> shares[p]).sum())
                    .as("seed %d", seed)
                    .isCloseTo(relaxed.relaxedTotal(), within(1e-6));
        }
    }

    @Test
    void cutsTheRelaxationIntoAPairingNoBetterThanTheOptimumAndExactOnTwoSidedGraphs() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            int people = 2 + random.nextInt(60);
            boolean twoSided = seed % 2 == 0;
            Graph<Integer, DefaultWeightedEdge> graph = twoSided
                    ? randomTwoSidedGraph(random, people, 0.1 + random.nextDouble() / 3, 5)
                    : randomGraph(random, people, 0.05 + random.nextDouble() / 3, 5);

            MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching =
                    RelaxedMatching.of(graph, people).matching();

            Set<Integer> seen = new HashSet<>();
            double total = 0;
            for (DefaultWeightedEdge edge : matching.getEdges()) {
                assertThat(seen.add(graph.getEdgeSource(edge)))
                        .as("seed %d", seed)
                        .isTrue();
                assertThat(seen.add(graph.getEdgeTarget(edge)))
                        .as("seed %d", seed)
                        .isTrue();
                total += graph.getEdgeWeight(edge);
            }
            assertThat(matching.getWeight()).as("seed %d", seed).isCloseTo(total, within(1e-9));
            double exact = new KolmogorovWeightedMatching<>(graph, ObjectiveSense.MAXIMIZE)
                    .getMatching()
                    .getWeight();
            assertThat(total).as("seed %d", seed).isLessThanOrEqualTo(exact + 1e-6);
            if (twoSided) {
                // Without odd cycles, every path and cycle of half pairs holds whole pairs worth at
                // least its share of the relaxation, whose optimum is then the exact one.
                assertThat(total).as("seed %d", seed).isCloseTo(exact, within(1e-6));
            } else {
                // A cycle of three is the worst case: it keeps one of its three halves' worth.
                assertThat(total).as("seed %d", seed).isGreaterThanOrEqualTo(2 * exact / 3 - 1e-6);
            }
        }
    }

    @Test
    void keepsTheBestPairOfATriangleAndLeavesTheThirdPersonForTheNextRound() {
        Graph<Integer, DefaultWeightedEdge> graph = emptyGraph(3);
        graph.setEdgeWeight(graph.addEdge(0, 1), 4);
        graph.setEdgeWeight(graph.addEdge(1, 2), 5);
        graph.setEdgeWeight(graph.addEdge(0, 2), 3);

        RelaxedMatching relaxed = RelaxedMatching.of(graph, 3);

        assertThat(relaxed.relaxedTotal()).isCloseTo(6, within(1e-9));
        assertThat(relaxed.matching().getEdges()).containsExactly(graph.getEdge(1, 2));
    }

    @Test
    void aLargeProgramPairedThroughTheRelaxationBreaksNoRuleAndScoresAsBlossomVWould() {
        MatchingEngine engine = new MatchingEngine();
        for (long seed : new long[] {31, 32}) {
            int size = MatchingEngine.LARGEST_EXACT_ROUND + 300;
            Organization organization = OrganizationGenerator.generate(seed, size);
            ProgramRules rules = seed % 2 == 0 ? ProgramRules.defaults() : MatchingFixtures.rulesFor(seed);
            PairRule forbidden = organization.forbidden(rules);
            Options options = Options.forProgram(size, WINTER);

            Pairing relaxed = engine.match(organization.participants(), forbidden, rules, Weights.defaults(), options);
            Pairing exact = PairingAssembly.run(
                    organization.participants(),
                    forbidden,
                    rules,
                    Weights.defaults(),
                    options,
                    graph -> new KolmogorovWeightedMatching<>(graph, ObjectiveSense.MAXIMIZE).getMatching());

            for (Pair pair : MatchingEngineTests.allPairsInside(relaxed)) {
                MatchingEngineTests.assertAllowed(organization, rules, pair.a(), pair.b(), seed);
            }
            MatchingEngineTests.assertEveryoneAppearsExactlyOnce(organization, relaxed, seed);
            assertThat(relaxed.totalScore()).as("seed %d", seed).isGreaterThanOrEqualTo(0.999 * exact.totalScore());
            List<UUID> leftOver = relaxed.unmatched();
            assertThat(leftOver.size())
                    .as("seed %d", seed)
                    .isLessThanOrEqualTo(exact.unmatched().size() + 2);
        }
    }

    @Test
    void theBenchmarksBoundIsNeverBelowTheExactOptimumOfTheCompleteGraph() {
        MatchingEngine engine = new MatchingEngine();
        for (long seed = 41; seed <= 60; seed++) {
            int size = 40 + new Random(seed).nextInt(200);
            Organization organization = OrganizationGenerator.generate(seed, size);
            ProgramRules rules = MatchingFixtures.rulesFor(seed);
            PairRule forbidden = organization.forbidden(rules);
            double exact = engine.match(
                            organization.participants(),
                            forbidden,
                            rules,
                            Weights.defaults(),
                            Options.fullGraph(WINTER))
                    .totalScore();

            // Few candidates each and small groups: many pairs outside the graph to cover.
            double rough =
                    OptimumBound.of(organization.participants(), forbidden, rules, Weights.defaults(), WINTER, 3, 100);
            double close = OptimumBound.of(
                    organization.participants(), forbidden, rules, Weights.defaults(), WINTER, 50, 10_000);

            assertThat(rough).as("seed %d", seed).isGreaterThanOrEqualTo(exact - 1e-6);
            assertThat(close).as("seed %d", seed).isGreaterThanOrEqualTo(exact - 1e-6);
            // Useful only when close: the benchmark reads 99 % of it as 99 % of the optimum.
            assertThat(close).as("seed %d", seed).isLessThanOrEqualTo(1.005 * exact);
        }
    }

    private static double doubleCoverOptimum(Graph<Integer, DefaultWeightedEdge> graph, int people) {
        Graph<Integer, DefaultWeightedEdge> cover = emptyGraph(2 * people);
        for (DefaultWeightedEdge edge : graph.edgeSet()) {
            int a = graph.getEdgeSource(edge);
            int b = graph.getEdgeTarget(edge);
            cover.setEdgeWeight(cover.addEdge(a, people + b), graph.getEdgeWeight(edge));
            cover.setEdgeWeight(cover.addEdge(b, people + a), graph.getEdgeWeight(edge));
        }
        Set<Integer> givers = new HashSet<>();
        Set<Integer> takers = new HashSet<>();
        for (int person = 0; person < people; person++) {
            givers.add(person);
            takers.add(people + person);
        }
        return new MaximumWeightBipartiteMatching<>(cover, givers, takers)
                .getMatching()
                .getWeight();
    }

    private static Graph<Integer, DefaultWeightedEdge> randomGraph(
            Random random, int people, double density, int distinctScores) {
        Graph<Integer, DefaultWeightedEdge> graph = emptyGraph(people);
        for (int a = 0; a < people; a++) {
            for (int b = a + 1; b < people; b++) {
                if (random.nextDouble() < density) {
                    graph.setEdgeWeight(graph.addEdge(a, b), 1 + random.nextInt(distinctScores) / 2.0);
                }
            }
        }
        return graph;
    }

    private static Graph<Integer, DefaultWeightedEdge> randomTwoSidedGraph(
            Random random, int people, double density, int distinctScores) {
        Graph<Integer, DefaultWeightedEdge> graph = emptyGraph(people);
        for (int a = 0; a < people; a += 2) {
            for (int b = 1; b < people; b += 2) {
                if (random.nextDouble() < density) {
                    graph.setEdgeWeight(graph.addEdge(a, b), 1 + random.nextInt(distinctScores) / 2.0);
                }
            }
        }
        return graph;
    }

    private static Graph<Integer, DefaultWeightedEdge> emptyGraph(int people) {
        // Blossom V adds vertices of its own to a copy, so the graph must be able to make them.
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(
                new AtomicInteger(people)::getAndIncrement, SupplierUtil.createDefaultWeightedEdgeSupplier());
        for (int person = 0; person < people; person++) {
            graph.addVertex(person);
        }
        return graph;
    }
}
