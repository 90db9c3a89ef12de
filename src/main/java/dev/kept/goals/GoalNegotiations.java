package dev.kept.goals;

import dev.kept.access.AccessPolicy;
import dev.kept.goals.Negotiation.Party;
import dev.kept.goals.Negotiation.Step;
import dev.kept.goals.Negotiation.Terms;
import dev.kept.goals.NegotiationView.Contribution;
import dev.kept.goals.NegotiationView.StepView;
import dev.kept.goals.NegotiationView.TeamRef;
import dev.kept.goals.NegotiationView.TeamState;
import dev.kept.goals.NegotiationView.TermsView;
import dev.kept.moves.EverydayMove;
import dev.kept.moves.MoveSource;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.Team;
import dev.kept.people.Teams;
import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Co-owned goals: a team proposes its goal to other teams, each team accepts, counter-proposes or
 * declines, and once every team still in has accepted the same terms the goal is theirs together
 * (see {@link Negotiation}). A team is acted for by its lead or by the members the lead allows. A
 * negotiation is seen by the members and leads of its teams; to anyone else in the organization it
 * answers like one that does not exist. A co-owned goal's terms change only by a new negotiation.
 */
@Service
public class GoalNegotiations implements MoveSource {

    static final int MOST_NEGOTIATORS = 20;

    private final NegotiationStore store;
    private final GoalRepository goals;
    private final People people;
    private final Teams orgTeams;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GoalNegotiations(
            NegotiationStore store,
            GoalRepository goals,
            People people,
            Teams orgTeams,
            AccessPolicy policy,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.goals = goals;
        this.people = people;
        this.orgTeams = orgTeams;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /** Proposes the goal to other teams for co-ownership. */
    @Transactional
    public NegotiationView propose(Caller caller, UUID goalId, ProposalDraft draft) {
        Goal goal = visibleGoal(caller, goalId);
        if (goal.getTeamId() == null) {
            throw new RuleViolationException(
                    "ORGANIZATION_GOAL",
                    "teamId",
                    "An organization goal belongs to everyone already: teams co-own team goals.");
        }
        Map<UUID, Team> teams = teams(caller);
        List<UUID> owners = ownerTeams(goal);
        UUID acting = draft.teamId() == null ? goal.getTeamId() : draft.teamId();
        if (!owners.contains(acting)) {
            throw new RuleViolationException(
                    "NOT_AN_OWNER", "teamId", "Only a team that owns this goal can propose to share it.");
        }
        requireActsFor(caller, acting);
        if (store.hasOpen(caller.organizationId(), goalId)) {
            throw new ConflictException(
                    "This goal is already being negotiated: answer that proposal, or withdraw it, first.");
        }
        List<UUID> invited = new ArrayList<>(new LinkedHashSet<>(draft.invitedTeamIds()));
        for (UUID team : invited) {
            if (!teams.containsKey(team)) {
                throw new RuleViolationException(
                        "UNKNOWN_TEAM", "invitedTeamIds", "There is no such team in this organization.");
            }
            if (owners.contains(team)) {
                throw new RuleViolationException(
                        "ALREADY_OWNER", "invitedTeamIds", "That team owns this goal already.");
            }
        }
        LocalDate due = draft.due() == null ? goal.getDue() : draft.due();
        if (!due.equals(goal.getDue())) {
            Goals.requireSensibleDue(due, today(caller));
        }
        Terms terms = new Terms(
                orGoal(draft.title(), goal.getTitle()),
                orGoal(draft.why(), goal.getWhy()),
                orGoal(draft.doneWhen(), goal.getDoneWhen()),
                due,
                stripped(draft.contributions()),
                acting,
                caller.personId(),
                blankToNull(draft.note()),
                clock.instant());
        List<UUID> coOwners =
                owners.stream().filter(team -> !team.equals(acting)).toList();
        Negotiation negotiation =
                Negotiation.open(caller.organizationId(), goalId, acting, coOwners, invited, terms, clock.instant());
        store.save(negotiation);
        announce(negotiation, goal, acting, caller, false, teams);
        return view(caller, negotiation, teams);
    }

    /**
     * The negotiations of a goal the caller may see, newest first: the page after {@code cursor}
     * (null: the first). The page is read first and then held to what the caller may see, so it
     * may hold fewer than {@code limit} even when more follow.
     */
    @Transactional(readOnly = true)
    public Page<NegotiationView> of(Caller caller, UUID goalId, String cursor, int limit) {
        visibleGoal(caller, goalId);
        Map<UUID, Team> teams = teams(caller);
        Page<Negotiation> page = store.ofGoal(caller.organizationId(), goalId, cursor, limit);
        return new Page<>(
                page.items().stream()
                        .filter(negotiation -> policy.canSeeTeamsWork(caller, negotiation.parties.keySet()))
                        .map(negotiation -> view(caller, negotiation, teams))
                        .toList(),
                page.next());
    }

    @Transactional(readOnly = true)
    public NegotiationView get(Caller caller, UUID goalId, UUID id) {
        return view(caller, visible(caller, goalId, id), teams(caller));
    }

    /** The caller's team accepts the terms of {@code round}, which must still be the latest. */
    @Transactional
    public NegotiationView accept(Caller caller, UUID goalId, UUID id, UUID teamId, int round) {
        Negotiation negotiation = visible(caller, goalId, id);
        UUID team = actingTeam(caller, negotiation, teamId);
        boolean agreed = negotiation.accept(team, round, caller.personId(), clock.instant());
        return step(caller, negotiation, team, agreed);
    }

    /** The caller's team puts changed terms on the table. */
    @Transactional
    public NegotiationView counter(Caller caller, UUID goalId, UUID id, CounterDraft draft) {
        Negotiation negotiation = visible(caller, goalId, id);
        UUID team = actingTeam(caller, negotiation, draft.teamId());
        if (!draft.due().equals(negotiation.terms().due())) {
            Goals.requireSensibleDue(draft.due(), today(caller));
        }
        negotiation.counter(
                team,
                new Terms(
                        draft.title().strip(),
                        draft.why().strip(),
                        draft.doneWhen().strip(),
                        draft.due(),
                        stripped(draft.contributions()),
                        team,
                        caller.personId(),
                        blankToNull(draft.note()),
                        clock.instant()),
                clock.instant());
        return step(caller, negotiation, team, false);
    }

    /** The caller's team declines, saying why. */
    @Transactional
    public NegotiationView decline(Caller caller, UUID goalId, UUID id, UUID teamId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException(
                    "REASON_REQUIRED", "reason", "Say why your team declines, so the other teams can respond.");
        }
        Negotiation negotiation = visible(caller, goalId, id);
        UUID team = actingTeam(caller, negotiation, teamId);
        boolean agreed = negotiation.decline(team, reason.strip(), caller.personId(), clock.instant());
        return step(caller, negotiation, team, agreed);
    }

    /** The proposing team withdraws its proposal. */
    @Transactional
    public NegotiationView withdraw(Caller caller, UUID goalId, UUID id, String reason) {
        Negotiation negotiation = visible(caller, goalId, id);
        UUID team = actingTeam(caller, negotiation, negotiation.proposingTeamId);
        negotiation.withdraw(team, blankToNull(reason), caller.personId(), clock.instant());
        return step(caller, negotiation, team, false);
    }

    /** The teams that own a goal (its own team first when not yet shared), each with its contribution. */
    @Transactional(readOnly = true)
    public Map<UUID, String> owners(UUID organizationId, UUID goalId) {
        Map<UUID, String> owners = store.owners(organizationId, goalId);
        if (owners.isEmpty()) {
            goals.findByIdAndOrganizationId(goalId, organizationId)
                    .filter(goal -> goal.getTeamId() != null)
                    .ifPresent(goal -> owners.put(goal.getTeamId(), ""));
        }
        return owners;
    }

    /**
     * The teams that own each of these goals, as {@link #owners} says it for one goal (a goal that
     * was never shared: its own team, {@code teamOf} it), in one statement whatever the number.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Map<UUID, String>> ownersOf(UUID organizationId, Map<UUID, UUID> teamOf) {
        Map<UUID, Map<UUID, String>> owners = store.ownersOf(organizationId, teamOf.keySet());
        teamOf.forEach((goal, team) -> {
            if (team != null && !owners.containsKey(goal)) {
                Map<UUID, String> own = new java.util.LinkedHashMap<>();
                own.put(team, "");
                owners.put(goal, own);
            }
        });
        return owners;
    }

    /**
     * The teams among these (a goal's owners) the caller acts for in negotiations: the ones they lead
     * and the ones that allowed them. Checks only these, never every team of the organization.
     */
    @Transactional(readOnly = true)
    public List<UUID> actedFor(Caller caller, Collection<UUID> teamIds) {
        if (!policy.canSeeGoals(caller)) {
            return List.of();
        }
        return teamIds.stream().filter(team -> actsFor(caller, team)).toList();
    }

    /** The members a team's lead allows to negotiate co-owned goals for the team. */
    @Transactional(readOnly = true)
    public List<UUID> negotiators(Caller caller, UUID teamId) {
        Team team = orgTeams.team(caller, teamId);
        return store.negotiators(caller.organizationId(), team.getId());
    }

    /** Replaces the members allowed to negotiate for the team; only its lead may. */
    @Transactional
    public List<UUID> allowNegotiators(Caller caller, UUID teamId, Collection<UUID> personIds) {
        Team team = orgTeams.team(caller, teamId);
        if (!caller.personId().equals(team.getLeadId())) {
            throw new ForbiddenException("Only the team's lead chooses who negotiates goals for the team.");
        }
        Set<UUID> allowed = new LinkedHashSet<>(personIds);
        if (allowed.size() > MOST_NEGOTIATORS) {
            throw new RuleViolationException(
                    "TOO_MANY", "personIds", "Allow at most " + MOST_NEGOTIATORS + " members to negotiate.");
        }
        for (UUID personId : allowed) {
            Person person = people.personIn(caller.organizationId(), personId)
                    .filter(p -> !p.isGuest() && p.isActive())
                    .orElseThrow(() -> new RuleViolationException(
                            "UNKNOWN_PERSON", "personIds", "There is no such member in this organization."));
            if (!teamId.equals(person.getTeamId())) {
                throw new RuleViolationException(
                        "NOT_IN_TEAM", "personIds", person.getName() + " is not a member of this team.");
            }
        }
        store.replaceNegotiators(caller.organizationId(), teamId, allowed, caller.personId(), clock.instant());
        return List.copyOf(allowed);
    }

    /** One co-own-a-goal move per proposal, counter-proposal and acceptance made in [from, to) by these people. */
    @Override
    @Transactional(readOnly = true)
    public List<EverydayMove> moves(UUID organizationId, Instant from, Instant to, Collection<UUID> personIds) {
        return personIds != null && personIds.isEmpty()
                ? List.of()
                : store.movesBetween(organizationId, from, to, personIds);
    }

    private NegotiationView step(Caller caller, Negotiation negotiation, UUID team, boolean agreed) {
        Goal goal = goals.findByIdAndOrganizationId(negotiation.goalId, caller.organizationId())
                .orElseThrow(() -> new NotFoundException("Goal"));
        try {
            store.save(negotiation);
        } catch (OptimisticLockingFailureException concurrent) {
            throw new ConflictException(
                    "Another team answered at the same moment. Nothing was changed: reload to see where it stands.");
        }
        if (agreed) {
            Terms terms = negotiation.terms();
            goal.revise(
                    new Goal.Terms(
                            terms.title(),
                            terms.why(),
                            terms.doneWhen(),
                            terms.due(),
                            goal.getTeamId(),
                            goal.getParentId()),
                    caller.personId(),
                    clock.instant());
            goals.save(goal);
            Map<UUID, String> contributions = new LinkedHashMap<>();
            negotiation
                    .teamsIn()
                    .forEach(t -> contributions.put(t, terms.contributions().get(t)));
            store.makeOwners(caller.organizationId(), goal.getId(), contributions, clock.instant());
        }
        Map<UUID, Team> teams = teams(caller);
        announce(negotiation, goal, team, caller, agreed, teams);
        return view(caller, negotiation, teams);
    }

    private void announce(
            Negotiation negotiation, Goal goal, UUID team, Caller caller, boolean agreed, Map<UUID, Team> teams) {
        Step last = negotiation.steps.get(negotiation.steps.size() - (agreed ? 2 : 1));
        Set<UUID> tell = new LinkedHashSet<>();
        for (Party party : negotiation.parties.values()) {
            if (party.teamId.equals(team) && !agreed) {
                continue;
            }
            Team other = teams.get(party.teamId);
            if (other != null && other.getLeadId() != null) {
                tell.add(other.getLeadId());
            }
            tell.addAll(store.negotiators(caller.organizationId(), party.teamId));
        }
        tell.remove(caller.personId());
        events.publishEvent(new GoalNegotiated(
                caller.organizationId(),
                negotiation.id,
                goal.getId(),
                goal.getTitle(),
                last.kind().name(),
                team,
                teams.containsKey(team) ? teams.get(team).getName() : "A team",
                caller.personId(),
                negotiation.round(),
                agreed,
                tell));
    }

    private NegotiationView view(Caller caller, Negotiation negotiation, Map<UUID, Team> teams) {
        Function<UUID, TeamRef> ref =
                id -> new TeamRef(id, teams.containsKey(id) ? teams.get(id).getName() : "(a team no longer here)");
        Map<UUID, String> names = new HashMap<>();
        Function<UUID, String> name = id -> names.computeIfAbsent(
                id,
                person -> people.personIn(caller.organizationId(), person)
                        .map(Person::getName)
                        .orElse("Someone"));
        List<TermsView> rounds = new ArrayList<>();
        for (int i = 0; i < negotiation.rounds.size(); i++) {
            Terms terms = negotiation.rounds.get(i);
            rounds.add(new TermsView(
                    i + 1,
                    terms.title(),
                    terms.why(),
                    terms.doneWhen(),
                    terms.due(),
                    terms.contributions().entrySet().stream()
                            .map(entry -> new Contribution(
                                    entry.getKey(), ref.apply(entry.getKey()).name(), entry.getValue()))
                            .toList(),
                    ref.apply(terms.teamId()),
                    terms.note(),
                    terms.at()));
        }
        List<UUID> actsFor = negotiation.status == Negotiation.Status.OPEN
                ? negotiation.parties.values().stream()
                        .filter(party -> party.answer != Negotiation.Answer.DECLINED)
                        .map(party -> party.teamId)
                        .filter(team -> actsFor(caller, team))
                        .toList()
                : List.of();
        return new NegotiationView(
                negotiation.id,
                negotiation.goalId,
                negotiation.status.name(),
                negotiation.round(),
                ref.apply(negotiation.proposingTeamId),
                rounds.get(rounds.size() - 1),
                negotiation.parties.values().stream()
                        .map(party -> new TeamState(
                                party.teamId,
                                ref.apply(party.teamId).name(),
                                party.role.name(),
                                party.answer.name(),
                                party.acceptedRound,
                                party.reason))
                        .toList(),
                rounds,
                negotiation.steps.stream()
                        .map(step -> new StepView(
                                step.kind().name(),
                                ref.apply(step.teamId()),
                                step.personId(),
                                name.apply(step.personId()),
                                step.round(),
                                step.reason(),
                                step.at()))
                        .toList(),
                actsFor,
                negotiation.createdAt,
                negotiation.closedAt);
    }

    private Negotiation visible(Caller caller, UUID goalId, UUID id) {
        visibleGoal(caller, goalId);
        return store.find(caller.organizationId(), goalId, id)
                .filter(negotiation -> policy.canSeeTeamsWork(caller, negotiation.parties.keySet()))
                .orElseThrow(() -> new NotFoundException("Proposal"));
    }

    private Goal visibleGoal(Caller caller, UUID goalId) {
        if (!policy.canSeeGoals(caller)) {
            throw new NotFoundException("Goal");
        }
        return goals.findByIdAndOrganizationId(goalId, caller.organizationId())
                .orElseThrow(() -> new NotFoundException("Goal"));
    }

    /** The team the caller acts for here: the one named, or the only one they may act for. */
    private UUID actingTeam(Caller caller, Negotiation negotiation, UUID named) {
        if (named != null) {
            if (!negotiation.parties.containsKey(named)) {
                throw new RuleViolationException(
                        "NOT_IN_PROPOSAL", "teamId", "That team is not part of this proposal.");
            }
            requireActsFor(caller, named);
            return named;
        }
        List<UUID> mine = negotiation.parties.values().stream()
                .filter(party -> party.answer != Negotiation.Answer.DECLINED)
                .map(party -> party.teamId)
                .filter(team -> actsFor(caller, team))
                .toList();
        if (mine.isEmpty()) {
            throw new ForbiddenException(
                    "Only a team's lead, or a member the lead allows, answers a proposal for the team.");
        }
        if (mine.size() > 1) {
            throw new RuleViolationException(
                    "TEAM_REQUIRED", "teamId", "You act for more than one team here: say which one with teamId.");
        }
        return mine.get(0);
    }

    private void requireActsFor(Caller caller, UUID team) {
        if (!actsFor(caller, team)) {
            throw new ForbiddenException(
                    "Only the team's lead, or a member the lead allows, negotiates goals for the team.");
        }
    }

    private boolean actsFor(Caller caller, UUID team) {
        return policy.actsForTeam(caller, team, store.negotiators(caller.organizationId(), team));
    }

    private List<UUID> ownerTeams(Goal goal) {
        return new ArrayList<>(owners(goal.getOrganizationId(), goal.getId()).keySet());
    }

    private Map<UUID, Team> teams(Caller caller) {
        return orgTeams.teams(caller).stream()
                .collect(Collectors.toMap(Team::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private LocalDate today(Caller caller) {
        return LocalDate.now(clock.withZone(ZoneId.of(people.me(caller).getTimeZone())));
    }

    private static Map<UUID, String> stripped(Map<UUID, String> contributions) {
        Map<UUID, String> stripped = new LinkedHashMap<>();
        contributions.forEach((team, text) -> stripped.put(team, text == null ? null : text.strip()));
        return stripped;
    }

    private static String orGoal(String given, String goal) {
        return given == null || given.isBlank() ? goal : given.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
