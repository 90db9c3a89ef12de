package dev.kept.pulse;

import java.time.LocalDate;
import java.util.UUID;

/** An open round a member is asked to answer, and whether they have. It closes on {@code closesOn}. */
public record AskedRound(
        UUID roundId, UUID pulseId, String title, LocalDate opensOn, LocalDate closesOn, boolean answered) {}
