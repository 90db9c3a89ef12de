package dev.kept.checkins;

/** An occurrence: to come (as scheduled or moved), held, skipped, or cancelled with its schedule. */
public enum CheckInStatus {
    SCHEDULED,
    MOVED,
    HELD,
    SKIPPED,
    CANCELLED;

    boolean isUpcoming() {
        return this == SCHEDULED || this == MOVED;
    }
}
