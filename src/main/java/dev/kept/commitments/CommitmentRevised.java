package dev.kept.commitments;

import java.util.UUID;

/** Published when the owner edits a commitment's terms or visibility. */
public record CommitmentRevised(UUID organizationId, UUID commitmentId, UUID ownerId, long version) {}
