package dev.kept.commitments;

import dev.kept.shared.ConflictException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.RuleViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A request from one person to a member or a team for a commitment: what, done when, by when and
 * why. While open, the two sides align through a thread of questions and counter-proposals; the
 * person asked then accepts (it becomes their commitment, made to the requester) or declines with
 * a reason. Who may take each step is checked by {@link Expectations}; this checks the state.
 */
@Table("expectation")
class Expectation extends AbstractAggregateRoot<Expectation> {

    @Id
    private final UUID id;

    private final UUID organizationId;
    private final UUID requesterId;
    private final UUID toPersonId;
    private final UUID toTeamId;
    private final String what;
    private String doneWhen;
    private LocalDate due;
    private final String why;
    private final UUID goalId;
    private ExpectationStatus status;
    private String declineReason;
    private UUID commitmentId;
    private UUID acceptedBy;
    private Instant acceptedAt;
    private final Instant createdAt;
    private Instant updatedAt;

    @MappedCollection(idColumn = "expectation_id", keyColumn = "position")
    private final List<ExpectationMessage> messages;

    @Version
    private Long version;

    @PersistenceCreator
    Expectation(
            UUID id,
            UUID organizationId,
            UUID requesterId,
            UUID toPersonId,
            UUID toTeamId,
            String what,
            String doneWhen,
            LocalDate due,
            String why,
            UUID goalId,
            ExpectationStatus status,
            String declineReason,
            UUID commitmentId,
            UUID acceptedBy,
            Instant acceptedAt,
            Instant createdAt,
            Instant updatedAt,
            List<ExpectationMessage> messages,
            Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.requesterId = requesterId;
        this.toPersonId = toPersonId;
        this.toTeamId = toTeamId;
        this.what = what;
        this.doneWhen = doneWhen;
        this.due = due;
        this.why = why;
        this.goalId = goalId;
        this.status = status;
        this.declineReason = declineReason;
        this.commitmentId = commitmentId;
        this.acceptedBy = acceptedBy;
        this.acceptedAt = acceptedAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.messages = messages == null ? new ArrayList<>() : new ArrayList<>(messages);
        this.version = version;
    }

    static Expectation ask(
            UUID organizationId,
            UUID requesterId,
            UUID toPersonId,
            UUID toTeamId,
            String what,
            String doneWhen,
            LocalDate due,
            String why,
            UUID goalId,
            Instant now) {
        return new Expectation(
                UUID.randomUUID(),
                organizationId,
                requesterId,
                toPersonId,
                toTeamId,
                what,
                doneWhen,
                due,
                why,
                goalId,
                ExpectationStatus.OPEN,
                null,
                null,
                null,
                null,
                now,
                now,
                List.of(),
                null);
    }

    /** A question from the side asked, or an answer from the requester. */
    void discuss(UUID by, ExpectationMessage.Kind kind, String text, Instant now) {
        requireOpen();
        messages.add(new ExpectationMessage(by, kind, text, null, null, null, null, now));
        this.updatedAt = now;
    }

    /** The side asked proposes another date or definition of done; one proposal at a time. */
    void counter(UUID by, String reason, LocalDate newDue, String newDoneWhen, Instant now) {
        requireOpen();
        if (pendingCounter() != null) {
            throw new ConflictException("A counter-proposal is already waiting for the requester's answer.");
        }
        LocalDate proposedDue = newDue == null ? due : newDue;
        String proposedDoneWhen = newDoneWhen == null ? doneWhen : newDoneWhen;
        if (proposedDue.equals(due) && proposedDoneWhen.equals(doneWhen)) {
            throw new RuleViolationException("NO_CHANGE", "due", "Propose another date or definition of done.");
        }
        messages.add(new ExpectationMessage(
                by,
                ExpectationMessage.Kind.COUNTER,
                reason,
                proposedDue,
                proposedDoneWhen,
                ExpectationMessage.CounterStatus.PENDING,
                null,
                now));
        this.updatedAt = now;
    }

    /** The requester accepts a counter-proposal (the terms change) or declines it. */
    void decideCounter(int number, boolean accept, Instant now) {
        requireOpen();
        if (number < 1
                || number > messages.size()
                || messages.get(number - 1).kind() != ExpectationMessage.Kind.COUNTER) {
            throw new NotFoundException("Counter-proposal");
        }
        ExpectationMessage counter = messages.get(number - 1);
        if (counter.counterStatus() != ExpectationMessage.CounterStatus.PENDING) {
            throw new ConflictException("This counter-proposal was already answered.");
        }
        messages.set(
                number - 1,
                counter.decided(
                        accept ? ExpectationMessage.CounterStatus.ACCEPTED : ExpectationMessage.CounterStatus.DECLINED,
                        now));
        if (accept) {
            this.due = counter.proposedDue();
            this.doneWhen = counter.proposedDoneWhen();
        }
        this.updatedAt = now;
    }

    /** The side asked accepts the terms as they stand: the commitment it became is recorded. */
    void accept(UUID by, UUID commitment, Instant now) {
        requireAcceptable();
        this.status = ExpectationStatus.ACCEPTED;
        this.acceptedBy = by;
        this.acceptedAt = now;
        this.commitmentId = commitment;
        this.updatedAt = now;
    }

    /** Open, and no counter-proposal waiting: what accepting needs, checked before anything is made. */
    void requireAcceptable() {
        requireOpen();
        if (pendingCounter() != null) {
            throw new ConflictException(
                    "A counter-proposal is still waiting for the requester: accept once they have answered it.");
        }
    }

    void decline(String reason, Instant now) {
        requireOpen();
        this.status = ExpectationStatus.DECLINED;
        this.declineReason = reason;
        this.updatedAt = now;
    }

    void withdraw(Instant now) {
        requireOpen();
        this.status = ExpectationStatus.WITHDRAWN;
        this.updatedAt = now;
    }

    /** Registers the event that tells the other side. */
    void tell(UUID recipient, String actorName, ExpectationUpdated.Step step) {
        registerEvent(
                new ExpectationUpdated(organizationId, id, recipient, actorName, step, messages.size() + stepOf()));
    }

    private int stepOf() {
        return switch (status) {
            case OPEN -> 0;
            case ACCEPTED -> 1000;
            case DECLINED -> 2000;
            case WITHDRAWN -> 3000;
        };
    }

    ExpectationMessage pendingCounter() {
        return messages.stream()
                .filter(m -> m.counterStatus() == ExpectationMessage.CounterStatus.PENDING)
                .findFirst()
                .orElse(null);
    }

    private void requireOpen() {
        if (status != ExpectationStatus.OPEN) {
            throw new ConflictException(
                    "This expectation is " + status.name().toLowerCase() + "; it can no longer change.");
        }
    }

    UUID getId() {
        return id;
    }

    UUID getOrganizationId() {
        return organizationId;
    }

    UUID getRequesterId() {
        return requesterId;
    }

    UUID getToPersonId() {
        return toPersonId;
    }

    UUID getToTeamId() {
        return toTeamId;
    }

    String getWhat() {
        return what;
    }

    String getDoneWhen() {
        return doneWhen;
    }

    LocalDate getDue() {
        return due;
    }

    String getWhy() {
        return why;
    }

    UUID getGoalId() {
        return goalId;
    }

    ExpectationStatus getStatus() {
        return status;
    }

    String getDeclineReason() {
        return declineReason;
    }

    UUID getCommitmentId() {
        return commitmentId;
    }

    UUID getAcceptedBy() {
        return acceptedBy;
    }

    Instant getAcceptedAt() {
        return acceptedAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    List<ExpectationMessage> getMessages() {
        return Collections.unmodifiableList(messages);
    }

    long getVersion() {
        return version == null ? 0 : version;
    }
}
