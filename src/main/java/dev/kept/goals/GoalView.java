package dev.kept.goals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A goal as a member sees it: {@code teamId} and {@code teamName} are null for an organization
 * goal; {@code canChange} says whether the viewer may change it (an admin, or the team's lead).
 */
public record GoalView(
        UUID id,
        String title,
        String why,
        String doneWhen,
        LocalDate due,
        UUID teamId,
        String teamName,
        UUID parentId,
        UUID createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version,
        boolean canChange) {}
