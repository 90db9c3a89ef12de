package dev.kept.commitments;

import dev.kept.security.Visibility;
import dev.kept.shared.ConflictException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A clear commitment: who (the owner) will do what, by when (due), how anyone can tell it is done
 * (done when), and why. It changes only through its intent methods, each of which records an event.
 */
@Table("commitment")
public class Commitment extends AbstractAggregateRoot<Commitment> {

    @Id
    private final UUID id;

    private final UUID organizationId;
    private final UUID ownerId;
    private String what;
    private String doneWhen;
    private LocalDate due;
    private String why;
    // not in the persistence constructor: Spring Data JDBC sets it by field after creation
    private UUID goalId;
    private Visibility visibility;
    private CommitmentStatus status;
    private int percent;
    private Confidence confidence;
    private Outcome outcome;
    private String reflection;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant lastProgressAt;
    private Instant closedAt;

    @MappedCollection(idColumn = "commitment_id", keyColumn = "position")
    private final List<ProgressUpdate> updates;

    @MappedCollection(idColumn = "commitment_id")
    private final Set<CommitmentShare> shares;

    @Version
    private Long version;

    @PersistenceCreator
    Commitment(
            UUID id,
            UUID organizationId,
            UUID ownerId,
            String what,
            String doneWhen,
            LocalDate due,
            String why,
            Visibility visibility,
            CommitmentStatus status,
            int percent,
            Confidence confidence,
            Outcome outcome,
            String reflection,
            Instant createdAt,
            Instant updatedAt,
            Instant lastProgressAt,
            Instant closedAt,
            List<ProgressUpdate> updates,
            Set<CommitmentShare> shares,
            Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.ownerId = ownerId;
        this.what = what;
        this.doneWhen = doneWhen;
        this.due = due;
        this.why = why;
        this.visibility = visibility;
        this.status = status;
        this.percent = percent;
        this.confidence = confidence;
        this.outcome = outcome;
        this.reflection = reflection;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.lastProgressAt = lastProgressAt;
        this.closedAt = closedAt;
        this.updates = updates == null ? new ArrayList<>() : new ArrayList<>(updates);
        this.shares = shares == null ? new HashSet<>() : new HashSet<>(shares);
        this.version = version;
    }

    static Commitment make(UUID organizationId, UUID ownerId, Terms terms, Instant now) {
        Commitment commitment = new Commitment(
                UUID.randomUUID(),
                organizationId,
                ownerId,
                terms.what(),
                terms.doneWhen(),
                terms.due(),
                terms.why(),
                terms.visibility(),
                CommitmentStatus.OPEN,
                0,
                null,
                null,
                null,
                now,
                now,
                null,
                null,
                List.of(),
                Set.of(),
                null);
        commitment.shareWith(terms.sharedWith());
        commitment.registerEvent(new CommitmentMade(organizationId, commitment.id, ownerId, terms.due()));
        return commitment;
    }

    /** The owner changes the terms; a closed commitment can no longer change. */
    void revise(Terms terms, Instant now) {
        requireOpen();
        this.what = terms.what();
        this.doneWhen = terms.doneWhen();
        this.due = terms.due();
        this.why = terms.why();
        this.visibility = terms.visibility();
        shareWith(terms.sharedWith());
        this.updatedAt = now;
        registerEvent(new CommitmentRevised(organizationId, id, ownerId, version == null ? 0 : version + 1));
    }

    /** Only a commitment for partners names partnerships; none named means all of them. */
    private void shareWith(Set<UUID> partnershipIds) {
        shares.clear();
        if (visibility == Visibility.PARTNERS && partnershipIds != null) {
            partnershipIds.forEach(partnershipId -> shares.add(new CommitmentShare(partnershipId)));
        }
    }

    /** The owner names the goal this commitment serves (checked by the caller to be one they see). */
    void serve(UUID goal) {
        requireOpen();
        this.goalId = goal;
    }

    /** Records progress; without a percent, the last one stands. */
    void report(UUID authorId, Integer newPercent, Confidence newConfidence, String note, Instant now) {
        requireOpen();
        int reported = newPercent == null ? percent : newPercent;
        updates.add(new ProgressUpdate(organizationId, authorId, reported, newConfidence, note, now));
        this.percent = reported;
        this.confidence = newConfidence;
        this.lastProgressAt = now;
        this.updatedAt = now;
        registerEvent(new ProgressReported(organizationId, id, authorId, reported, newConfidence));
    }

    /** Closes the commitment with the owner's assessment of the outcome and a reflection. */
    void verify(Outcome result, String reflectionText, Instant now) {
        requireOpen();
        this.outcome = result;
        this.reflection = reflectionText;
        this.status = CommitmentStatus.CLOSED;
        this.closedAt = now;
        this.updatedAt = now;
        if (result == Outcome.KEPT) {
            this.percent = 100;
        }
        registerEvent(new CommitmentVerified(organizationId, id, ownerId, result));
    }

    private void requireOpen() {
        if (status == CommitmentStatus.CLOSED) {
            throw new ConflictException("This commitment is closed and can no longer change.");
        }
    }

    boolean isAtRisk() {
        return status == CommitmentStatus.OPEN
                && (confidence == Confidence.AT_RISK || confidence == Confidence.OFF_TRACK);
    }

    /** The terms a commitment is made or revised with. */
    record Terms(
            String what, String doneWhen, LocalDate due, String why, Visibility visibility, Set<UUID> sharedWith) {}

    public UUID getId() {
        return id;
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public String getWhat() {
        return what;
    }

    public String getDoneWhen() {
        return doneWhen;
    }

    public LocalDate getDue() {
        return due;
    }

    public String getWhy() {
        return why;
    }

    /** The goal this commitment serves, or null. */
    public UUID getGoalId() {
        return goalId;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    public CommitmentStatus getStatus() {
        return status;
    }

    public int getPercent() {
        return percent;
    }

    public Confidence getConfidence() {
        return confidence;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getReflection() {
        return reflection;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getLastProgressAt() {
        return lastProgressAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public List<ProgressUpdate> getUpdates() {
        return Collections.unmodifiableList(updates);
    }

    /** The partnerships it is shared with; empty means all the owner's partnerships. */
    public Set<UUID> getSharedWith() {
        Set<UUID> ids = new TreeSet<>();
        shares.forEach(share -> ids.add(share.partnershipId()));
        return Collections.unmodifiableSet(ids);
    }

    public long getVersion() {
        return version == null ? 0 : version;
    }
}
