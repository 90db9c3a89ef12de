package dev.kept.commitments;

import dev.kept.access.Visibility;
import dev.kept.shared.ConflictException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.RuleViolationException;
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

    static final int MOST_MILESTONES = 50;
    static final int MOST_CO_OWNERS = 10;

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
    private int renegotiated;
    private Confirmation confirmation;
    private UUID confirmedBy;
    private String confirmationComment;
    private Instant confirmedAt;
    /** How many days ahead of its due date the owner is reminded of an open commitment. */
    static final int DUE_REMINDER_DAYS = 2;

    private LocalDate overdueRemindedFor;
    private LocalDate dueSoonRemindedFor;
    private final UUID madeToId;
    private final Instant alignedAt;
    private Instant ownedAt;

    @MappedCollection(idColumn = "commitment_id", keyColumn = "position")
    private final List<ProgressUpdate> updates;

    @MappedCollection(idColumn = "commitment_id")
    private final Set<CommitmentShare> shares;

    @MappedCollection(idColumn = "commitment_id", keyColumn = "position")
    private final List<Milestone> milestones;

    @MappedCollection(idColumn = "commitment_id", keyColumn = "position")
    private final List<Renegotiation> renegotiations;

    @MappedCollection(idColumn = "commitment_id", keyColumn = "position")
    private final List<Reflection> reflections;

    @MappedCollection(idColumn = "commitment_id")
    private final Set<CoOwner> coOwners;

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
            int renegotiated,
            Confirmation confirmation,
            UUID confirmedBy,
            String confirmationComment,
            Instant confirmedAt,
            LocalDate overdueRemindedFor,
            LocalDate dueSoonRemindedFor,
            UUID madeToId,
            Instant alignedAt,
            Instant ownedAt,
            List<ProgressUpdate> updates,
            Set<CommitmentShare> shares,
            List<Milestone> milestones,
            List<Renegotiation> renegotiations,
            List<Reflection> reflections,
            Set<CoOwner> coOwners,
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
        this.renegotiated = renegotiated;
        this.confirmation = confirmation;
        this.confirmedBy = confirmedBy;
        this.confirmationComment = confirmationComment;
        this.confirmedAt = confirmedAt;
        this.overdueRemindedFor = overdueRemindedFor;
        this.dueSoonRemindedFor = dueSoonRemindedFor;
        this.madeToId = madeToId;
        this.alignedAt = alignedAt;
        this.ownedAt = ownedAt;
        this.coOwners = coOwners == null ? new HashSet<>() : new HashSet<>(coOwners);
        this.milestones = milestones == null ? new ArrayList<>() : new ArrayList<>(milestones);
        this.renegotiations = renegotiations == null ? new ArrayList<>() : new ArrayList<>(renegotiations);
        this.reflections = reflections == null ? new ArrayList<>() : new ArrayList<>(reflections);
        this.version = version;
    }

    static Commitment make(UUID organizationId, UUID ownerId, Terms terms, Instant now) {
        return make(organizationId, ownerId, terms, null, now);
    }

    /**
     * A commitment made to someone: the requester of an expectation its owner accepted. Both sides
     * agreed on the why, the definition of done and the date at {@code now}.
     */
    static Commitment madeTo(UUID organizationId, UUID ownerId, Terms terms, UUID requesterId, Instant now) {
        return make(organizationId, ownerId, terms, requesterId, now);
    }

    private static Commitment make(UUID organizationId, UUID ownerId, Terms terms, UUID madeTo, Instant now) {
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
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                madeTo,
                madeTo == null ? null : now,
                null,
                List.of(),
                Set.of(),
                List.of(),
                List.of(),
                List.of(),
                Set.of(),
                null);
        commitment.shareWith(terms.sharedWith());
        commitment.registerEvent(new CommitmentMade(organizationId, commitment.id, ownerId, terms.due()));
        return commitment;
    }

    /**
     * The owner changes the terms; a closed commitment can no longer change, and the due date and
     * definition of done wait while a renegotiation of them is pending.
     */
    void revise(Terms terms, Instant now) {
        requireOpen();
        // accepting the proposal would silently undo an edit made meanwhile, and its history lie
        if (pendingRenegotiation() != null
                && (!terms.due().equals(due) || !terms.doneWhen().equals(doneWhen))) {
            throw new ConflictException("A renegotiation of the due date and definition of done is waiting for the"
                    + " other side's answer: change them once they have answered.");
        }
        this.what = terms.what();
        this.doneWhen = terms.doneWhen();
        this.due = terms.due();
        this.why = terms.why();
        this.visibility = terms.visibility();
        shareWith(terms.sharedWith());
        this.updatedAt = now;
        registerEvent(new CommitmentRevised(organizationId, id, ownerId, version == null ? 0 : version + 1));
    }

    /**
     * The owner shares this commitment for partners with one more partnership of theirs (checked by
     * the caller); answers whether it was not shared there before.
     */
    boolean shareAlsoWith(UUID partnershipId, Instant now) {
        if (visibility != Visibility.PARTNERS || !shares.add(new CommitmentShare(partnershipId))) {
            return false;
        }
        this.updatedAt = now;
        return true;
    }

    /** Only a commitment for partners names partnerships; none named means nobody sees it as a partner. */
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

    /**
     * Records progress; without a percent, the last one stands. {@code control} is how much in
     * control the owner feels (1 to 5), {@code needs} what they need.
     */
    void report(
            UUID authorId,
            Integer newPercent,
            Confidence newConfidence,
            String note,
            Integer control,
            String needs,
            Instant now) {
        requireOpen();
        int reported = newPercent == null ? percent : newPercent;
        updates.add(new ProgressUpdate(organizationId, authorId, reported, newConfidence, note, control, needs, now));
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

    /** The owner declares the outcome theirs (step 4 of the five). */
    void declareOwnership(Instant now) {
        requireOpen();
        if (ownedAt != null) {
            throw new ConflictException("You already declared this outcome yours.");
        }
        this.ownedAt = now;
        this.updatedAt = now;
    }

    /** The owner invites someone to own the outcome with them. */
    void inviteCoOwner(UUID personId, String ownerName, Instant now) {
        requireOpen();
        if (personId.equals(ownerId)) {
            throw new RuleViolationException("SELF", "personId", "You own it already.");
        }
        if (coOwners.stream().anyMatch(c -> c.personId().equals(personId))) {
            throw new ConflictException("This person is already a co-owner, or invited to be one.");
        }
        if (coOwners.size() >= MOST_CO_OWNERS) {
            throw new RuleViolationException(
                    "TOO_MANY_CO_OWNERS", "personId", "A commitment has at most " + MOST_CO_OWNERS + " co-owners.");
        }
        coOwners.add(new CoOwner(personId, CoOwner.Status.INVITED, now, null));
        this.updatedAt = now;
        registerEvent(new CoOwnershipChanged(organizationId, id, personId, ownerName, false));
    }

    /** The invited person accepts: from now on it reads as "ours", and they report progress too. */
    void acceptCoOwnership(UUID personId, String name, Instant now) {
        requireOpen();
        CoOwner invited = coOwners.stream()
                .filter(c -> c.personId().equals(personId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Invitation to co-own"));
        if (invited.accepted()) {
            throw new ConflictException("You already co-own this commitment.");
        }
        coOwners.remove(invited);
        coOwners.add(new CoOwner(personId, CoOwner.Status.ACCEPTED, invited.invitedAt(), now));
        this.updatedAt = now;
        registerEvent(new CoOwnershipChanged(organizationId, id, ownerId, name, true));
    }

    /** Whether this person may report progress: the owner or a co-owner who accepted. */
    boolean reportableBy(UUID personId) {
        return ownerId.equals(personId)
                || coOwners.stream().anyMatch(c -> c.accepted() && c.personId().equals(personId));
    }

    /** Plans a step: on or before the due date, not in the past. */
    void planMilestone(String title, LocalDate milestoneDue, LocalDate today, Instant now) {
        requireOpen();
        if (milestones.size() >= MOST_MILESTONES) {
            throw new RuleViolationException(
                    "TOO_MANY_MILESTONES", null, "A commitment has at most " + MOST_MILESTONES + " milestones.");
        }
        if (milestoneDue.isBefore(today)) {
            throw new RuleViolationException("MILESTONE_IN_PAST", "due", "The milestone's date is in the past.");
        }
        if (milestoneDue.isAfter(due)) {
            throw new RuleViolationException(
                    "MILESTONE_AFTER_DUE",
                    "due",
                    "A milestone comes on or before the commitment's due date, " + due + ".");
        }
        milestones.add(new Milestone(title, milestoneDue, null, now));
        this.updatedAt = now;
    }

    /** Marks a milestone (numbered from 1) done or not done. */
    void markMilestone(int number, boolean done, Instant now) {
        requireOpen();
        if (number < 1 || number > milestones.size()) {
            throw new NotFoundException("Milestone");
        }
        milestones.set(number - 1, milestones.get(number - 1).markedDone(done, now));
        this.updatedAt = now;
        this.lastProgressAt = now;
    }

    /**
     * The owner proposes, before the due date, a new date or definition of done, with a reason; the
     * other side decides. One proposal at a time.
     */
    void proposeRenegotiation(
            UUID by, String reason, LocalDate newDue, String newDoneWhen, LocalDate today, Instant now) {
        requireOpen();
        if (today.isAfter(due)) {
            throw new RuleViolationException(
                    "TOO_LATE", null, "The due date has passed: renegotiate before it, or assess the outcome now.");
        }
        if (pendingRenegotiation() != null) {
            throw new ConflictException("A renegotiation is already waiting for the other side's answer.");
        }
        LocalDate proposedDue = newDue == null ? due : newDue;
        String proposedDoneWhen = newDoneWhen == null ? doneWhen : newDoneWhen;
        if (proposedDue.equals(due) && proposedDoneWhen.equals(doneWhen)) {
            throw new RuleViolationException("NO_CHANGE", "due", "Propose a new due date or a new definition of done.");
        }
        renegotiations.add(new Renegotiation(
                by,
                reason,
                due,
                proposedDue,
                doneWhen,
                proposedDoneWhen,
                Renegotiation.Status.PENDING,
                null,
                null,
                now));
        this.updatedAt = now;
    }

    /** The other side accepts (the new terms apply) or declines the pending renegotiation. */
    void decideRenegotiation(int number, boolean accept, UUID by, String byName, Instant now) {
        requireOpen();
        if (number < 1 || number > renegotiations.size()) {
            throw new NotFoundException("Renegotiation");
        }
        Renegotiation proposal = renegotiations.get(number - 1);
        if (proposal.status() != Renegotiation.Status.PENDING) {
            throw new ConflictException(
                    "This renegotiation was already " + proposal.status().name().toLowerCase() + ".");
        }
        renegotiations.set(
                number - 1,
                proposal.decided(accept ? Renegotiation.Status.ACCEPTED : Renegotiation.Status.DECLINED, by, now));
        if (accept) {
            this.due = proposal.newDue();
            this.doneWhen = proposal.newDoneWhen();
            this.renegotiated++;
        }
        this.updatedAt = now;
        registerEvent(new RenegotiationDecided(organizationId, id, ownerId, byName, accept, number));
    }

    /** The other side's word on the owner's assessment: agreed, or disputed with a comment. */
    void confirm(UUID by, String byName, boolean agree, String comment, Instant now) {
        if (status != CommitmentStatus.CLOSED) {
            throw new ConflictException("The owner has not assessed the outcome yet; confirm it once they have.");
        }
        if (confirmation != null) {
            throw new ConflictException(
                    "The outcome was already " + (confirmation == Confirmation.AGREED ? "confirmed." : "disputed."));
        }
        if (!agree && (comment == null || comment.isBlank())) {
            throw new RuleViolationException("COMMENT", "comment", "Say why you dispute the outcome.");
        }
        this.confirmation = agree ? Confirmation.AGREED : Confirmation.DISPUTED;
        this.confirmedBy = by;
        this.confirmationComment = comment;
        this.confirmedAt = now;
        registerEvent(new CommitmentConfirmed(organizationId, id, ownerId, byName, agree));
    }

    /** A reflection, once the commitment is closed: one per person. */
    void reflect(UUID by, String worked, String changeNext, Instant now) {
        if (status != CommitmentStatus.CLOSED) {
            throw new ConflictException("Reflections come once the outcome is assessed.");
        }
        if (reflections.stream().anyMatch(r -> r.authorId().equals(by))) {
            throw new ConflictException("You have already written your reflection on this commitment.");
        }
        reflections.add(new Reflection(by, worked, changeNext, now));
    }

    /** Tells one person of the other side that their word is awaited. */
    void awaitWord(UUID recipient, String ownerName, AwaitingOtherSide.What what) {
        registerEvent(new AwaitingOtherSide(organizationId, id, recipient, ownerName, what, renegotiations.size()));
    }

    /** Whether to remind the owner now that it is overdue and not assessed (once per due date). */
    boolean remindOverdue(LocalDate today) {
        if (status != CommitmentStatus.OPEN || !today.isAfter(due) || due.equals(overdueRemindedFor)) {
            return false;
        }
        this.overdueRemindedFor = due;
        registerEvent(new CommitmentOverdue(organizationId, id, ownerId, due));
        return true;
    }

    /**
     * Reminds the owner once per due date when it is {@link #DUE_REMINDER_DAYS} days or fewer away
     * (a renegotiated date is reminded again).
     */
    boolean remindDueSoon(LocalDate today) {
        if (status != CommitmentStatus.OPEN
                || today.isAfter(due)
                || today.plusDays(DUE_REMINDER_DAYS).isBefore(due)
                || due.equals(dueSoonRemindedFor)) {
            return false;
        }
        this.dueSoonRemindedFor = due;
        registerEvent(new CommitmentDueSoon(organizationId, id, ownerId, due));
        return true;
    }

    Renegotiation pendingRenegotiation() {
        return renegotiations.stream()
                .filter(r -> r.status() == Renegotiation.Status.PENDING)
                .findFirst()
                .orElse(null);
    }

    List<RiskReason> riskReasons(LocalDate today, Instant now) {
        return RiskReason.of(
                status,
                confidence,
                due,
                percent,
                milestones.size(),
                (int) milestones.stream().filter(Milestone::done).count(),
                lastProgressAt,
                createdAt,
                today,
                now);
    }

    /** The other side's word on the assessment. */
    enum Confirmation {
        AGREED,
        DISPUTED
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

    List<Milestone> getMilestones() {
        return Collections.unmodifiableList(milestones);
    }

    List<Renegotiation> getRenegotiations() {
        return Collections.unmodifiableList(renegotiations);
    }

    List<Reflection> getReflections() {
        return Collections.unmodifiableList(reflections);
    }

    /** The person it is made to (the requester of the expectation it came from), if any. */
    public UUID getMadeToId() {
        return madeToId;
    }

    Instant getOwnedAt() {
        return ownedAt;
    }

    /** Everyone invited to co-own it, accepted or not. */
    Set<CoOwner> getCoOwners() {
        return Collections.unmodifiableSet(coOwners);
    }

    Instant getAlignedAt() {
        return alignedAt;
    }

    int getRenegotiated() {
        return renegotiated;
    }

    Confirmation getConfirmation() {
        return confirmation;
    }

    UUID getConfirmedBy() {
        return confirmedBy;
    }

    String getConfirmationComment() {
        return confirmationComment;
    }

    Instant getConfirmedAt() {
        return confirmedAt;
    }

    /** The partnerships it is shared with, each named when the owner shared it; empty means none. */
    public Set<UUID> getSharedWith() {
        Set<UUID> ids = new TreeSet<>();
        shares.forEach(share -> ids.add(share.partnershipId()));
        return Collections.unmodifiableSet(ids);
    }

    public long getVersion() {
        return version == null ? 0 : version;
    }
}
