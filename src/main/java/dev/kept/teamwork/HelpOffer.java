package dev.kept.teamwork;

import dev.kept.shared.ConflictException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Information, ideas, resources or time offered to a person or a team, maybe with one of their
 * goals or commitments (or an expectation, when it comes with a jeopardy flag).
 */
@Table("help_offer")
class HelpOffer extends AbstractAggregateRoot<HelpOffer> {

    @Id
    private final UUID id;

    private final UUID organizationId;
    private final UUID offeredBy;
    private final UUID toPersonId;
    private final UUID toTeamId;
    private final HelpKind kind;
    private final String what;
    private final TargetType targetType;
    private final UUID targetId;
    private final UUID flagId;
    private HelpStatus status;
    private String declineReason;
    private UUID answeredBy;
    private Instant answeredAt;
    private final Instant createdAt;
    private Instant updatedAt;

    @Version
    private Long version;

    @PersistenceCreator
    HelpOffer(
            UUID id,
            UUID organizationId,
            UUID offeredBy,
            UUID toPersonId,
            UUID toTeamId,
            HelpKind kind,
            String what,
            TargetType targetType,
            UUID targetId,
            UUID flagId,
            HelpStatus status,
            String declineReason,
            UUID answeredBy,
            Instant answeredAt,
            Instant createdAt,
            Instant updatedAt,
            Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.offeredBy = offeredBy;
        this.toPersonId = toPersonId;
        this.toTeamId = toTeamId;
        this.kind = kind;
        this.what = what;
        this.targetType = targetType;
        this.targetId = targetId;
        this.flagId = flagId;
        this.status = status;
        this.declineReason = declineReason;
        this.answeredBy = answeredBy;
        this.answeredAt = answeredAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** The terms of an offer: to whom, what, and what it is about. */
    record Terms(
            UUID toPersonId,
            UUID toTeamId,
            HelpKind kind,
            String what,
            TargetType targetType,
            UUID targetId,
            UUID flagId) {}

    static HelpOffer make(
            UUID organizationId, UUID offeredBy, String offererName, Terms terms, Set<UUID> recipients, Instant now) {
        HelpOffer offer = new HelpOffer(
                UUID.randomUUID(),
                organizationId,
                offeredBy,
                terms.toPersonId(),
                terms.toTeamId(),
                terms.kind(),
                terms.what(),
                terms.targetType(),
                terms.targetId(),
                terms.flagId(),
                HelpStatus.PENDING,
                null,
                null,
                null,
                now,
                now,
                null);
        offer.registerEvent(new HelpOffered(organizationId, offer.id, offeredBy, offererName, Set.copyOf(recipients)));
        return offer;
    }

    void accept(UUID by, String byName, Instant now) {
        answer(by, byName, true, null, now);
    }

    void decline(UUID by, String byName, String reason, Instant now) {
        answer(by, byName, false, reason, now);
    }

    void withdraw(Instant now) {
        requirePending();
        this.status = HelpStatus.WITHDRAWN;
        this.updatedAt = now;
    }

    private void answer(UUID by, String byName, boolean accepted, String reason, Instant now) {
        requirePending();
        this.status = accepted ? HelpStatus.ACCEPTED : HelpStatus.DECLINED;
        this.declineReason = reason;
        this.answeredBy = by;
        this.answeredAt = now;
        this.updatedAt = now;
        registerEvent(new HelpOfferAnswered(organizationId, id, offeredBy, byName, accepted));
    }

    private void requirePending() {
        if (status != HelpStatus.PENDING) {
            throw new ConflictException("This offer of help is " + status.name().toLowerCase() + " already.");
        }
    }

    UUID getId() {
        return id;
    }

    UUID getOrganizationId() {
        return organizationId;
    }

    UUID getOfferedBy() {
        return offeredBy;
    }

    UUID getToPersonId() {
        return toPersonId;
    }

    UUID getToTeamId() {
        return toTeamId;
    }

    HelpKind getKind() {
        return kind;
    }

    String getWhat() {
        return what;
    }

    TargetType getTargetType() {
        return targetType;
    }

    UUID getTargetId() {
        return targetId;
    }

    UUID getFlagId() {
        return flagId;
    }

    HelpStatus getStatus() {
        return status;
    }

    String getDeclineReason() {
        return declineReason;
    }

    UUID getAnsweredBy() {
        return answeredBy;
    }

    Instant getAnsweredAt() {
        return answeredAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Long getVersion() {
        return version;
    }
}
