package dev.kept.commitments;

import dev.kept.people.Caller;
import dev.kept.shared.NamedChoice;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The goals a commitment can serve, as the goals module knows them. The commitments module states
 * what it needs here and the goals module answers it, so that goals can read the commitments that
 * serve them without the two modules depending on each other. A form names a goal by its title in
 * a search field; each choice is a goal's id, its title and its team's name as a hint.
 */
public interface GoalDirectory {

    /**
     * What a goal search field offers before anything is typed: the goals the caller's work is
     * likely to serve, in tree order (the organization's goals, the goals of the caller's team and
     * those it co-owns), at most {@link #MOST_CHOICES}; none when the caller may not see goals.
     */
    default List<NamedChoice> choices(Caller caller) {
        return choices(caller, null);
    }

    /** The same, with {@code current} first when it is a goal the caller may see (the one a form holds). */
    List<NamedChoice> choices(Caller caller, UUID current);

    /** The most goals a form offers at once. */
    int MOST_CHOICES = NamedChoice.MOST;

    /** The goal, if it is one of the caller's organization and the caller may see goals. */
    Optional<NamedChoice> find(Caller caller, UUID goalId);

    /**
     * The goal a form names: by the title its search field sent, or by {@code goalId} when it sent
     * none. A blank title names no goal; the goal {@code goalId} wins when its title is the one
     * typed (in any case), which settles a title several goals have once the form holds the goal
     * (a link from the goal's page, an edit). A title no visible goal has, or several have, breaks
     * a rule (GOAL_UNKNOWN, GOAL_AMBIGUOUS) on {@code field}.
     */
    UUID goalNamedOrGiven(Caller caller, String title, UUID goalId, String field);
}
