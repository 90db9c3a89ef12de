package dev.kept.goals;

import dev.kept.access.AccessPolicy;
import dev.kept.commitments.GoalDirectory;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Team;
import dev.kept.people.Teams;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers the commitments module's questions about goals: which ones a commitment can serve. */
@Component
class GoalLookup implements GoalDirectory {

    private final GoalRepository goals;
    private final People people;
    private final Teams orgTeams;
    private final AccessPolicy policy;

    GoalLookup(GoalRepository goals, People people, Teams orgTeams, AccessPolicy policy) {
        this.goals = goals;
        this.people = people;
        this.orgTeams = orgTeams;
        this.policy = policy;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Choice> choices(Caller caller, UUID current) {
        if (!policy.canSeeGoals(caller)) {
            return List.of();
        }
        Map<UUID, String> teamNames =
                orgTeams.teams(caller).stream().collect(Collectors.toMap(Team::getId, Team::getName));
        UUID none = new UUID(0, 0);
        UUID team = people.me(caller).getTeamId();
        List<Goal> offered = goals.findChoices(
                caller.organizationId(), team == null ? none : team, current == null ? none : current, MOST_CHOICES);
        return new GoalTree(offered)
                .inOrder().stream()
                        .map(placed -> new Choice(
                                placed.goal().getId(),
                                "\u2013 ".repeat(placed.depth()) + label(placed.goal(), teamNames)))
                        .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Choice> find(Caller caller, UUID goalId) {
        if (goalId == null || !policy.canSeeGoals(caller)) {
            return Optional.empty();
        }
        return goals.findByIdAndOrganizationId(goalId, caller.organizationId())
                .map(goal -> new Choice(goal.getId(), goal.getTitle()));
    }

    private static String label(Goal goal, Map<UUID, String> teamNames) {
        String team = goal.getTeamId() == null ? null : teamNames.get(goal.getTeamId());
        return team == null ? goal.getTitle() : goal.getTitle() + " (" + team + ")";
    }
}
