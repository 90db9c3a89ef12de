package dev.kept.matching;

import java.util.List;
import java.util.UUID;

/**
 * The result of matching a program.
 *
 * @param pairs pairs that stay two
 * @param trios pairs joined by a third person
 * @param unmatched people with no allowed partner left, to be offered a coach
 * @param totalScore the weight of the matching: the sum of the scores of all pairs, including the
 *     pair inside each trio (what a trio adds is not counted, since the matching does not choose it)
 */
public record Pairing(List<Pair> pairs, List<Trio> trios, List<UUID> unmatched, double totalScore) {

    public Pairing {
        pairs = List.copyOf(pairs);
        trios = List.copyOf(trios);
        unmatched = List.copyOf(unmatched);
    }
}
