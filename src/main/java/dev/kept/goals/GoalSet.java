package dev.kept.goals;

import java.util.UUID;

/** Published when an admin or a team's lead sets a new goal ({@code teamId} null: an organization goal). */
public record GoalSet(UUID organizationId, UUID goalId, UUID teamId, UUID setBy) {}
