package dev.kept.goals;

import java.util.UUID;

/** Published when a goal's terms, team or parent are changed; {@code version} is the new version. */
public record GoalRevised(UUID organizationId, UUID goalId, UUID changedBy, long version) {}
