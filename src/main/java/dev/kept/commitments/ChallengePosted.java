package dev.kept.commitments;

import java.util.UUID;

/**
 * Published when a partner challenges the owner on a shared commitment. It carries no text of
 * the challenge or the commitment: notifications name the partner only.
 */
public record ChallengePosted(
        UUID organizationId, UUID challengeId, UUID commitmentId, UUID ownerId, UUID authorId, String authorName) {}
