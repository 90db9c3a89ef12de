package dev.kept.commitments;

import java.util.UUID;

/**
 * Published when an owner invites a co-owner ({@code accepted} false, told to the invited) or the
 * co-owner accepts (told to the owner); carries no text of the commitment.
 */
public record CoOwnershipChanged(
        UUID organizationId, UUID commitmentId, UUID recipientId, String actorName, boolean accepted) {}
