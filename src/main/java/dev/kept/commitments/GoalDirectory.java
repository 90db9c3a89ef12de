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

    /** The goals of the caller's organization in tree order, or none when the caller may not see goals. */
    List<Choice> choices(Caller caller);

    /** The goal, if it is one of the caller's organization and the caller may see goals. */
    Optional<Choice> find(Caller caller, UUID goalId);

    /** A goal as a choice on a form: its id and a label to show (its title, and its team's name). */
    record Choice(UUID id, String label) {}
}
