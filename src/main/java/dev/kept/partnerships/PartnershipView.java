package dev.kept.partnerships;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A partnership as one of its two people sees it: the other side is "the partner" (from outside
 * the organization when {@code partnerOutside}, not yet in Kept unless {@code partnerJoined}), and
 * the agreement shows both sides' terms. An invitation shows when it lapses unanswered
 * ({@code lapsesAt}).
 */
public record PartnershipView(
        UUID id,
        PartnershipKind kind,
        PartnershipStatus status,
        UUID partnerId,
        String partnerName,
        boolean partnerOutside,
        boolean partnerJoined,
        boolean invitedByMe,
        boolean iHoldThem,
        boolean theyHoldMe,
        String message,
        Cadence cadence,
        Agreement agreement,
        Instant createdAt,
        Instant acceptedAt,
        Instant endedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant lapsesAt,
        long version) {

    /** What both sides see on acceptance: confidentiality, the cadence, and each one's challenge. */
    public record Agreement(String confidentiality, String myChallengeMeOn, String theirChallengeMeOn) {}

    /**
     * What the inviter should know while the invitation waits: the person invited has not joined
     * Kept yet, so they see the invitation only once they do.
     */
    @JsonProperty("notice")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String notice() {
        return status == PartnershipStatus.INVITED && invitedByMe && !partnerJoined
                ? partnerName + " has not joined Kept yet: they will see your invitation once they do."
                : null;
    }

    /** Whether the viewer can share commitments through it: the partner holds them, and it began and is not over. */
    public boolean canShareThrough() {
        return theyHoldMe && status.isOpen() && status != PartnershipStatus.INVITED;
    }

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
