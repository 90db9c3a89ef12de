package dev.kept.teamwork;

import java.util.Set;
import java.util.UUID;

/**
 * Published when a jeopardy flag is resolved (by an owner or its raiser) or withdrawn (by its
 * raiser). {@code toTell} are the others involved: the raiser when an owner resolved it, the
 * owners when the raiser did. It carries no text.
 */
public record FlagClosed(
        UUID organizationId, UUID flagId, FlagStatus status, UUID closedBy, String closedByName, Set<UUID> toTell) {}
