package dev.kept.matching;

import java.util.List;
import java.util.UUID;

/**
 * Two people the engine proposes as partners.
 *
 * @param a one person
 * @param b the other person
 * @param score their compatibility
 * @param reasons the main reasons they fit, shown to both
 */
public record Pair(UUID a, UUID b, double score, List<String> reasons) {

    public Pair {
        reasons = List.copyOf(reasons);
    }
}
