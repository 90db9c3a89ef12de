package dev.kept.teamwork;

import java.util.Set;
import java.util.UUID;

/**
 * Published when someone offers help to a person or a team. {@code recipientIds} are the person,
 * or the team's lead and members at the time. It carries no text of the offer.
 */
public record HelpOffered(
        UUID organizationId, UUID offerId, UUID offeredBy, String offererName, Set<UUID> recipientIds) {}
