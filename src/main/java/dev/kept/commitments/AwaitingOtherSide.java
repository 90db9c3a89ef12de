package dev.kept.commitments;

import java.util.UUID;

/**
 * Published for each person on the other side of a commitment when something awaits their word:
 * a renegotiation to decide, or an outcome to confirm. Carries no text of the commitment.
 */
public record AwaitingOtherSide(
        UUID organizationId, UUID commitmentId, UUID recipientId, String ownerName, What what, long version) {

    /** What awaits them. */
    public enum What {
        RENEGOTIATION,
        CONFIRMATION
    }
}
