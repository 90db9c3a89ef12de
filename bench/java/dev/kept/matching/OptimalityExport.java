package dev.kept.matching;

import dev.kept.matching.OrganizationGenerator.Organization;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes the full candidate graph of a generated program for an independent solver
 * (bench/optimality.py), with the engine's totals on it and the upper bound the benchmark uses
 * ({@link OptimumBound}): one line {@code # engine <full> <as run> <bound>}, then one line {@code a
 * b score} per allowed pair with a positive score.
 *
 * <pre>java ... dev.kept.matching.OptimalityExport size seed file</pre>
 */
public final class OptimalityExport {

    private static final Instant OFFSETS_AT = Instant.parse("2026-01-15T12:00:00Z");

    public static void main(String[] args) throws IOException {
        int size = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        Path file = Path.of(args[2]);
        Organization organization = OrganizationGenerator.generate(seed, size);
        List<Participant> participants = organization.participants();
        ProgramRules rules = ProgramRules.defaults();
        Weights weights = Weights.defaults();
        PairRule forbidden = organization.forbidden(rules);
        MatchingEngine engine = new MatchingEngine();
        double full = engine.match(participants, forbidden, rules, weights, Options.fullGraph(OFFSETS_AT))
                .totalScore();
        double pruned = engine.match(participants, forbidden, rules, weights, Options.forProgram(size, OFFSETS_AT))
                .totalScore();

        double bound = OptimumBound.of(
                participants, forbidden, rules, weights, OFFSETS_AT, 100, Options.LARGEST_GROUP);

        PairScores scores = new PairScores(participants, weights, rules, OFFSETS_AT);
        HardRules hardRules = new HardRules(participants, scores, forbidden);
        var graph = CandidateGraph.of(
                        scores, hardRules, null, IntStream.range(0, size).toArray())
                .graph();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("# engine " + full + " " + pruned + " " + bound);
            for (var edge : graph.edgeSet()) {
                out.println(graph.getEdgeSource(edge) + " " + graph.getEdgeTarget(edge) + " "
                        + graph.getEdgeWeight(edge));
            }
        }
    }
}
