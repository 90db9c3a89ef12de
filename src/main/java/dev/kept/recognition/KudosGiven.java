package dev.kept.recognition;

import java.util.List;
import java.util.UUID;

/**
 * Published when someone thanks a person or a team. {@code recipientIds} are the person thanked,
 * or the team's members (never the giver); {@code teamName} is the team thanked, or null. It
 * carries no message: notifications name the giver only.
 */
public record KudosGiven(
        UUID organizationId, UUID kudosId, UUID giverId, String giverName, List<UUID> recipientIds, String teamName) {}
