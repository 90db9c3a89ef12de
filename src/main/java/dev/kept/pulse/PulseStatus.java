package dev.kept.pulse;

/** Whether a pulse opens rounds: active, paused (resumable) or closed for good. */
public enum PulseStatus {
    ACTIVE,
    PAUSED,
    CLOSED
}
