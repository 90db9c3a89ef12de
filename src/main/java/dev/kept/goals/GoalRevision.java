package dev.kept.goals;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An edit of a goal, made against the version the editor saw. A null field stays as it is: a
 * {@code teamId} moves the goal to that team, a {@code parentId} beneath that goal. An edit cannot
 * yet take a goal from beneath its parent, nor make a team goal an organization goal.
 */
public record GoalRevision(
        @NotNull Long version,

        @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String title,

        @Size(max = 2000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String why,

        @Size(max = 1000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String doneWhen,

        LocalDate due,
        UUID teamId,
        UUID parentId) {}
