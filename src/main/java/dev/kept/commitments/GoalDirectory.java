package dev.kept.commitments;

import dev.kept.people.Caller;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The goals a commitment can serve, as the goals module knows them. The commitments module states
 * what it needs here and the goals module answers it, so that goals can read the commitments that
 * serve them without the two modules depending on each other.
 */
public interface GoalDirectory {

    /**
     * The goals the caller's work is likely to serve, in tree order: the organization's goals, the
     * goals of the caller's team and those it co-owns, at most {@link #MOST_CHOICES}; none when the
     * caller may not see goals. A form offers these, whatever the size of the organization.
     */
    default List<Choice> choices(Caller caller) {
        return choices(caller, null);
    }

    /** The same, with {@code current} too when it is a goal the caller may see (the one a form holds). */
    List<Choice> choices(Caller caller, UUID current);

    /** The most goals a form offers. */
    int MOST_CHOICES = 100;

    /** The goal, if it is one of the caller's organization and the caller may see goals. */
    Optional<Choice> find(Caller caller, UUID goalId);

    /** A goal as a choice on a form: its id and a label to show (its title, and its team's name). */
    record Choice(UUID id, String label) {}
}
