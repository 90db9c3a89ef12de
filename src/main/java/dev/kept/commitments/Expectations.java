package dev.kept.commitments;

import dev.kept.access.AccessPolicy;
import dev.kept.access.Visibility;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.Team;
import dev.kept.people.Teams;
import dev.kept.shared.ConflictException;
import dev.kept.shared.Cursor;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expectations: steps 1 and 2 of social accountability. Anyone in the organization asks a member
 * or a team for a clear commitment; the side asked (the person, or any member of the team) asks
 * questions, counter-proposes a date or definition of done, and accepts (the expectation becomes
 * their commitment, made to the requester, with the alignment recorded) or declines with a reason.
 * An expectation is seen by the requester and the side asked only.
 */
@Service
public class Expectations {

    private final ExpectationRepository expectations;
    private final ExpectationQueries queries;
    private final CommitmentRepository commitments;
    private final AccessPolicy policy;
    private final People people;
    private final Teams orgTeams;
    private final GoalDirectory goals;
    private final Clock clock;

    Expectations(
            ExpectationRepository expectations,
            ExpectationQueries queries,
            CommitmentRepository commitments,
            AccessPolicy policy,
            People people,
            Teams orgTeams,
            GoalDirectory goals,
            Clock clock) {
        this.goals = goals;
        this.expectations = expectations;
        this.queries = queries;
        this.commitments = commitments;
        this.policy = policy;
        this.people = people;
        this.orgTeams = orgTeams;
        this.clock = clock;
    }

    @Transactional
    public ExpectationView ask(Caller caller, ExpectationDraft draft) {
        Person me = people.me(caller);
        if (me.isGuest()) {
            throw new ForbiddenException("A guest cannot ask the organization for commitments.");
        }
        if ((draft.toPersonId() == null) == (draft.toTeamId() == null)) {
            throw new RuleViolationException(
                    "ASKED", "toPersonId", "Ask either a person (toPersonId) or a team (toTeamId).");
        }
        UUID recipient = null;
        if (draft.toPersonId() != null) {
            if (draft.toPersonId().equals(me.getId())) {
                throw new RuleViolationException(
                        "SELF", "toPersonId", "You cannot ask yourself: make the commitment instead.");
            }
            recipient = people.personIn(caller.organizationId(), draft.toPersonId())
                    .filter(person -> !person.isGuest())
                    .orElseThrow(() -> new RuleViolationException(
                            "UNKNOWN_PERSON", "toPersonId", "There is no such person in this organization."))
                    .getId();
        } else {
            try {
                Team team = orgTeams.team(caller, draft.toTeamId());
                recipient = team.getLeadId();
            } catch (NotFoundException unknown) {
                throw new RuleViolationException(
                        "UNKNOWN_TEAM", "toTeamId", "There is no such team in this organization.");
            }
        }
        Commitments.requireSensibleDue(draft.due(), today(caller));
        if (draft.goalId() != null && goals.find(caller, draft.goalId()).isEmpty()) {
            throw new RuleViolationException("UNKNOWN_GOAL", "goalId", "There is no such goal in this organization.");
        }
        Expectation expectation = Expectation.ask(
                caller.organizationId(),
                me.getId(),
                draft.toPersonId(),
                draft.toTeamId(),
                draft.what().strip(),
                draft.doneWhen().strip(),
                draft.due(),
                clean(draft.why()),
                draft.goalId(),
                clock.instant());
        if (recipient != null) {
            expectation.tell(recipient, me.getName(), ExpectationUpdated.Step.ASKED);
        }
        return view(expectations.save(expectation), caller);
    }

    /**
     * One page of the expectations the caller asked, was asked, or their team was asked; newest
     * first, without their threads (one expectation has its thread). {@code cursor} is the page
     * before's {@link Page#next()}, null for the first page.
     */
    @Transactional(readOnly = true)
    public Page<ExpectationView> mine(Caller caller, String cursor, int limit) {
        return page(caller, ExpectationQueries.Side.ALL, cursor, limit);
    }

    /** One page of the expectations asked of the caller (or of their team), or asked by them. */
    @Transactional(readOnly = true)
    Page<ExpectationView> page(Caller caller, ExpectationQueries.Side side, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Instant::parse, null);
        Person me = people.me(caller);
        UUID team = me.isGuest() ? null : me.getTeamId();
        List<ExpectationView> rows = queries.page(
                caller,
                team,
                side,
                after == null ? null : Instant.parse(after.position()),
                after == null ? null : after.id(),
                limit + 1);
        return Page.of(rows, limit, last -> new Cursor(last.createdAt().toString(), last.id()));
    }

    @Transactional(readOnly = true)
    public ExpectationView get(Caller caller, UUID id) {
        return view(visible(caller, id), caller);
    }

    /** The expectation if the caller may read it; empty, never an exception, when not (for other modules). */
    @Transactional(readOnly = true)
    public java.util.Optional<ExpectationView> find(Caller caller, UUID id) {
        return expectations
                .findByIdAndOrganizationId(id, caller.organizationId())
                .filter(e -> readable(caller, e))
                .map(e -> view(e, caller));
    }

    /** An expectation as another module names it: its title, who asked it and whom it asks. */
    public record Titled(UUID id, String what, UUID requesterId, UUID toPersonId, UUID toTeamId) {}

    /**
     * These expectations, those the caller may read, as other modules name them: one statement
     * whatever the number, each row held to the same rule as {@link #find}.
     */
    @Transactional(readOnly = true)
    public List<Titled> titledAmong(Caller caller, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return queries.titledAmong(caller.organizationId(), ids).stream()
                .filter(e -> policy.canSeeExpectation(
                        caller, caller.organizationId(), e.requesterId(), e.toPersonId(), e.toTeamId()))
                .toList();
    }

    /** A question from the side asked, or the requester's answer, in the thread. */
    @Transactional
    public ExpectationView discuss(Caller caller, UUID id, String text) {
        Expectation expectation = visible(caller, id);
        boolean requester = expectation.getRequesterId().equals(caller.personId());
        expectation.discuss(
                caller.personId(),
                requester ? ExpectationMessage.Kind.ANSWER : ExpectationMessage.Kind.QUESTION,
                text.strip(),
                clock.instant());
        tellOtherSide(
                expectation, caller, requester ? ExpectationUpdated.Step.ANSWER : ExpectationUpdated.Step.QUESTION);
        return save(expectation, caller);
    }

    /** The side asked proposes another date or definition of done, with a reason. */
    @Transactional
    public ExpectationView counter(Caller caller, UUID id, CounterProposal proposal) {
        Expectation expectation = askedSide(caller, id);
        if (proposal.due() != null && !proposal.due().equals(expectation.getDue())) {
            Commitments.requireSensibleDue(proposal.due(), today(caller));
        }
        expectation.counter(
                caller.personId(),
                proposal.reason().strip(),
                proposal.due(),
                clean(proposal.doneWhen()),
                clock.instant());
        tellOtherSide(expectation, caller, ExpectationUpdated.Step.COUNTER);
        return save(expectation, caller);
    }

    /** The requester accepts or declines a counter-proposal (numbered in the thread from 1). */
    @Transactional
    public ExpectationView decideCounter(Caller caller, UUID id, int number, boolean accept) {
        Expectation expectation = visible(caller, id);
        if (!expectation.getRequesterId().equals(caller.personId())) {
            throw new ForbiddenException("Only the requester answers a counter-proposal.");
        }
        expectation.decideCounter(number, accept, clock.instant());
        UUID author = expectation.getMessages().get(number - 1).authorId();
        expectation.tell(
                author,
                caller.name(),
                accept ? ExpectationUpdated.Step.COUNTER_ACCEPTED : ExpectationUpdated.Step.COUNTER_DECLINED);
        return save(expectation, caller);
    }

    /**
     * The side asked accepts: the expectation becomes the caller's commitment, made to the requester,
     * who sees it whatever its visibility (private unless chosen otherwise).
     */
    @Transactional
    public ExpectationView accept(Caller caller, UUID id, Visibility visibility) {
        Expectation expectation = askedSide(caller, id);
        expectation.requireAcceptable();
        // guests are never asked (the side asked is a member or a team), so every visibility is open
        Visibility chosen = visibility == null ? Visibility.PRIVATE : visibility;
        Commitment made = Commitment.madeTo(
                caller.organizationId(),
                caller.personId(),
                new Commitment.Terms(
                        expectation.getWhat(),
                        expectation.getDoneWhen(),
                        expectation.getDue(),
                        expectation.getWhy(),
                        chosen,
                        Set.of()),
                expectation.getRequesterId(),
                clock.instant());
        if (expectation.getGoalId() != null) {
            made.serve(expectation.getGoalId());
        }
        Commitment commitment = commitments.save(made);
        expectation.accept(caller.personId(), commitment.getId(), clock.instant());
        expectation.tell(expectation.getRequesterId(), caller.name(), ExpectationUpdated.Step.ACCEPTED);
        return save(expectation, caller);
    }

    @Transactional
    public ExpectationView decline(Caller caller, UUID id, String reason) {
        Expectation expectation = askedSide(caller, id);
        expectation.decline(reason.strip(), clock.instant());
        expectation.tell(expectation.getRequesterId(), caller.name(), ExpectationUpdated.Step.DECLINED);
        return save(expectation, caller);
    }

    @Transactional
    public ExpectationView withdraw(Caller caller, UUID id) {
        Expectation expectation = visible(caller, id);
        if (!expectation.getRequesterId().equals(caller.personId())) {
            throw new ForbiddenException("Only the requester withdraws an expectation.");
        }
        expectation.withdraw(clock.instant());
        if (expectation.getToPersonId() != null) {
            expectation.tell(expectation.getToPersonId(), caller.name(), ExpectationUpdated.Step.WITHDRAWN);
        }
        return save(expectation, caller);
    }

    private void tellOtherSide(Expectation expectation, Caller caller, ExpectationUpdated.Step step) {
        UUID other = expectation.getRequesterId().equals(caller.personId())
                ? expectation.getToPersonId()
                : expectation.getRequesterId();
        if (other != null) {
            expectation.tell(other, caller.name(), step);
        }
    }

    private Expectation askedSide(Caller caller, UUID id) {
        Expectation expectation = visible(caller, id);
        if (expectation.getRequesterId().equals(caller.personId())) {
            throw new ForbiddenException("Only the person or team asked answers an expectation.");
        }
        return expectation;
    }

    private Expectation visible(Caller caller, UUID id) {
        return expectations
                .findByIdAndOrganizationId(id, caller.organizationId())
                .filter(e -> readable(caller, e))
                .orElseThrow(() -> new NotFoundException("Expectation"));
    }

    private boolean readable(Caller caller, Expectation e) {
        return policy.canSeeExpectation(
                caller, e.getOrganizationId(), e.getRequesterId(), e.getToPersonId(), e.getToTeamId());
    }

    private ExpectationView save(Expectation expectation, Caller caller) {
        try {
            return view(expectations.save(expectation), caller);
        } catch (OptimisticLockingFailureException concurrent) {
            throw new ConflictException("This expectation was changed at the same time; reload it and try again.");
        }
    }

    private ExpectationView view(Expectation e, Caller caller) {
        Map<UUID, String> names = new HashMap<>();
        java.util.function.Function<UUID, String> nameOf = personId -> personId == null
                ? null
                : names.computeIfAbsent(
                        personId,
                        id -> people.personIn(e.getOrganizationId(), id)
                                .map(Person::getName)
                                .orElse("someone"));
        String teamName = null;
        if (e.getToTeamId() != null) {
            try {
                teamName = orgTeams.team(caller, e.getToTeamId()).getName();
            } catch (NotFoundException gone) {
                teamName = "a team";
            }
        }
        List<ExpectationView.MessageView> thread = new ArrayList<>();
        for (int i = 0; i < e.getMessages().size(); i++) {
            ExpectationMessage m = e.getMessages().get(i);
            thread.add(new ExpectationView.MessageView(
                    i + 1,
                    m.authorId(),
                    nameOf.apply(m.authorId()),
                    m.kind().name(),
                    m.text(),
                    m.proposedDue(),
                    m.proposedDoneWhen(),
                    m.counterStatus() == null ? null : m.counterStatus().name(),
                    m.createdAt()));
        }
        boolean requester = e.getRequesterId().equals(caller.personId());
        return new ExpectationView(
                e.getId(),
                e.getRequesterId(),
                nameOf.apply(e.getRequesterId()),
                e.getToPersonId(),
                nameOf.apply(e.getToPersonId()),
                e.getToTeamId(),
                teamName,
                e.getWhat(),
                e.getDoneWhen(),
                e.getDue(),
                e.getWhy(),
                e.getGoalId(),
                e.getStatus(),
                e.getDeclineReason(),
                e.getCommitmentId(),
                e.getAcceptedBy(),
                nameOf.apply(e.getAcceptedBy()),
                e.getAcceptedAt(),
                e.getCreatedAt(),
                ClarityCheck.assess(e.getWhat(), e.getDoneWhen(), e.getDue(), e.getWhy(), null),
                !requester,
                requester,
                thread,
                e.getVersion());
    }

    private LocalDate today(Caller caller) {
        return LocalDate.now(clock.withZone(ZoneId.of(people.me(caller).getTimeZone())));
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
