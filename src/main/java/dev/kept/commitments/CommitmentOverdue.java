package dev.kept.commitments;

import java.time.LocalDate;
import java.util.UUID;

/** Published once per due date when an open commitment is past it and its owner has not assessed it. */
public record CommitmentOverdue(UUID organizationId, UUID commitmentId, UUID ownerId, LocalDate due) {}
