package dev.kept.commitments;

import dev.kept.access.AccessPolicy;
import dev.kept.access.Visibility;
import dev.kept.partnerships.PartnershipStatus;
import dev.kept.partnerships.PartnershipView;
import dev.kept.partnerships.Partnerships;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.RuleViolationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commitments module's entry: make, revise, report progress on and verify commitments, and
 * read them as far as the access policy allows. Something the caller may not see answers exactly
 * like something that does not exist.
 */
@Service
public class Commitments {

    static final int DUE_SOON_DAYS = 7;

    /** The most progress reports one commitment shows: the latest ones. */
    public static final int TIMELINE_MOST = 50;

    static final int LONGEST_HORIZON_YEARS = 10;

    private final CommitmentRepository commitments;
    private final CommitmentQueries queries;
    private final AccessPolicy policy;
    private final People people;
    private final Partnerships partnerships;
    private final GoalDirectory goals;
    private final Clock clock;

    Commitments(
            CommitmentRepository commitments,
            CommitmentQueries queries,
            AccessPolicy policy,
            People people,
            Partnerships partnerships,
            GoalDirectory goals,
            Clock clock) {
        this.commitments = commitments;
        this.queries = queries;
        this.policy = policy;
        this.people = people;
        this.partnerships = partnerships;
        this.goals = goals;
        this.clock = clock;
    }

    /** Today in the caller's time zone: what "past", "overdue" and "due soon" are measured from. */
    public LocalDate today(Caller caller) {
        return LocalDate.now(clock.withZone(ZoneId.of(people.me(caller).getTimeZone())));
    }

    /** The clarity of terms being written, as the form shows it while one types. */
    public ClarityReport clarity(Caller caller, String what, String doneWhen, LocalDate due, String why) {
        return ClarityCheck.assess(what, doneWhen, due, why, today(caller));
    }

    @Transactional
    public CommitmentView make(Caller caller, CommitmentDraft draft) {
        LocalDate today = today(caller);
        requireSensibleDue(draft.due(), today);
        requireAllowedVisibility(caller, draft.visibility());
        Commitment commitment = Commitment.make(
                caller.organizationId(),
                caller.personId(),
                new Commitment.Terms(
                        draft.what().strip(),
                        draft.doneWhen().strip(),
                        draft.due(),
                        clean(draft.why()),
                        draft.visibility(),
                        sharableSet(caller, draft.visibility(), draft.sharedWith())),
                clock.instant());
        serveGoal(caller, commitment, draft.goalId());
        return view(commitments.save(commitment), today, caller);
    }

    /** The owner's edit; an edit made against an older version changes nothing and answers 409. */
    @Transactional
    public CommitmentView revise(Caller caller, UUID id, CommitmentRevision revision) {
        Commitment commitment = owned(caller, id);
        if (commitment.getVersion() != revision.version()) {
            throw staleEdit();
        }
        LocalDate today = today(caller);
        LocalDate due = revision.due() == null ? commitment.getDue() : revision.due();
        if (!due.equals(commitment.getDue())) {
            requireSensibleDue(due, today);
        }
        Visibility visibility = revision.visibility() == null ? commitment.getVisibility() : revision.visibility();
        if (visibility != commitment.getVisibility()) {
            requireAllowedVisibility(caller, visibility);
        }
        Set<UUID> sharedWith = revision.sharedWith() == null && visibility == commitment.getVisibility()
                ? commitment.getSharedWith()
                : sharableSet(caller, visibility, revision.sharedWith());
        serveGoal(caller, commitment, revision.goalId());
        commitment.revise(
                new Commitment.Terms(
                        revision.what() == null
                                ? commitment.getWhat()
                                : revision.what().strip(),
                        revision.doneWhen() == null
                                ? commitment.getDoneWhen()
                                : revision.doneWhen().strip(),
                        due,
                        revision.why() == null ? commitment.getWhy() : clean(revision.why()),
                        visibility,
                        sharedWith),
                clock.instant());
        try {
            return view(commitments.save(commitment), today, caller);
        } catch (OptimisticLockingFailureException concurrent) {
            throw staleEdit();
        }
    }

    /** Progress, by the owner or a co-owner who accepted. */
    @Transactional
    public CommitmentView report(Caller caller, UUID id, ProgressReport report) {
        Commitment commitment = visible(caller, id);
        if (!commitment.reportableBy(caller.personId())) {
            throw new ForbiddenException("Only the owner and its co-owners report progress on a commitment.");
        }
        commitment.report(
                caller.personId(),
                report.percent(),
                report.confidence(),
                clean(report.note()),
                report.control(),
                clean(report.needs()),
                clock.instant());
        return save(commitment, caller);
    }

    /** The owner declares the outcome theirs. */
    @Transactional
    public CommitmentView declareOwnership(Caller caller, UUID id) {
        Commitment commitment = owned(caller, id);
        commitment.declareOwnership(clock.instant());
        return save(commitment, caller);
    }

    /** The owner invites a member of the organization to co-own the outcome. */
    @Transactional
    public CommitmentView inviteCoOwner(Caller caller, UUID id, UUID personId) {
        Commitment commitment = owned(caller, id);
        people.personIn(caller.organizationId(), personId)
                .filter(person -> !person.isGuest())
                .orElseThrow(() -> new RuleViolationException(
                        "UNKNOWN_PERSON", "personId", "There is no such person in this organization."));
        commitment.inviteCoOwner(personId, caller.name(), clock.instant());
        return save(commitment, caller);
    }

    /** The invited person accepts to co-own it. */
    @Transactional
    public CommitmentView acceptCoOwnership(Caller caller, UUID id) {
        Commitment commitment = visible(caller, id);
        commitment.acceptCoOwnership(caller.personId(), caller.name(), clock.instant());
        return save(commitment, caller);
    }

    /** The owner plans a milestone. */
    @Transactional
    public CommitmentView planMilestone(Caller caller, UUID id, MilestonePlan plan) {
        Commitment commitment = owned(caller, id);
        commitment.planMilestone(plan.title().strip(), plan.due(), today(caller), clock.instant());
        return save(commitment, caller);
    }

    /** The owner marks a milestone (numbered from 1) done or not done. */
    @Transactional
    public CommitmentView markMilestone(Caller caller, UUID id, int number, boolean done) {
        Commitment commitment = owned(caller, id);
        commitment.markMilestone(number, done, clock.instant());
        return save(commitment, caller);
    }

    /**
     * The owner proposes new terms before the due date; the other side (a partner it is shared
     * with) accepts or declines. A commitment nobody else holds the owner to is simply edited.
     */
    @Transactional
    public CommitmentView proposeRenegotiation(Caller caller, UUID id, RenegotiationProposal proposal) {
        Commitment commitment = owned(caller, id);
        if (commitment.getVisibility() != Visibility.PARTNERS && commitment.getMadeToId() == null) {
            throw new RuleViolationException(
                    "NO_OTHER_SIDE",
                    null,
                    "Nobody else holds you to this commitment: change its terms yourself (share it with a partner"
                            + " to renegotiate).");
        }
        LocalDate today = today(caller);
        if (proposal.due() != null && !proposal.due().equals(commitment.getDue())) {
            requireSensibleDue(proposal.due(), today);
        }
        commitment.proposeRenegotiation(
                caller.personId(),
                proposal.reason().strip(),
                proposal.due(),
                clean(proposal.doneWhen()),
                today,
                clock.instant());
        tellOtherSides(commitment, caller, AwaitingOtherSide.What.RENEGOTIATION);
        return save(commitment, caller);
    }

    /** The other side accepts or declines a renegotiation (numbered from 1). */
    @Transactional
    public CommitmentView decideRenegotiation(Caller caller, UUID id, int number, boolean accept) {
        Commitment commitment = otherSide(caller, id, "Only the other side decides on a renegotiation.");
        commitment.decideRenegotiation(number, accept, caller.personId(), caller.name(), clock.instant());
        return save(commitment, caller);
    }

    /** The other side confirms or disputes the owner's assessment. */
    @Transactional
    public CommitmentView confirm(Caller caller, UUID id, Confirmation confirmation) {
        Commitment commitment =
                otherSide(caller, id, "Only the other side (a partner it is shared with) confirms the outcome.");
        commitment.confirm(
                caller.personId(), caller.name(), confirmation.agree(), clean(confirmation.comment()), clock.instant());
        return save(commitment, caller);
    }

    /** A reflection by the owner or the other side, once the commitment is closed. */
    @Transactional
    public CommitmentView reflect(Caller caller, UUID id, ReflectionNote note) {
        Commitment commitment = visible(caller, id);
        boolean owner = commitment.getOwnerId().equals(caller.personId());
        if (!owner && !policy.isOtherSide(caller, owned(commitment))) {
            throw new ForbiddenException("Only the owner and the other side reflect on a commitment.");
        }
        if (clean(note.worked()) == null && clean(note.changeNext()) == null) {
            throw new RuleViolationException(
                    "EMPTY", "worked", "Say what worked, or what you would change next time, or both.");
        }
        commitment.reflect(caller.personId(), clean(note.worked()), clean(note.changeNext()), clock.instant());
        return save(commitment, caller);
    }

    private void tellOtherSides(Commitment commitment, Caller owner, AwaitingOtherSide.What what) {
        for (UUID other : policy.otherSides(owned(commitment))) {
            commitment.awaitWord(other, owner.name(), what);
        }
    }

    private Commitment otherSide(Caller caller, UUID id, String refusal) {
        Commitment commitment = visible(caller, id);
        if (!policy.isOtherSide(caller, owned(commitment))) {
            throw new ForbiddenException(refusal);
        }
        return commitment;
    }

    @Transactional
    public CommitmentView verify(Caller caller, UUID id, Verification verification) {
        Commitment commitment = owned(caller, id);
        boolean beforeDue = today(caller).isBefore(commitment.getDue());
        if (beforeDue
                && (verification.outcome() == Outcome.PARTLY_KEPT || verification.outcome() == Outcome.NOT_KEPT)) {
            throw new RuleViolationException(
                    "TOO_EARLY",
                    "outcome",
                    "Before the due date a commitment can be closed as kept (done early) or dropped; whether it"
                            + " was partly kept or not kept is assessed at or after the due date, "
                            + commitment.getDue()
                            + ". Renegotiate if the date no longer holds.");
        }
        commitment.verify(verification.outcome(), verification.reflection().strip(), clock.instant());
        tellOtherSides(commitment, caller, AwaitingOtherSide.What.CONFIRMATION);
        return save(commitment, caller);
    }

    /** One commitment, with its progress timeline, if the caller may see it. */
    @Transactional(readOnly = true)
    public CommitmentView get(Caller caller, UUID id) {
        return view(visible(caller, id), today(caller), caller);
    }

    /** One commitment if the caller may see it; empty, never an exception, when not (for other modules). */
    @Transactional(readOnly = true)
    public Optional<CommitmentView> find(Caller caller, UUID id) {
        return commitments
                .findByIdAndOrganizationId(id, caller.organizationId())
                .filter(c -> policy.canSee(caller, owned(c)))
                .map(c -> view(c, today(caller), caller));
    }

    /** The visibilities the caller may choose: a guest keeps to private and partners. */
    @Transactional(readOnly = true)
    public List<Visibility> visibilitiesFor(Caller caller) {
        return people.me(caller).isGuest()
                ? List.of(Visibility.PRIVATE, Visibility.PARTNERS)
                : List.of(Visibility.values());
    }

    /**
     * What the caller may do on one commitment, from one read: change it (the owner), challenge it
     * (a partner it is shared with), speak as the other side (that partner, or the person it is made
     * to) and report progress (the owner or a co-owner who accepted).
     */
    public record Rights(boolean change, boolean challenge, boolean otherSide, boolean report) {}

    @Transactional(readOnly = true)
    public Rights rights(Caller caller, UUID id) {
        return commitments
                .findByIdAndOrganizationId(id, caller.organizationId())
                .map(c -> {
                    AccessPolicy.Owned owned = owned(c);
                    boolean partner = policy.seesAsPartner(caller, owned);
                    return new Rights(
                            policy.canChange(caller, owned),
                            partner,
                            partner || policy.isMadeTo(caller, owned),
                            c.reportableBy(caller.personId()));
                })
                .orElse(new Rights(false, false, false, false));
    }

    /** Whether the caller may change this commitment (they own it). */
    @Transactional(readOnly = true)
    public boolean canChange(Caller caller, UUID id) {
        return commitments
                .findByIdAndOrganizationId(id, caller.organizationId())
                .map(c -> policy.canChange(caller, owned(c)))
                .orElse(false);
    }

    private CommitmentView save(Commitment commitment, Caller caller) {
        try {
            return view(commitments.save(commitment), today(caller), caller);
        } catch (OptimisticLockingFailureException concurrent) {
            throw new ConflictException("This commitment was changed at the same time; reload it and try again.");
        }
    }

    private Commitment visible(Caller caller, UUID id) {
        return commitments
                .findByIdAndOrganizationId(id, caller.organizationId())
                .filter(c -> policy.canSee(caller, owned(c)))
                .orElseThrow(() -> new NotFoundException("Commitment"));
    }

    private Commitment owned(Caller caller, UUID id) {
        Commitment commitment = visible(caller, id);
        if (!policy.canChange(caller, owned(commitment))) {
            throw new ForbiddenException("Only the owner of a commitment can change it.");
        }
        return commitment;
    }

    static AccessPolicy.Owned owned(Commitment commitment) {
        return new AccessPolicy.Owned(
                commitment.getOrganizationId(),
                commitment.getOwnerId(),
                commitment.getVisibility(),
                commitment.getSharedWith(),
                commitment.getMadeToId(),
                commitment.getCoOwners().stream().map(CoOwner::personId).collect(Collectors.toSet()));
    }

    /** Names the goal a commitment serves: one the caller sees, or 422; null leaves it as it is. */
    private void serveGoal(Caller caller, Commitment commitment, UUID goalId) {
        if (goalId == null) {
            return;
        }
        if (goals.find(caller, goalId).isEmpty()) {
            throw new RuleViolationException("UNKNOWN_GOAL", "goalId", "There is no such goal in this organization.");
        }
        commitment.serve(goalId);
    }

    /** A guest shares with their partners only: the organization and its teams are not theirs. */
    private void requireAllowedVisibility(Caller caller, Visibility visibility) {
        if (people.me(caller).isGuest() && (visibility == Visibility.TEAM || visibility == Visibility.ORGANIZATION)) {
            throw new RuleViolationException(
                    "VISIBILITY",
                    "visibility",
                    "As a guest you can keep a commitment private or share it with partners.");
        }
    }

    /**
     * The partnerships a commitment is shared with, decided now: the ones named, each an open one
     * of the caller where the partner holds them; none named, for a commitment for partners, means
     * every partner the caller has now (accepted and not over), never one who comes later.
     */
    private Set<UUID> sharableSet(Caller caller, Visibility visibility, List<UUID> sharedWith) {
        if (sharedWith == null || sharedWith.isEmpty()) {
            return visibility == Visibility.PARTNERS ? currentPartners(caller) : Set.of();
        }
        if (visibility != Visibility.PARTNERS) {
            throw new RuleViolationException(
                    "SHARED_WITH", "sharedWith", "Only a commitment shared with partners names partnerships.");
        }
        Set<UUID> sharable =
                partnerships.sharable(caller).stream().map(PartnershipView::id).collect(Collectors.toSet());
        for (UUID id : sharedWith) {
            if (id == null || !sharable.contains(id)) {
                throw new RuleViolationException(
                        "UNKNOWN_PARTNERSHIP",
                        "sharedWith",
                        "Share only with your own partnerships where the partner holds you accountable.");
            }
        }
        return new TreeSet<>(sharedWith);
    }

    /** "All my partners" as of now: the accepted partnerships, not over, where the partner holds the caller. */
    private Set<UUID> currentPartners(Caller caller) {
        return partnerships.sharable(caller).stream()
                .filter(p -> p.status() != PartnershipStatus.INVITED)
                .map(PartnershipView::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private CommitmentView view(Commitment c, LocalDate today, Caller viewer) {
        boolean mine = c.getOwnerId().equals(viewer.personId());
        String challengeMeOn = mine
                ? null
                : policy.partnershipsSeeing(viewer, owned(c)).stream()
                        .map(partnershipId ->
                                partnerships.challengeMeOn(c.getOrganizationId(), partnershipId, c.getOwnerId()))
                        .flatMap(Optional::stream)
                        .findFirst()
                        .orElse(null);
        Map<UUID, String> names = new HashMap<>();
        Caller inOrganization = new Caller(c.getOwnerId(), c.getOrganizationId(), null);
        Function<UUID, String> nameOf = personId -> names.computeIfAbsent(personId, id -> nameIn(inOrganization, id));
        boolean open = c.getStatus() == CommitmentStatus.OPEN;
        List<ProgressUpdate> newestFirst = new ArrayList<>(c.getUpdates());
        Collections.reverse(newestFirst);
        List<CommitmentView.ProgressView> progress = newestFirst.stream()
                .limit(TIMELINE_MOST)
                .map(u -> new CommitmentView.ProgressView(
                        u.getAuthorId(),
                        nameOf.apply(u.getAuthorId()),
                        u.getPercent(),
                        u.getConfidence(),
                        u.getNote(),
                        u.getControl(),
                        u.getNeeds(),
                        u.getCreatedAt()))
                .toList();
        List<RiskReason> risks = c.riskReasons(today, clock.instant());
        List<CommitmentView.MilestoneView> milestones = new ArrayList<>();
        for (int i = 0; i < c.getMilestones().size(); i++) {
            Milestone m = c.getMilestones().get(i);
            milestones.add(new CommitmentView.MilestoneView(i + 1, m.title(), m.due(), m.done(), m.doneAt()));
        }
        List<CommitmentView.RenegotiationView> renegotiations = new ArrayList<>();
        for (int i = 0; i < c.getRenegotiations().size(); i++) {
            Renegotiation r = c.getRenegotiations().get(i);
            renegotiations.add(new CommitmentView.RenegotiationView(
                    i + 1,
                    r.proposedBy(),
                    nameOf.apply(r.proposedBy()),
                    r.reason(),
                    r.oldDue(),
                    r.newDue(),
                    r.oldDoneWhen(),
                    r.newDoneWhen(),
                    r.status().name(),
                    r.decidedBy(),
                    r.decidedBy() == null ? null : nameOf.apply(r.decidedBy()),
                    r.decidedAt(),
                    r.createdAt()));
        }
        CommitmentView.ConfirmationView confirmation = c.getConfirmation() == null
                ? null
                : new CommitmentView.ConfirmationView(
                        c.getConfirmation() == Commitment.Confirmation.AGREED,
                        c.getConfirmationComment(),
                        c.getConfirmedBy(),
                        nameOf.apply(c.getConfirmedBy()),
                        c.getConfirmedAt());
        List<CommitmentView.ReflectionView> reflections = c.getReflections().stream()
                .map(r -> new CommitmentView.ReflectionView(
                        r.authorId(), nameOf.apply(r.authorId()), r.worked(), r.changeNext(), r.createdAt()))
                .toList();
        return new CommitmentView(
                c.getId(),
                c.getOwnerId(),
                nameOf.apply(c.getOwnerId()),
                open
                        && people.personIn(c.getOrganizationId(), c.getOwnerId())
                                .map(Person::isDeactivated)
                                .orElse(false),
                c.getWhat(),
                c.getDoneWhen(),
                c.getDue(),
                c.getWhy(),
                c.getGoalId(),
                c.getVisibility(),
                c.getStatus(),
                c.getPercent(),
                c.getConfidence(),
                c.getOutcome(),
                c.getReflection(),
                open && c.getDue().isBefore(today),
                !risks.isEmpty(),
                c.getCreatedAt(),
                c.getUpdatedAt(),
                c.getLastProgressAt(),
                c.getClosedAt(),
                c.getVersion(),
                ClarityCheck.assess(c.getWhat(), c.getDoneWhen(), c.getDue(), c.getWhy(), null),
                progress,
                mine ? c.getSharedWith() : null,
                challengeMeOn,
                CommitmentView.RiskView.of(risks),
                c.getRenegotiated(),
                milestones,
                renegotiations,
                confirmation,
                reflections,
                c.getMadeToId(),
                c.getMadeToId() == null ? null : nameOf.apply(c.getMadeToId()),
                c.getAlignedAt(),
                c.getOwnedAt(),
                c.getCoOwners().stream()
                        .sorted(java.util.Comparator.comparing(CoOwner::invitedAt))
                        .map(co -> new CommitmentView.CoOwnerView(
                                co.personId(), nameOf.apply(co.personId()), co.accepted(), co.acceptedAt()))
                        .toList());
    }

    private String nameIn(Caller inOrganization, UUID personId) {
        return people.personIn(inOrganization.organizationId(), personId)
                .map(Person::getName)
                .orElse("someone");
    }

    static void requireSensibleDue(LocalDate due, LocalDate today) {
        if (due.isBefore(today)) {
            throw new RuleViolationException("DUE_IN_PAST", "due", "The due date is in the past: pick today or later.");
        }
        if (due.isAfter(today.plusYears(LONGEST_HORIZON_YEARS))) {
            throw new RuleViolationException(
                    "DUE_TOO_FAR", "due", "The due date is more than " + LONGEST_HORIZON_YEARS + " years away.");
        }
    }

    private static ConflictException staleEdit() {
        return new ConflictException(
                "Someone changed this commitment after you opened it. Nothing was overwritten: reload to see the"
                        + " latest version, then make your change again.");
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
