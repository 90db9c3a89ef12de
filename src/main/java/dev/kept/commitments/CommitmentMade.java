package dev.kept.commitments;

import java.time.LocalDate;
import java.util.UUID;

/** Published when a person makes a new commitment. */
public record CommitmentMade(UUID organizationId, UUID commitmentId, UUID ownerId, LocalDate due) {}
