package dev.kept.commitments;

import java.time.LocalDate;
import java.util.UUID;

/** Published once per due date when an open commitment is two days (or fewer) from being due. */
public record CommitmentDueSoon(UUID organizationId, UUID commitmentId, UUID ownerId, LocalDate due) {}
