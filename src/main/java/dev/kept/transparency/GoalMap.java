package dev.kept.transparency;

import dev.kept.goals.GoalDetail;
import dev.kept.goals.GoalNegotiations;
import dev.kept.goals.Goals;
import dev.kept.goals.ServingCommitment;
import dev.kept.goals.Tally;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Teams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The map of a goal: how each team's work contributes to it, summarized. It reads the goal's
 * summary (counted in the database, one level of children at a time) from the goals module, the
 * owners of the goal and of each child in one read, and the flags, help and thanks through their
 * own entries, each behind the access policy: a commitment the viewer may not see is counted in its
 * team's lane, never shown. The number of statements does not grow with the tree or the commitments.
 */
@Service
public class GoalMap {

    private static final String NO_TEAM = "No team";

    private final Goals goals;
    private final GoalNegotiations negotiations;
    private final People people;
    private final Teams orgTeams;
    private final MapSignals signals;

    GoalMap(Goals goals, GoalNegotiations negotiations, People people, Teams orgTeams, MapSignals signals) {
        this.goals = goals;
        this.negotiations = negotiations;
        this.people = people;
        this.orgTeams = orgTeams;
        this.signals = signals;
    }

    @Transactional(readOnly = true)
    public GoalMapView map(Caller caller, UUID goalId) {
        GoalDetail detail = goals.get(caller, goalId);
        Map<UUID, UUID> teamOf = new LinkedHashMap<>();
        teamOf.put(detail.goal().id(), detail.goal().teamId());
        detail.children()
                .forEach(child -> teamOf.put(child.goal().id(), child.goal().teamId()));
        Map<UUID, Map<UUID, String>> owners = negotiations.ownersOf(caller.organizationId(), teamOf);
        // the names of the teams this map shows only (the goal's lanes come named), never every
        // team of the organization
        Map<UUID, String> teams = new HashMap<>();
        detail.teams().stream()
                .filter(team -> team.teamId() != null && team.teamName() != null)
                .forEach(team -> teams.put(team.teamId(), team.teamName()));
        Set<UUID> unnamed = new HashSet<>();
        owners.values().forEach(byTeam -> unnamed.addAll(byTeam.keySet()));
        unnamed.removeAll(teams.keySet());
        orgTeams.teamsIn(caller, unnamed).forEach(team -> teams.put(team.id(), team.name()));

        List<GoalMapView.Owner> rootOwners = owners(owners.get(detail.goal().id()), teams);
        Map<UUID, GoalMapView.Lane> lanes = new LinkedHashMap<>();
        rootOwners.forEach(owner -> lanes.put(
                owner.teamId(),
                new GoalMapView.Lane(owner.teamId(), owner.teamName(), owner.contribution(), Tally.NONE)));
        detail.teams()
                .forEach(team -> lanes.merge(
                        team.teamId(),
                        new GoalMapView.Lane(
                                team.teamId(),
                                team.teamId() == null ? NO_TEAM : name(teams, team.teamId()),
                                null,
                                team.tally()),
                        (owner, counted) -> new GoalMapView.Lane(
                                owner.teamId(), owner.teamName(), owner.contribution(), counted.tally())));

        Set<UUID> visibleHere =
                detail.commitments().items().stream().map(ServingCommitment::id).collect(Collectors.toSet());
        MapSignals.Found found = signals.on(caller, Set.of(detail.goal().id()), visibleHere);
        List<GoalMapView.Signal> flags = found.flags(detail.goal().id(), visibleHere);
        List<GoalMapView.Signal> help = found.help(detail.goal().id(), visibleHere);
        List<GoalMapView.Signal> thanks = found.thanks(detail.goal().id(), visibleHere);

        List<GoalMapView.Child> children = new ArrayList<>();
        for (GoalDetail.Child child : detail.children()) {
            children.add(new GoalMapView.Child(
                    child.goal().id(),
                    child.goal().title(),
                    child.goal().due(),
                    child.goal().teamName() == null
                            ? "Organization"
                            : child.goal().teamName(),
                    child.goalsBeneath(),
                    owners(owners.get(child.goal().id()), teams),
                    child.tally(),
                    "/api/v1/goals/" + child.goal().id() + "/map"));
        }
        return new GoalMapView(
                detail.goal().id(),
                detail.goal().title(),
                detail.goal().due(),
                detail.goal().teamName() == null
                        ? "Organization"
                        : detail.goal().teamName(),
                detail.goal().parentId(),
                rootOwners,
                List.copyOf(lanes.values()),
                detail.here(),
                detail.total(),
                children,
                detail.commitments(),
                flags,
                help,
                thanks,
                new GoalMapView.Totals(
                        (int) lanes.keySet().stream()
                                .filter(team -> team != null)
                                .count(),
                        detail.total().visible(),
                        detail.total().hidden(),
                        flags.size(),
                        help.size(),
                        thanks.size()));
    }

    private static List<GoalMapView.Owner> owners(Map<UUID, String> owners, Map<UUID, String> teams) {
        if (owners == null) {
            return List.of();
        }
        List<GoalMapView.Owner> found = new ArrayList<>();
        owners.forEach((team, contribution) -> found.add(new GoalMapView.Owner(team, name(teams, team), contribution)));
        return found;
    }

    private static String name(Map<UUID, String> teams, UUID team) {
        return teams.getOrDefault(team, "A team");
    }
}
