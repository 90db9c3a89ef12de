package dev.kept.teamwork;

import dev.kept.commitments.CommitmentLists;
import dev.kept.commitments.CommitmentView;
import dev.kept.commitments.Commitments;
import dev.kept.commitments.ExpectationView;
import dev.kept.commitments.Expectations;
import dev.kept.goals.GoalNegotiations;
import dev.kept.goals.GoalView;
import dev.kept.goals.Goals;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.Teams;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads the things flags and help are about through their own modules' entries, so whether a
 * caller may see one is decided where it always is (the access policy behind those entries).
 */
@Component
class Targets {

    private final Commitments commitments;
    private final CommitmentLists commitmentLists;
    private final Expectations expectations;
    private final Goals goals;
    private final GoalNegotiations negotiations;
    private final People people;
    private final Teams orgTeams;

    Targets(
            Commitments commitments,
            CommitmentLists commitmentLists,
            Expectations expectations,
            Goals goals,
            GoalNegotiations negotiations,
            People people,
            Teams orgTeams) {
        this.negotiations = negotiations;
        this.commitments = commitments;
        this.commitmentLists = commitmentLists;
        this.expectations = expectations;
        this.goals = goals;
        this.people = people;
        this.orgTeams = orgTeams;
    }

    /** The target if the caller may see it now. */
    Optional<Target> visible(Caller caller, TargetType type, UUID id) {
        if (type == null || id == null || isGuest(caller)) {
            return Optional.empty();
        }
        return switch (type) {
            case COMMITMENT -> commitments.find(caller, id).map(Targets::commitment);
            case EXPECTATION ->
                expectations
                        .find(caller, id)
                        .map(e -> expectation(caller, titled(e), team -> teamMembers(caller, team)));
            case GOAL ->
                goals.find(caller, id)
                        .map(g -> goal(
                                new Goals.Titled(g.id(), g.title(), g.teamId(), g.createdBy()), goalOwners(caller, g)));
        };
    }

    /**
     * These targets of one type that the caller may see now, as {@link #visible} tells each one, by
     * id: a bounded number of statements whatever the number of ids (a page of flags or offers).
     */
    Map<UUID, Target> visibleTargets(Caller caller, TargetType type, Collection<UUID> ids) {
        Set<UUID> wanted = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (type == null || wanted.isEmpty() || isGuest(caller)) {
            return Map.of();
        }
        Map<UUID, Target> found = new HashMap<>();
        switch (type) {
            case COMMITMENT ->
                commitmentLists.titledAmong(caller, wanted).forEach(c -> found.put(c.id(), commitment(c)));
            case EXPECTATION -> {
                List<Expectations.Titled> read = expectations.titledAmong(caller, wanted);
                Map<UUID, Set<UUID>> members = teamsMembers(
                        caller,
                        read.stream()
                                .filter(e -> e.toPersonId() == null)
                                .map(Expectations.Titled::toTeamId)
                                .filter(Objects::nonNull)
                                .collect(Collectors.toSet()));
                read.forEach(e ->
                        found.put(e.id(), expectation(caller, e, team -> members.getOrDefault(team, Set.of()))));
            }
            case GOAL -> {
                List<Goals.Titled> read = goals.titledAmong(caller, wanted);
                Map<UUID, Set<UUID>> owners = goalsOwners(caller, read);
                read.forEach(g -> found.put(g.id(), goal(g, owners.getOrDefault(g.id(), Set.of()))));
            }
        }
        return found;
    }

    /** Whether the caller is a guest (an outside partner): none of the teamwork is theirs. */
    boolean isGuest(Caller caller) {
        return people.personIn(caller.organizationId(), caller.personId())
                .map(Person::isGuest)
                .orElse(true);
    }

    private static Target commitment(CommitmentView c) {
        Set<UUID> coOwners = c.coOwners() == null
                ? Set.of()
                : c.coOwners().stream()
                        .filter(CommitmentView.CoOwnerView::accepted)
                        .map(CommitmentView.CoOwnerView::personId)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
        return commitment(new CommitmentLists.Titled(c.id(), c.what(), c.ownerId(), coOwners));
    }

    private static Target commitment(CommitmentLists.Titled c) {
        Set<UUID> owners = new LinkedHashSet<>();
        owners.add(c.ownerId());
        owners.addAll(c.coOwners());
        return new Target(TargetType.COMMITMENT, c.id(), c.what(), Set.copyOf(owners), c.ownerId(), null, null);
    }

    private static Expectations.Titled titled(ExpectationView e) {
        return new Expectations.Titled(e.id(), e.what(), e.requesterId(), e.toPersonId(), e.toTeamId());
    }

    private Target expectation(Caller caller, Expectations.Titled e, Function<UUID, Set<UUID>> teamMembers) {
        Set<UUID> owners = new LinkedHashSet<>();
        owners.add(e.requesterId());
        if (e.toPersonId() != null) {
            owners.add(e.toPersonId());
        } else if (e.toTeamId() != null) {
            owners.addAll(teamMembers.apply(e.toTeamId()));
        }
        boolean raiserAsked = !Objects.equals(caller.personId(), e.requesterId());
        return new Target(
                TargetType.EXPECTATION,
                e.id(),
                e.what(),
                Set.copyOf(owners),
                raiserAsked ? e.requesterId() : e.toPersonId(),
                raiserAsked ? null : e.toTeamId(),
                null);
    }

    private static Target goal(Goals.Titled g, Set<UUID> owners) {
        return new Target(
                TargetType.GOAL,
                g.id(),
                g.title(),
                owners,
                g.teamId() == null ? g.createdBy() : null,
                g.teamId(),
                g.teamId());
    }

    /**
     * Who owns a goal: the leads of the teams that own it (its own team, and every team that co-owns
     * it), or the organization's admins for an organization goal. The one place that says so.
     */
    private Set<UUID> goalOwners(Caller caller, GoalView goal) {
        return goalsOwners(caller, List.of(new Goals.Titled(goal.id(), goal.title(), goal.teamId(), goal.createdBy())))
                .getOrDefault(goal.id(), Set.of());
    }

    /** {@link #goalOwners} for many goals, in a bounded number of statements. */
    private Map<UUID, Set<UUID>> goalsOwners(Caller caller, Collection<Goals.Titled> read) {
        Map<UUID, Set<UUID>> owners = new HashMap<>();
        if (read.isEmpty()) {
            return owners;
        }
        Map<UUID, UUID> teamOf = new HashMap<>();
        read.stream().filter(g -> g.teamId() != null).forEach(g -> teamOf.put(g.id(), g.teamId()));
        Set<UUID> admins = teamOf.size() < read.size() ? people.adminIds(caller.organizationId()) : Set.of();
        Map<UUID, Map<UUID, String>> owning =
                teamOf.isEmpty() ? Map.of() : negotiations.ownersOf(caller.organizationId(), teamOf);
        Map<UUID, UUID> leads = new HashMap<>();
        if (!teamOf.isEmpty()) {
            orgTeams.teams(caller).stream()
                    .filter(team -> team.getLeadId() != null)
                    .forEach(team -> leads.put(team.getId(), team.getLeadId()));
        }
        for (Goals.Titled goal : read) {
            if (goal.teamId() == null) {
                owners.put(goal.id(), admins);
                continue;
            }
            Set<UUID> teams =
                    new LinkedHashSet<>(owning.getOrDefault(goal.id(), Map.of()).keySet());
            teams.add(goal.teamId());
            owners.put(
                    goal.id(),
                    teams.stream().map(leads::get).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet()));
        }
        return owners;
    }

    /** The lead and the members of each of these teams, in a bounded number of statements. */
    private Map<UUID, Set<UUID>> teamsMembers(Caller caller, Set<UUID> teamIds) {
        Map<UUID, Set<UUID>> members = new HashMap<>();
        if (teamIds.isEmpty()) {
            return members;
        }
        orgTeams.teams(caller).stream()
                .filter(team -> teamIds.contains(team.getId()) && team.getLeadId() != null)
                .forEach(team -> members.computeIfAbsent(team.getId(), k -> new HashSet<>())
                        .add(team.getLeadId()));
        List<UUID> ids = orgTeams.teamMemberIds(caller.organizationId(), teamIds, false);
        people.peopleIn(caller.organizationId(), ids).values().stream()
                .filter(person -> person.getTeamId() != null && teamIds.contains(person.getTeamId()))
                .forEach(person -> members.computeIfAbsent(person.getTeamId(), k -> new HashSet<>())
                        .add(person.getId()));
        return members;
    }

    /** The lead and the members of a team of the caller's organization. */
    Set<UUID> teamMembers(Caller caller, UUID teamId) {
        return orgTeams.teamLeadAndMemberIds(caller.organizationId(), teamId);
    }
}
