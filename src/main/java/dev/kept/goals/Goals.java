package dev.kept.goals;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kept.access.AccessPolicy;
import dev.kept.commitments.Commitments;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Team;
import dev.kept.people.Teams;
import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The goals module's entry: set and change goals, read them as a tree, and read one goal with the
 * commitments that serve it. Every member of the organization sees every goal; for a guest, and
 * for anyone outside the organization, a goal answers exactly like one that does not exist. An
 * organization goal is set by an admin, a team goal by the team's lead or an admin (403 otherwise).
 */
@Service
public class Goals {

    static final int LONGEST_HORIZON_YEARS = 20;

    private final GoalRepository goals;
    private final People people;
    private final Teams orgTeams;
    private final AccessPolicy policy;
    private final Commitments commitments;
    private final NegotiationStore negotiations;
    private final GoalReads reads;
    private final Clock clock;

    Goals(
            GoalRepository goals,
            People people,
            Teams orgTeams,
            AccessPolicy policy,
            Commitments commitments,
            NegotiationStore negotiations,
            GoalReads reads,
            Clock clock) {
        this.reads = reads;
        this.goals = goals;
        this.negotiations = negotiations;
        this.people = people;
        this.orgTeams = orgTeams;
        this.policy = policy;
        this.commitments = commitments;
        this.clock = clock;
    }

    /** Sets a new goal, beneath a parent when the draft names one. */
    @Transactional
    public GoalView set(Caller caller, GoalDraft draft) {
        requireSeeing(caller);
        Map<UUID, Team> teams = teams(caller);
        requireTeam(teams, draft.teamId());
        requireRight(caller, draft.teamId());
        Goal parent = null;
        if (draft.parentId() != null) {
            parent = goals.findByIdAndOrganizationId(draft.parentId(), caller.organizationId())
                    .orElseThrow(Goals::unknownParent);
            requireTreeOrder(draft.teamId(), parent);
        }
        requireSensibleDue(draft.due(), today(caller));
        Goal goal = Goal.set(
                caller.organizationId(),
                caller.personId(),
                new Goal.Terms(
                        draft.title().strip(),
                        draft.why().strip(),
                        draft.doneWhen().strip(),
                        draft.due(),
                        draft.teamId(),
                        parent == null ? null : parent.getId()),
                clock.instant());
        return views(caller, teams).apply(goals.save(goal));
    }

    /** Changes a goal; an edit made against an older version changes nothing and answers 409. */
    @Transactional
    public GoalView revise(Caller caller, UUID id, GoalRevision revision) {
        Goal goal = visible(caller, id);
        if (goal.getVersion() != revision.version()) {
            throw staleEdit();
        }
        requireRight(caller, goal.getTeamId());
        Map<UUID, Team> teams = teams(caller);
        UUID teamId = revision.teamId() == null ? goal.getTeamId() : revision.teamId();
        if (!Objects.equals(teamId, goal.getTeamId())) {
            requireTeam(teams, teamId);
            requireRight(caller, teamId);
        }
        UUID parentId = revision.parentId() == null ? goal.getParentId() : revision.parentId();
        if (!Objects.equals(parentId, goal.getParentId()) || !Objects.equals(teamId, goal.getTeamId())) {
            GoalTree tree = new GoalTree(goals.findByOrganizationId(caller.organizationId()));
            Goal parent = parentId == null ? null : tree.get(parentId).orElseThrow(Goals::unknownParent);
            if (parent != null && tree.wouldLoop(goal.getId(), parentId)) {
                throw new RuleViolationException(
                        "GOAL_LOOP",
                        "parentId",
                        "This would make a loop: the new parent is this goal or sits beneath it.");
            }
            requireTreeOrder(teamId, parent);
            if (teamId != null && tree.children(goal.getId()).stream().anyMatch(child -> child.getTeamId() == null)) {
                throw new RuleViolationException(
                        "PARENT_IS_TEAM_GOAL",
                        "teamId",
                        "Organization goals sit beneath this goal, and an organization goal cannot sit beneath a"
                                + " team goal.");
            }
        }
        LocalDate due = revision.due() == null ? goal.getDue() : revision.due();
        if (!due.equals(goal.getDue())) {
            requireSensibleDue(due, today(caller));
        }
        if (changesAgreedTerms(goal, revision, teamId, due)
                && negotiations.owners(caller.organizationId(), id).size() > 1) {
            throw new ConflictException(
                    "This goal is co-owned: its terms and team were agreed between teams. Propose new terms to"
                            + " the co-owning teams instead.");
        }
        goal.revise(
                new Goal.Terms(
                        revision.title() == null
                                ? goal.getTitle()
                                : revision.title().strip(),
                        revision.why() == null ? goal.getWhy() : revision.why().strip(),
                        revision.doneWhen() == null
                                ? goal.getDoneWhen()
                                : revision.doneWhen().strip(),
                        due,
                        teamId,
                        parentId),
                caller.personId(),
                clock.instant());
        try {
            return views(caller, teams).apply(goals.save(goal));
        } catch (OptimisticLockingFailureException concurrent) {
            throw staleEdit();
        }
    }

    private static boolean changesAgreedTerms(Goal goal, GoalRevision revision, UUID teamId, LocalDate due) {
        return (revision.title() != null && !revision.title().strip().equals(goal.getTitle()))
                || (revision.why() != null && !revision.why().strip().equals(goal.getWhy()))
                || (revision.doneWhen() != null && !revision.doneWhen().strip().equals(goal.getDoneWhen()))
                || !due.equals(goal.getDue())
                || !Objects.equals(teamId, goal.getTeamId());
    }

    /**
     * One goal summarized: its parent, the goals directly beneath it with the commitments serving
     * each (or a goal beneath it) counted by state, the same counts per owner's team, and the first
     * page of the commitments serving this goal itself (its {@code next} is the cursor of the next
     * page, for {@link #serving}). Whatever the size of the tree, a bounded number of statements.
     */
    @Transactional(readOnly = true)
    public GoalDetail get(Caller caller, UUID id) {
        Goal goal = visible(caller, id);
        GoalReads.Subtree subtree = reads.subtree(caller.organizationId(), goal.getId());
        Map<UUID, Team> teams = teams(caller);
        Function<Goal, GoalView> view = views(caller, teams);
        LocalDate today = commitments.today(caller);
        Instant now = clock.instant();
        List<GoalReads.Counted> counted = reads.tallies(caller, goal.getId(), subtree.ids(), today, now);
        Map<UUID, UUID> branchOf = subtree.branches();
        List<UUID> childIds = subtree.children(goal.getId());
        List<Goal> children = childIds.isEmpty()
                ? List.of()
                : new GoalTree(goals.findAmong(caller.organizationId(), childIds)).roots();
        Map<UUID, Long> beneathCounts = subtree.childCounts();
        Map<UUID, Tally> byBranch = new HashMap<>();
        Map<UUID, Tally> byTeam = new LinkedHashMap<>();
        Tally here = Tally.NONE;
        Tally total = Tally.NONE;
        for (GoalReads.Counted count : counted) {
            total = total.plus(count.tally());
            byTeam.merge(count.teamId(), count.tally(), Tally::plus);
            if (count.goalId().equals(goal.getId())) {
                here = here.plus(count.tally());
            } else if (branchOf.containsKey(count.goalId())) {
                byBranch.merge(branchOf.get(count.goalId()), count.tally(), Tally::plus);
            }
        }
        Map<UUID, String> owners = negotiations.owners(caller.organizationId(), goal.getId());
        Page<ServingCommitment> first =
                reads.serving(reads.scope(caller), goal.getId(), null, Page.DEFAULT, today, now);
        return new GoalDetail(
                view.apply(goal),
                owners.size() < 2
                        ? List.of()
                        : owners.entrySet().stream()
                                .map(owner -> new GoalDetail.Owner(
                                        owner.getKey(),
                                        teams.containsKey(owner.getKey())
                                                ? teams.get(owner.getKey()).getName()
                                                : "",
                                        owner.getValue()))
                                .toList(),
                goal.getParentId() == null
                        ? null
                        : goals.findByIdAndOrganizationId(goal.getParentId(), caller.organizationId())
                                .map(view)
                                .orElse(null),
                children.stream()
                        .map(child -> new GoalDetail.Child(
                                view.apply(child),
                                beneathCounts.getOrDefault(child.getId(), 0L),
                                byBranch.getOrDefault(child.getId(), Tally.NONE)))
                        .toList(),
                here,
                total,
                byTeam.entrySet().stream()
                        .map(team -> new GoalDetail.TeamTally(
                                team.getKey(),
                                team.getKey() == null
                                        ? null
                                        : Optional.ofNullable(teams.get(team.getKey()))
                                                .map(Team::getName)
                                                .orElse(null),
                                team.getValue()))
                        .sorted(Comparator.comparing(
                                GoalDetail.TeamTally::teamName, Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList(),
                new PageAnswer<>(first.items(), first.next()),
                total.hidden());
    }

    /**
     * The commitments serving this goal itself that the caller may see, open ones first, then by
     * due date: the page after {@code cursor} (null: the first); a forged cursor answers 400.
     */
    @Transactional(readOnly = true)
    public Page<ServingCommitment> serving(Caller caller, UUID id, String cursor, int limit) {
        Goal goal = visible(caller, id);
        return reads.serving(
                reads.scope(caller), goal.getId(), cursor, limit, commitments.today(caller), clock.instant());
    }

    /** A goal in a list, with how many goals sit directly beneath it (to open them one level at a time). */
    public record Listed(@JsonUnwrapped GoalView goal, long goalsBeneath) {}

    /**
     * The goals directly beneath a goal, or the top-level goals when {@code parentId} is null:
     * organization goals first, then by due date; the page after {@code cursor} (null: the first).
     */
    @Transactional(readOnly = true)
    public Page<Listed> beneath(Caller caller, UUID parentId, String cursor, int limit) {
        if (parentId == null) {
            requireSeeing(caller);
        } else {
            visible(caller, parentId);
        }
        Page<GoalReads.Listed> page = reads.beneath(caller.organizationId(), parentId, cursor, limit);
        Map<UUID, Goal> found = new HashMap<>();
        if (!page.items().isEmpty()) {
            goals.findAmong(
                            caller.organizationId(),
                            page.items().stream().map(GoalReads.Listed::id).toList())
                    .forEach(g -> found.put(g.getId(), g));
        }
        Function<Goal, GoalView> view = views(caller, teams(caller));
        return new Page<>(
                page.items().stream()
                        .filter(listed -> found.containsKey(listed.id()))
                        .map(listed -> new Listed(view.apply(found.get(listed.id())), listed.beneath()))
                        .toList(),
                page.next());
    }

    /** One goal as a member sees it, without what serves it. */
    @Transactional(readOnly = true)
    public GoalView one(Caller caller, UUID id) {
        return views(caller, teams(caller)).apply(visible(caller, id));
    }

    /** One goal if the caller may see it; empty, never an exception, when not (for other modules). */
    @Transactional(readOnly = true)
    public java.util.Optional<GoalView> find(Caller caller, UUID id) {
        if (id == null || !policy.canSeeGoals(caller)) {
            return java.util.Optional.empty();
        }
        return goals.findByIdAndOrganizationId(id, caller.organizationId()).map(views(caller, teams(caller)));
    }

    /** A goal as another module names it: its title, its team (null: the organization's) and who set it. */
    public record Titled(UUID id, String title, UUID teamId, UUID createdBy) {}

    /** These goals, those the caller may see, as other modules name them: one statement whatever the number. */
    @Transactional(readOnly = true)
    public List<Titled> titledAmong(Caller caller, java.util.Collection<UUID> ids) {
        if (ids.isEmpty() || !policy.canSeeGoals(caller)) {
            return List.of();
        }
        List<Titled> found = new java.util.ArrayList<>();
        for (Goal goal : goals.findAmong(caller.organizationId(), java.util.Set.copyOf(ids))) {
            found.add(new Titled(goal.getId(), goal.getTitle(), goal.getTeamId(), goal.getCreatedBy()));
        }
        return found;
    }

    /** Whether the caller may set an organization goal (an admin). */
    @Transactional(readOnly = true)
    public boolean canSetOrganizationGoals(Caller caller) {
        return policy.canChangeGoal(caller, null);
    }

    /** The teams the caller may set goals for: all of them for an admin, the ones they lead otherwise. */
    @Transactional(readOnly = true)
    public List<Team> teamsFor(Caller caller) {
        if (!policy.canSeeGoals(caller)) {
            return List.of();
        }
        List<Team> teams = orgTeams.teams(caller);
        if (policy.canChangeGoal(caller, null)) {
            return teams;
        }
        // only a team's lead may change its goals: ask the policy about the teams the caller leads
        return teams.stream()
                .filter(team -> caller.personId().equals(team.getLeadId()))
                .filter(team -> policy.canChangeGoal(caller, team.getId()))
                .toList();
    }

    private Goal visible(Caller caller, UUID id) {
        requireSeeing(caller);
        return goals.findByIdAndOrganizationId(id, caller.organizationId())
                .orElseThrow(() -> new NotFoundException("Goal"));
    }

    private void requireSeeing(Caller caller) {
        if (!policy.canSeeGoals(caller)) {
            throw new NotFoundException("Goal");
        }
    }

    private void requireRight(Caller caller, UUID teamId) {
        if (!policy.canChangeGoal(caller, teamId)) {
            throw new ForbiddenException(
                    teamId == null
                            ? "Only an organization admin can set or change an organization goal."
                            : "Only the team's lead or an organization admin can set or change a team goal.");
        }
    }

    private Map<UUID, Team> teams(Caller caller) {
        return orgTeams.teams(caller).stream().collect(Collectors.toMap(Team::getId, Function.identity()));
    }

    /**
     * Makes views, asking the policy whether the caller may change a team's goals only where it can
     * be so (the caller is an admin, or leads that team), so that the number of statements does not
     * grow with the number of teams shown.
     */
    private Function<Goal, GoalView> views(Caller caller, Map<UUID, Team> teams) {
        Map<UUID, Boolean> rights = new HashMap<>();
        boolean admin = policy.canChangeGoal(caller, null);
        rights.put(null, admin);
        Predicate<UUID> mayChange = teamId -> rights.computeIfAbsent(
                teamId,
                t -> admin
                        || (teams.containsKey(t)
                                && caller.personId().equals(teams.get(t).getLeadId())
                                && policy.canChangeGoal(caller, t)));
        return goal -> new GoalView(
                goal.getId(),
                goal.getTitle(),
                goal.getWhy(),
                goal.getDoneWhen(),
                goal.getDue(),
                goal.getTeamId(),
                goal.getTeamId() == null || !teams.containsKey(goal.getTeamId())
                        ? null
                        : teams.get(goal.getTeamId()).getName(),
                goal.getParentId(),
                goal.getCreatedBy(),
                goal.getCreatedAt(),
                goal.getUpdatedAt(),
                goal.getVersion(),
                mayChange.test(goal.getTeamId()));
    }

    private LocalDate today(Caller caller) {
        return LocalDate.now(clock.withZone(ZoneId.of(people.me(caller).getTimeZone())));
    }

    private static void requireTeam(Map<UUID, Team> teams, UUID teamId) {
        if (teamId != null && !teams.containsKey(teamId)) {
            throw new RuleViolationException("UNKNOWN_TEAM", "teamId", "There is no such team in this organization.");
        }
    }

    /** Goals run from the organization to its teams: an organization goal never sits beneath a team goal. */
    private static void requireTreeOrder(UUID teamId, Goal parent) {
        if (teamId == null && parent != null && parent.getTeamId() != null) {
            throw new RuleViolationException(
                    "PARENT_IS_TEAM_GOAL", "parentId", "An organization goal cannot sit beneath a team goal.");
        }
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

    private static RuleViolationException unknownParent() {
        return new RuleViolationException("UNKNOWN_GOAL", "parentId", "There is no such goal in this organization.");
    }

    private static ConflictException staleEdit() {
        return new ConflictException(
                "Someone changed this goal after you opened it. Nothing was overwritten: reload to see the latest"
                        + " version, then make your change again.");
    }
}
