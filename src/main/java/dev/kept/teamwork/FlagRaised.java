package dev.kept.teamwork;

import java.util.Set;
import java.util.UUID;

/**
 * Published when someone raises a jeopardy flag on a commitment, expectation or goal; {@code
 * ownerIds} are who answers it. It carries no text of the flag or of the target.
 */
public record FlagRaised(
        UUID organizationId,
        UUID flagId,
        TargetType targetType,
        UUID targetId,
        UUID raisedBy,
        String raiserName,
        Set<UUID> ownerIds) {}
