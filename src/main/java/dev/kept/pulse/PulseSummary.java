package dev.kept.pulse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A pulse in a list: its title, state, cadence and when its next round opens. */
public record PulseSummary(
        UUID id, String title, PulseStatus status, Cadence cadence, LocalDate nextRoundOn, Instant createdAt) {}
