package dev.kept.checkins;

/** Where a schedule stands: proposed, in effect, or over (and why). */
public enum ScheduleStatus {
    PROPOSED,
    ACTIVE,
    /** A newer schedule was accepted in its place. */
    REPLACED,
    /** Its proposer took it back, or proposed another before it was accepted. */
    WITHDRAWN,
    DECLINED,
    STOPPED
}
