package dev.kept.commitments;

import java.util.UUID;

/**
 * Published when the owner answers a challenge; {@code answer} counts the answers so far. It
 * carries no text.
 */
public record ChallengeAnswered(
        UUID organizationId, UUID challengeId, UUID commitmentId, UUID authorId, String ownerName, int answer) {}
