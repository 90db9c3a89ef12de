package dev.kept.teamwork;

import dev.kept.shared.ConflictException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Someone speaks up: a commitment, expectation or goal seems in jeopardy. What they noticed, a
 * question, maybe an offer of help; the owners answer; the flag is resolved or withdrawn.
 */
@Table("jeopardy_flag")
class JeopardyFlag extends AbstractAggregateRoot<JeopardyFlag> {

    @Id
    private final UUID id;

    private final UUID organizationId;
    private final TargetType targetType;
    private final UUID targetId;
    private final UUID raisedBy;
    private final String noticed;
    private final String question;
    private UUID helpOfferId;
    private FlagStatus status;
    private String answer;
    private UUID answeredBy;
    private Instant answeredAt;
    private String note;
    private UUID closedBy;
    private Instant closedAt;
    private final Instant createdAt;
    private Instant updatedAt;

    @MappedCollection(idColumn = "flag_id")
    private final Set<FlagOwner> owners;

    @Version
    private Long version;

    @PersistenceCreator
    JeopardyFlag(
            UUID id,
            UUID organizationId,
            TargetType targetType,
            UUID targetId,
            UUID raisedBy,
            String noticed,
            String question,
            UUID helpOfferId,
            FlagStatus status,
            String answer,
            UUID answeredBy,
            Instant answeredAt,
            String note,
            UUID closedBy,
            Instant closedAt,
            Instant createdAt,
            Instant updatedAt,
            Set<FlagOwner> owners,
            Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.targetType = targetType;
        this.targetId = targetId;
        this.raisedBy = raisedBy;
        this.noticed = noticed;
        this.question = question;
        this.helpOfferId = helpOfferId;
        this.status = status;
        this.answer = answer;
        this.answeredBy = answeredBy;
        this.answeredAt = answeredAt;
        this.note = note;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.owners = owners == null ? new HashSet<>() : new HashSet<>(owners);
        this.version = version;
    }

    static JeopardyFlag raise(
            UUID organizationId,
            Target target,
            UUID raisedBy,
            String raiserName,
            String noticed,
            String question,
            Instant now) {
        Set<UUID> toTell = new HashSet<>(target.owners());
        toTell.remove(raisedBy);
        JeopardyFlag flag = new JeopardyFlag(
                UUID.randomUUID(),
                organizationId,
                target.type(),
                target.id(),
                raisedBy,
                noticed,
                question,
                null,
                FlagStatus.OPEN,
                null,
                null,
                null,
                null,
                null,
                null,
                now,
                now,
                toTell.stream().map(FlagOwner::new).collect(Collectors.toSet()),
                null);
        flag.registerEvent(new FlagRaised(
                organizationId, flag.id, target.type(), target.id(), raisedBy, raiserName, Set.copyOf(toTell)));
        return flag;
    }

    void offeredHelp(UUID offerId) {
        this.helpOfferId = offerId;
    }

    /** An owner answers, or changes the answer, while the flag is open. */
    void answer(UUID by, String byName, String text, Instant now) {
        requireOpen();
        this.answer = text;
        this.answeredBy = by;
        this.answeredAt = now;
        this.updatedAt = now;
        registerEvent(new FlagAnswered(organizationId, id, raisedBy, byName, now));
    }

    void resolve(UUID by, String byName, String resolutionNote, Set<UUID> currentOwners, Instant now) {
        close(FlagStatus.RESOLVED, by, byName, resolutionNote, currentOwners, now);
    }

    void withdraw(String byName, Set<UUID> currentOwners, Instant now) {
        close(FlagStatus.WITHDRAWN, raisedBy, byName, null, currentOwners, now);
    }

    private void close(
            FlagStatus closing, UUID by, String byName, String closingNote, Set<UUID> currentOwners, Instant now) {
        requireOpen();
        this.status = closing;
        this.note = closingNote;
        this.closedBy = by;
        this.closedAt = now;
        this.updatedAt = now;
        Set<UUID> toTell = new HashSet<>();
        if (by.equals(raisedBy)) {
            toTell.addAll(currentOwners);
        } else {
            toTell.add(raisedBy);
        }
        toTell.remove(by);
        registerEvent(new FlagClosed(organizationId, id, closing, by, byName, Set.copyOf(toTell)));
    }

    private void requireOpen() {
        if (status != FlagStatus.OPEN) {
            throw new ConflictException("This flag is " + status.name().toLowerCase() + " already.");
        }
    }

    UUID getId() {
        return id;
    }

    UUID getOrganizationId() {
        return organizationId;
    }

    TargetType getTargetType() {
        return targetType;
    }

    UUID getTargetId() {
        return targetId;
    }

    UUID getRaisedBy() {
        return raisedBy;
    }

    String getNoticed() {
        return noticed;
    }

    String getQuestion() {
        return question;
    }

    UUID getHelpOfferId() {
        return helpOfferId;
    }

    FlagStatus getStatus() {
        return status;
    }

    String getAnswer() {
        return answer;
    }

    UUID getAnsweredBy() {
        return answeredBy;
    }

    Instant getAnsweredAt() {
        return answeredAt;
    }

    String getNote() {
        return note;
    }

    UUID getClosedBy() {
        return closedBy;
    }

    Instant getClosedAt() {
        return closedAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Set<UUID> ownerIds() {
        return Collections.unmodifiableSet(
                owners.stream().map(FlagOwner::personId).collect(Collectors.toSet()));
    }
}
