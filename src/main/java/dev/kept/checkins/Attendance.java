package dev.kept.checkins;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** What a partner records about one check-in: held, skipped, or moved to another time. */
public record Attendance(@NotNull Status status, Instant movedTo) {

    /** The three things one can say about a check-in. */
    public enum Status {
        HELD,
        SKIPPED,
        MOVED
    }
}
