package dev.kept.commitments;

import java.util.UUID;

/** Published when the owner closes a commitment with an outcome and a reflection. */
public record CommitmentVerified(UUID organizationId, UUID commitmentId, UUID ownerId, Outcome outcome) {}
