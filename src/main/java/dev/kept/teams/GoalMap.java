package dev.kept.teams;

import dev.kept.commitments.CommitmentView;
import dev.kept.commitments.Commitments;
import dev.kept.goals.GoalNegotiations;
import dev.kept.goals.GoalNode;
import dev.kept.goals.GoalView;
import dev.kept.goals.Goals;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Team;
import dev.kept.shared.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The map of a goal tree: how each team's work contributes to it. It reads goals, co-owners and the
 * commitments serving each goal from their modules, each through its entry and so through the
 * access policy: a commitment the viewer may not see is counted in its team's lane, never shown.
 */
@Service
public class GoalMap {

    private static final String NO_TEAM = "No team";

    private final Goals goals;
    private final GoalNegotiations negotiations;
    private final Commitments commitments;
    private final People people;
    private final MapSignals signals;

    GoalMap(Goals goals, GoalNegotiations negotiations, Commitments commitments, People people, MapSignals signals) {
        this.goals = goals;
        this.negotiations = negotiations;
        this.commitments = commitments;
        this.people = people;
        this.signals = signals;
    }

    @Transactional(readOnly = true)
    public GoalMapView map(Caller caller, UUID goalId) {
        GoalNode root = find(goals.tree(caller), goalId).orElseThrow(() -> new NotFoundException("Goal"));
        List<Placed> placed = new ArrayList<>();
        place(root, 0, placed);
        Set<UUID> goalIds = placed.stream().map(p -> p.goal().id()).collect(Collectors.toCollection(HashSet::new));
        Map<UUID, Team> teams = people.teams(caller).stream()
                .collect(Collectors.toMap(Team::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<UUID, UUID> teamOf = new HashMap<>();
        people.people(caller).stream()
                .filter(person -> person.getTeamId() != null)
                .forEach(person -> teamOf.put(person.getId(), person.getTeamId()));
        Map<UUID, List<CommitmentView>> serving = commitments.servingGoals(caller, goalIds).visible().stream()
                .collect(Collectors.groupingBy(CommitmentView::goalId, LinkedHashMap::new, Collectors.toList()));
        Map<UUID, Map<UUID, Long>> hidden = new HashMap<>();
        commitments
                .hiddenServingByTeam(caller, goalIds)
                .forEach(count -> hidden.computeIfAbsent(count.goalId(), g -> new HashMap<>())
                        .merge(count.teamId(), count.hidden(), Long::sum));
        Set<UUID> visibleCommitments = serving.values().stream()
                .flatMap(List::stream)
                .map(CommitmentView::id)
                .collect(Collectors.toSet());
        MapSignals.Found found = signals.on(caller, goalIds, visibleCommitments);

        List<GoalMapView.Node> nodes = new ArrayList<>();
        Set<UUID> teamsInvolved = new HashSet<>();
        long shown = 0;
        long counted = 0;
        for (Placed p : placed) {
            GoalView goal = p.goal();
            List<GoalMapView.Owner> owners = new ArrayList<>();
            negotiations
                    .owners(caller.organizationId(), goal.id())
                    .forEach((team, contribution) ->
                            owners.add(new GoalMapView.Owner(team, name(teams, team), contribution)));
            Map<UUID, List<GoalMapView.Item>> byTeam = new LinkedHashMap<>();
            owners.forEach(owner -> byTeam.put(owner.teamId(), new ArrayList<>()));
            List<CommitmentView> mine = serving.getOrDefault(goal.id(), List.of());
            for (CommitmentView c : mine) {
                byTeam.computeIfAbsent(teamOf.get(c.ownerId()), t -> new ArrayList<>())
                        .add(item(c));
            }
            Map<UUID, Long> hiddenHere = hidden.getOrDefault(goal.id(), Map.of());
            hiddenHere.keySet().forEach(team -> byTeam.computeIfAbsent(team, t -> new ArrayList<>()));
            List<GoalMapView.Lane> lanes = new ArrayList<>();
            byTeam.forEach((team, items) -> lanes.add(new GoalMapView.Lane(
                    team, team == null ? NO_TEAM : name(teams, team), items, hiddenHere.getOrDefault(team, 0L))));
            byTeam.keySet().stream().filter(team -> team != null).forEach(teamsInvolved::add);
            Set<UUID> here = mine.stream().map(CommitmentView::id).collect(Collectors.toSet());
            shown += mine.size();
            counted += hiddenHere.values().stream().mapToLong(Long::longValue).sum();
            nodes.add(new GoalMapView.Node(
                    goal.id(),
                    goal.title(),
                    goal.due(),
                    goal.teamName() == null ? "Organization" : goal.teamName(),
                    p.depth(),
                    owners,
                    lanes,
                    found.flags(goal.id(), here),
                    found.help(goal.id(), here),
                    found.thanks(goal.id(), here)));
        }
        return new GoalMapView(
                root.goal().id(),
                root.goal().title(),
                nodes,
                new GoalMapView.Totals(
                        teamsInvolved.size(),
                        shown,
                        counted,
                        nodes.stream().mapToInt(n -> n.flags().size()).sum(),
                        nodes.stream().mapToInt(n -> n.help().size()).sum(),
                        nodes.stream().mapToInt(n -> n.thanks().size()).sum()));
    }

    private record Placed(GoalView goal, int depth) {}

    private static void place(GoalNode node, int depth, List<Placed> placed) {
        placed.add(new Placed(node.goal(), depth));
        node.children().forEach(child -> place(child, depth + 1, placed));
    }

    private static Optional<GoalNode> find(List<GoalNode> nodes, UUID id) {
        for (GoalNode node : nodes) {
            if (node.goal().id().equals(id)) {
                return Optional.of(node);
            }
            Optional<GoalNode> below = find(node.children(), id);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    private static GoalMapView.Item item(CommitmentView c) {
        return new GoalMapView.Item(
                c.id(),
                c.what(),
                c.ownerName(),
                c.due(),
                c.percent(),
                c.confidence() == null ? null : c.confidence().name(),
                c.status().name(),
                c.atRisk(),
                c.overdue());
    }

    private static String name(Map<UUID, Team> teams, UUID team) {
        return Optional.ofNullable(teams.get(team)).map(Team::getName).orElse("A team");
    }
}
