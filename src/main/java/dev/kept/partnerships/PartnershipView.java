package dev.kept.partnerships;

import java.time.Instant;
import java.util.UUID;

/**
 * A partnership as one of its two people sees it: the other side is "the partner" (from outside
 * the organization when {@code partnerOutside}), and the agreement shows both sides' terms.
 */
public record PartnershipView(
        UUID id,
        PartnershipKind kind,
        PartnershipStatus status,
        UUID partnerId,
        String partnerName,
        boolean partnerOutside,
        boolean invitedByMe,
        boolean iHoldThem,
        boolean theyHoldMe,
        String message,
        Cadence cadence,
        Agreement agreement,
        Instant createdAt,
        Instant acceptedAt,
        Instant endedAt,
        long version) {

    /** What both sides see on acceptance: confidentiality, the cadence, and each one's challenge. */
    public record Agreement(String confidentiality, String myChallengeMeOn, String theirChallengeMeOn) {}

    public boolean canAccept() {
        return status == PartnershipStatus.INVITED && !invitedByMe;
    }

    public boolean canPause() {
        return status == PartnershipStatus.ACTIVE;
    }

    public boolean canResume() {
        return status == PartnershipStatus.PAUSED || status == PartnershipStatus.SUSPENDED;
    }

    public boolean canEnd() {
        return status.isOpen();
    }
}
