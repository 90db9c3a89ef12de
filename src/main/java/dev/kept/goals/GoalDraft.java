package dev.kept.goals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A new goal: without {@code teamId} an organization goal, else the goal of that team; with
 * {@code parentId}, beneath that goal.
 */
public record GoalDraft(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 2000) String why,
        @NotBlank @Size(max = 1000) String doneWhen,
        @NotNull LocalDate due,
        UUID teamId,
        UUID parentId) {}
