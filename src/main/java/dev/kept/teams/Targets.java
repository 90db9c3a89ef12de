package dev.kept.teams;

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
import dev.kept.people.Team;
import dev.kept.security.AccessPolicy;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the things flags and help are about through their own modules' entries, so whether a
 * caller may see one is decided where it always is (the access policy behind those entries).
 */
@Component
class Targets {

    private final Commitments commitments;
    private final Expectations expectations;
    private final Goals goals;
    private final GoalNegotiations negotiations;
    private final People people;
    private final AccessPolicy policy;
    private final JdbcClient jdbc;

    Targets(
            Commitments commitments,
            Expectations expectations,
            Goals goals,
            GoalNegotiations negotiations,
            People people,
            AccessPolicy policy,
            JdbcClient jdbc) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.negotiations = negotiations;
        this.commitments = commitments;
        this.expectations = expectations;
        this.goals = goals;
        this.people = people;
    }

    /** The target if the caller may see it now. */
    Optional<Target> visible(Caller caller, TargetType type, UUID id) {
        if (type == null || id == null || isGuest(caller)) {
            return Optional.empty();
        }
        return switch (type) {
            case COMMITMENT -> commitments.find(caller, id).map(Targets::commitment);
            case EXPECTATION -> expectations.find(caller, id).map(e -> expectation(caller, e));
            case GOAL -> goals.find(caller, id).map(g -> goal(caller, g));
        };
    }

    /** Which of these targets of one type the caller may see now. */
    Set<UUID> visibleAmong(Caller caller, TargetType type, Collection<UUID> ids) {
        if (ids.isEmpty() || isGuest(caller)) {
            return Set.of();
        }
        if (type == TargetType.COMMITMENT) {
            // One statement for any number of ids, behind the policy's SQL scope (the same rule as
            // its check on one commitment), rather than loading and checking each commitment.
            AccessPolicy.SqlScope scope = policy.visibleTo(caller, "c");
            return Set.copyOf(jdbc.sql("select c.id from commitment c where c.id in (:ids) and " + scope.predicate())
                    .params(scope.parameters())
                    .param("ids", List.copyOf(ids))
                    .query(UUID.class)
                    .list());
        }
        return ids.stream()
                .filter(id -> switch (type) {
                    case EXPECTATION -> expectations.find(caller, id).isPresent();
                    case GOAL -> goals.find(caller, id).isPresent();
                    case COMMITMENT -> false;
                })
                .collect(Collectors.toSet());
    }

    /** Whether the caller is a guest (an outside partner): none of the teamwork is theirs. */
    boolean isGuest(Caller caller) {
        return people.personIn(caller.organizationId(), caller.personId())
                .map(Person::isGuest)
                .orElse(true);
    }

    private static Target commitment(CommitmentView c) {
        Set<UUID> owners = new LinkedHashSet<>();
        owners.add(c.ownerId());
        if (c.coOwners() != null) {
            c.coOwners().stream().filter(CommitmentView.CoOwnerView::accepted).forEach(co -> owners.add(co.personId()));
        }
        return new Target(TargetType.COMMITMENT, c.id(), c.what(), Set.copyOf(owners), c.ownerId(), null, null);
    }

    private Target expectation(Caller caller, ExpectationView e) {
        Set<UUID> owners = new LinkedHashSet<>();
        owners.add(e.requesterId());
        if (e.toPersonId() != null) {
            owners.add(e.toPersonId());
        } else if (e.toTeamId() != null) {
            owners.addAll(teamMembers(caller, e.toTeamId()));
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

    private Target goal(Caller caller, GoalView g) {
        return new Target(
                TargetType.GOAL,
                g.id(),
                g.title(),
                goalOwners(caller, g),
                g.teamId() == null ? g.createdBy() : null,
                g.teamId(),
                g.teamId());
    }

    /**
     * Who owns a goal: the leads of the teams that own it (its own team, and every team that co-owns
     * it), or the organization's admins for an organization goal. The one place that says so.
     */
    private Set<UUID> goalOwners(Caller caller, GoalView goal) {
        if (goal.teamId() == null) {
            return people.adminIds(caller.organizationId());
        }
        Set<UUID> owning = new LinkedHashSet<>(
                negotiations.owners(caller.organizationId(), goal.id()).keySet());
        owning.add(goal.teamId());
        return people.teams(caller).stream()
                .filter(team -> owning.contains(team.getId()))
                .map(Team::getLeadId)
                .filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The lead and the members of a team of the caller's organization. */
    Set<UUID> teamMembers(Caller caller, UUID teamId) {
        return people.teamLeadAndMemberIds(caller.organizationId(), teamId);
    }
}
