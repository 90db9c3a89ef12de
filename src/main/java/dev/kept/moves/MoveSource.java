package dev.kept.moves;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A module that records everyday moves, for whoever counts them: each module entry that records a
 * kind of move implements it, and the count (the {@code transparency} module's) asks every one it
 * finds, without knowing the modules themselves.
 */
public interface MoveSource {

    /**
     * The moves made in [from, to) by these people ({@code personIds} read in SQL, not filtered
     * afterwards; null: by anyone; empty: none).
     */
    List<EverydayMove> moves(UUID organizationId, Instant from, Instant to, Collection<UUID> personIds);

    /** The moves made in [from, to) by anyone. */
    default List<EverydayMove> moves(UUID organizationId, Instant from, Instant to) {
        return moves(organizationId, from, to, null);
    }
}
