package dev.kept.pulse;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Published when a round of a pulse opens: the members of {@code teamIds} are asked to answer it
 * until the day before {@code closesOn}.
 */
public record PulseRoundOpened(
        UUID organizationId, UUID pulseId, UUID roundId, String title, List<UUID> teamIds, LocalDate closesOn) {}
