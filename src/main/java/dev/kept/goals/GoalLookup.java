package dev.kept.goals;

import dev.kept.access.AccessPolicy;
import dev.kept.commitments.GoalDirectory;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.shared.NamedChoice;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.RuleViolationException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the commitments module's questions about goals (which ones a commitment can serve, the
 * goal a form names by its title) and the goal search field's: a bounded set of goals by title.
 */
@Component
class GoalLookup implements GoalDirectory {

    private final GoalRepository goals;
    private final GoalNames names;
    private final People people;
    private final AccessPolicy policy;

    GoalLookup(GoalRepository goals, GoalNames names, People people, AccessPolicy policy) {
        this.goals = goals;
        this.names = names;
        this.people = people;
        this.policy = policy;
    }

    @Override
    @Transactional(readOnly = true)
    public List<NamedChoice> choices(Caller caller, UUID current) {
        if (!policy.canSeeGoals(caller)) {
            return List.of();
        }
        return names.first(caller.organizationId(), people.me(caller).getTeamId(), current, MOST_CHOICES);
    }

    /**
     * At most {@code limit} goals whose title contains {@code text} (any case), titles starting
     * with it first; with nothing typed, the {@link #choices} a form first offers. Guests see no
     * goal (404).
     */
    @Transactional(readOnly = true)
    public List<NamedChoice> search(Caller caller, String text, int limit) {
        if (!policy.canSeeGoals(caller)) {
            throw new NotFoundException("Goal");
        }
        if (text == null || text.isBlank()) {
            return names.first(caller.organizationId(), people.me(caller).getTeamId(), null, limit);
        }
        return names.containing(caller.organizationId(), text.strip(), limit);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<NamedChoice> find(Caller caller, UUID goalId) {
        if (goalId == null || !policy.canSeeGoals(caller)) {
            return Optional.empty();
        }
        return goals.findByIdAndOrganizationId(goalId, caller.organizationId())
                .map(goal -> new NamedChoice(goal.getId(), goal.getTitle(), null));
    }

    @Override
    @Transactional(readOnly = true)
    public UUID goalNamedOrGiven(Caller caller, String title, UUID goalId, String field) {
        if (title == null) {
            return goalId;
        }
        String typed = title.strip();
        if (typed.isEmpty()) {
            return null;
        }
        if (goalId != null
                && find(caller, goalId)
                        .filter(held -> held.name().equalsIgnoreCase(typed))
                        .isPresent()) {
            return goalId;
        }
        List<UUID> titled = policy.canSeeGoals(caller) ? names.titled(caller.organizationId(), typed) : List.of();
        if (titled.isEmpty()) {
            throw new RuleViolationException(
                    "GOAL_UNKNOWN", field, "No goal you can see has this name: choose one of the names offered.");
        }
        if (titled.size() > 1) {
            throw new RuleViolationException(
                    "GOAL_AMBIGUOUS",
                    field,
                    "Several goals have this name: open the goal you mean and start from its page, or ask its team to rename one.");
        }
        return titled.get(0);
    }
}
