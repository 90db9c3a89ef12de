package dev.kept.matching;

import java.util.List;
import java.util.UUID;

/**
 * A pair joined by a person who would otherwise be left without a partner.
 *
 * @param pair the pair from the matching
 * @param joinedWithA the joining person and the pair's {@code a}, with their fit
 * @param joinedWithB the joining person and the pair's {@code b}, with their fit
 */
public record Trio(Pair pair, Pair joinedWithA, Pair joinedWithB) {

    /** The person who joined the pair. */
    public UUID joined() {
        return joinedWithA.a();
    }

    public List<UUID> members() {
        return List.of(pair.a(), pair.b(), joined());
    }
}
