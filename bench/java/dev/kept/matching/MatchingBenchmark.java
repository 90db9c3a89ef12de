package dev.kept.matching;

import dev.kept.matching.OrganizationGenerator.Organization;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.List;

/**
 * Runs the matching engine on generated organizations of the given sizes, next to a greedy pairing
 * of the same data, and prints one line per size: time, peak heap, total scores, and the engine's
 * total as a share of an upper bound of the exact optimum over the complete graph ({@link
 * OptimumBound}): a total at 99 % of the bound is at least 99 % of the optimum.
 *
 * <p>The bound scores every pair twice and more, so above {@value #LARGEST_BOUND} people it is
 * computed only with {@code BOUND=all} (minutes at 100,000).
 *
 * <pre>bench/matching.sh 1000 10000 100000</pre>
 */
public final class MatchingBenchmark {

    private static final Instant OFFSETS_AT = Instant.parse("2026-01-15T12:00:00Z");

    private static final int LARGEST_BOUND = 20_000;

    /** The candidates per person whose relaxation starts the bound: more than the engine keeps. */
    private static final int BOUND_CANDIDATES = 100;

    public static void main(String[] args) {
        List<Integer> sizes = args.length == 0
                ? List.of(1_000, 10_000, 100_000)
                : List.of(args).stream().map(Integer::valueOf).toList();
        boolean everyBound = "all".equals(System.getenv("BOUND"));
        ProgramRules rules = ProgramRules.defaults();
        Weights weights = Weights.defaults();
        System.out.printf(
                "%8s %5s %9s %10s %16s %12s %12s %9s %12s %9s %9s%n",
                "people", "k", "engine s", "peak heap", "pairs/trios/left", "engine total", "greedy total", "greedy s",
                "upper bound", "of bound", "vs greedy");
        for (int size : sizes) {
            Organization organization = OrganizationGenerator.generate(size, size);
            PairRule forbidden = organization.forbidden(rules);
            Options options = Options.forProgram(size, OFFSETS_AT);
            List<Participant> participants = organization.participants();

            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            Pairing engine = new MatchingEngine().match(participants, forbidden, rules, weights, options);
            double engineSeconds = (System.nanoTime() - start) / 1e9;
            long peakHeap = peakHeap();

            start = System.nanoTime();
            Pairing greedy = new GreedyPairing().match(participants, forbidden, rules, weights, options);
            double greedySeconds = (System.nanoTime() - start) / 1e9;

            double bound = size <= LARGEST_BOUND || everyBound
                    ? OptimumBound.of(
                            participants,
                            forbidden,
                            rules,
                            weights,
                            OFFSETS_AT,
                            BOUND_CANDIDATES,
                            Options.LARGEST_GROUP)
                    : Double.NaN;
            System.out.printf(
                    "%8d %5s %9.2f %7d MB %16s %12.1f %12.1f %9.2f %12.1f %8.2f%% %+8.2f%%%n",
                    size,
                    options.topK() == null ? "all" : options.topK(),
                    engineSeconds,
                    peakHeap / (1024 * 1024),
                    engine.pairs().size() + "/" + engine.trios().size() + "/" + engine.unmatched().size(),
                    engine.totalScore(),
                    greedy.totalScore(),
                    greedySeconds,
                    bound,
                    100 * engine.totalScore() / bound,
                    100 * (engine.totalScore() / greedy.totalScore() - 1));
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    // The sum of each heap pool's peak: an upper estimate, since the pools peak at different times.
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }
}
