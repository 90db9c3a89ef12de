package dev.kept.partnerships;

import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Two people of one organization, the inviter and the invited partner, who agreed (or are asked)
 * to hold each other, or the inviter only, accountable. It changes through its intent methods,
 * each of which checks who acts and from which state, and records an event.
 */
@Table("partnership")
class Partnership extends AbstractAggregateRoot<Partnership> {

    @Id
    private final UUID id;

    private final UUID organizationId;
    private final UUID inviterId;
    private final UUID partnerId;
    private final PartnershipKind kind;
    private PartnershipStatus status;
    private final String message;
    private Cadence cadence;
    private String inviterChallenge;
    private String partnerChallenge;
    private String openPair;
    private final Instant createdAt;
    private Instant acceptedAt;
    private Instant endedAt;
    private Instant updatedAt;
    private final Instant lapsesAt;
    private final boolean silenced;

    @Version
    private Long version;

    @PersistenceCreator
    Partnership(
            UUID id,
            UUID organizationId,
            UUID inviterId,
            UUID partnerId,
            PartnershipKind kind,
            PartnershipStatus status,
            String message,
            Cadence cadence,
            String inviterChallenge,
            String partnerChallenge,
            String openPair,
            Instant createdAt,
            Instant acceptedAt,
            Instant endedAt,
            Instant updatedAt,
            Instant lapsesAt,
            boolean silenced,
            Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.inviterId = inviterId;
        this.partnerId = partnerId;
        this.kind = kind;
        this.status = status;
        this.message = message;
        this.cadence = cadence;
        this.inviterChallenge = inviterChallenge;
        this.partnerChallenge = partnerChallenge;
        this.openPair = openPair;
        this.createdAt = createdAt;
        this.acceptedAt = acceptedAt;
        this.endedAt = endedAt;
        this.updatedAt = updatedAt;
        this.lapsesAt = lapsesAt;
        this.silenced = silenced;
        this.version = version;
    }

    static Partnership invite(
            UUID organizationId,
            UUID inviterId,
            String inviterName,
            UUID partnerId,
            PartnershipKind kind,
            String message,
            Cadence cadence,
            String challengeMeOn,
            Instant now,
            Instant lapsesAt,
            boolean silenced) {
        Partnership partnership = new Partnership(
                UUID.randomUUID(),
                organizationId,
                inviterId,
                partnerId,
                kind,
                PartnershipStatus.INVITED,
                message,
                cadence,
                challengeMeOn,
                null,
                pairKey(inviterId, partnerId),
                now,
                null,
                null,
                now,
                lapsesAt,
                silenced,
                null);
        if (!silenced) {
            partnership.registerEvent(
                    new PartnershipInvited(organizationId, partnership.id, inviterId, inviterName, partnerId, kind));
        }
        return partnership;
    }

    /**
     * A partnership two people agreed to through a matching program: active at once, since each
     * of them accepted the match (the rules were checked by the caller just before).
     */
    static Partnership fromMatch(
            UUID organizationId, UUID inviterId, UUID partnerId, PartnershipKind kind, Cadence cadence, Instant now) {
        return new Partnership(
                UUID.randomUUID(),
                organizationId,
                inviterId,
                partnerId,
                kind,
                PartnershipStatus.ACTIVE,
                null,
                cadence,
                null,
                null,
                pairKey(inviterId, partnerId),
                now,
                now,
                null,
                now,
                null,
                false,
                null);
    }

    /** The key two people share whichever of them invites: one open partnership per pair. */
    static String pairKey(UUID a, UUID b) {
        return a.compareTo(b) < 0 ? a + ":" + b : b + ":" + a;
    }

    void accept(UUID by, String byName, String challengeMeOn, Cadence preferred, Instant now) {
        if (!by.equals(partnerId)) {
            throw new ForbiddenException("Only the invited partner can accept.");
        }
        requireStatus(PartnershipStatus.INVITED, "accepted");
        requireNotLapsed(now);
        if (challengeMeOn != null) {
            this.partnerChallenge = challengeMeOn;
        }
        if (preferred != null) {
            this.cadence = preferred;
        }
        this.acceptedAt = now;
        moveTo(PartnershipStatus.ACTIVE, PartnershipChanged.Change.ACCEPTED, by, byName, now);
    }

    void decline(UUID by, String byName, Instant now) {
        if (!by.equals(partnerId)) {
            throw new ForbiddenException("Only the invited partner can decline; the inviter can end the invitation.");
        }
        requireStatus(PartnershipStatus.INVITED, "declined");
        requireNotLapsed(now);
        close(PartnershipStatus.DECLINED, PartnershipChanged.Change.DECLINED, by, byName, now);
    }

    void pause(UUID by, String byName, Instant now) {
        requireStatus(PartnershipStatus.ACTIVE, "paused");
        moveTo(PartnershipStatus.PAUSED, PartnershipChanged.Change.PAUSED, by, byName, now);
    }

    /** Resumes a paused or suspended partnership; the rules are checked again before. */
    void resume(UUID by, String byName, Instant now) {
        if (status != PartnershipStatus.PAUSED && status != PartnershipStatus.SUSPENDED) {
            throw new ConflictException("Only a paused or suspended partnership can be resumed; this one is "
                    + status.name().toLowerCase() + ".");
        }
        moveTo(PartnershipStatus.ACTIVE, PartnershipChanged.Change.RESUMED, by, byName, now);
    }

    /** Ends the partnership at once: nothing more is seen through it. */
    void end(UUID by, String byName, Instant now) {
        if (!status.isOpen()) {
            throw new ConflictException("This partnership is " + status.name().toLowerCase() + " already.");
        }
        close(PartnershipStatus.ENDED, PartnershipChanged.Change.ENDED, by, byName, now);
    }

    /**
     * Ends the partnership, or withdraws the invitation, of someone who left the organization;
     * false when it is over already.
     */
    boolean endAsLeft(UUID leaver, String leaverName, Instant now) {
        if (!status.isOpen()) {
            return false;
        }
        close(PartnershipStatus.ENDED, PartnershipChanged.Change.LEFT, leaver, leaverName, now);
        return true;
    }

    /** Stops an active or paused partnership whose two people ended up in one reporting line. */
    boolean suspend(Instant now) {
        if (status != PartnershipStatus.ACTIVE && status != PartnershipStatus.PAUSED) {
            return false;
        }
        this.status = PartnershipStatus.SUSPENDED;
        this.updatedAt = now;
        registerEvent(new PartnershipSuspended(organizationId, id, inviterId, partnerId, nextVersion()));
        return true;
    }

    /** One side's own terms of the agreement: what to challenge them on, and the cadence. */
    void agree(UUID by, String challengeMeOn, Cadence preferred, Instant now) {
        if (!status.isOpen()) {
            throw new ConflictException("This partnership is over; its agreement can no longer change.");
        }
        if (by.equals(inviterId)) {
            this.inviterChallenge = challengeMeOn;
        } else {
            this.partnerChallenge = challengeMeOn;
        }
        if (preferred != null) {
            this.cadence = preferred;
        }
        this.updatedAt = now;
    }

    /** Whether this is an invitation left unanswered past its lapse: it can no longer be answered. */
    boolean hasLapsed(Instant now) {
        return status == PartnershipStatus.INVITED && lapsesAt != null && !now.isBefore(lapsesAt);
    }

    /** Closes an invitation left unanswered past its lapse, so that the two can be invited again. */
    void lapse(Instant now) {
        if (!hasLapsed(now)) {
            throw new ConflictException("Only an invitation past its lapse can lapse.");
        }
        this.status = PartnershipStatus.LAPSED;
        this.openPair = null;
        this.endedAt = lapsesAt;
        this.updatedAt = now;
    }

    private void requireNotLapsed(Instant now) {
        if (hasLapsed(now)) {
            throw new ConflictException("This invitation lapsed without an answer.");
        }
    }

    private void close(
            PartnershipStatus closed, PartnershipChanged.Change change, UUID by, String byName, Instant now) {
        this.openPair = null;
        this.endedAt = now;
        moveTo(closed, change, by, byName, now);
    }

    private void moveTo(PartnershipStatus next, PartnershipChanged.Change change, UUID by, String byName, Instant now) {
        this.status = next;
        this.updatedAt = now;
        if (silenced) {
            // nobody but the inviter knows of this invitation: nothing to tell anyone
            return;
        }
        registerEvent(new PartnershipChanged(organizationId, id, change, next, by, byName, other(by), nextVersion()));
    }

    private void requireStatus(PartnershipStatus expected, String what) {
        if (status != expected) {
            throw new ConflictException(
                    "This partnership is " + status.name().toLowerCase() + ", so it cannot be " + what + ".");
        }
    }

    private long nextVersion() {
        return version == null ? 0 : version + 1;
    }

    boolean involves(UUID personId) {
        return inviterId.equals(personId) || partnerId.equals(personId);
    }

    UUID other(UUID personId) {
        return inviterId.equals(personId) ? partnerId : inviterId;
    }

    /** Whether {@code holder} holds {@code owner} accountable here (sees what the owner shares). */
    boolean holds(UUID holder, UUID owner) {
        if (holder.equals(owner) || !involves(holder) || !involves(owner)) {
            return false;
        }
        return kind == PartnershipKind.PEER || (holder.equals(partnerId) && owner.equals(inviterId));
    }

    /** What the given side asked to be challenged on. */
    String challengeOf(UUID personId) {
        return inviterId.equals(personId) ? inviterChallenge : partnerChallenge;
    }

    UUID getId() {
        return id;
    }

    UUID getOrganizationId() {
        return organizationId;
    }

    UUID getInviterId() {
        return inviterId;
    }

    UUID getPartnerId() {
        return partnerId;
    }

    PartnershipKind getKind() {
        return kind;
    }

    PartnershipStatus getStatus() {
        return status;
    }

    String getMessage() {
        return message;
    }

    Cadence getCadence() {
        return cadence;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getAcceptedAt() {
        return acceptedAt;
    }

    Instant getEndedAt() {
        return endedAt;
    }

    Instant getLapsesAt() {
        return lapsesAt;
    }

    /** Whether the invited person's private declaration blocks this invitation (they never see it). */
    boolean isSilenced() {
        return silenced;
    }

    /** Whether this person may know of the partnership: both sides, except the invited side of a silenced one. */
    boolean isKnownTo(UUID personId) {
        return involves(personId) && !(silenced && partnerId.equals(personId));
    }

    long getVersion() {
        return version == null ? 0 : version;
    }
}
