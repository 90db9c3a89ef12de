package dev.kept.teamwork;

import java.util.UUID;

/** Published when the person or team offered help accepts or declines it; it carries no reason. */
public record HelpOfferAnswered(
        UUID organizationId, UUID offerId, UUID offeredBy, String answeredByName, boolean accepted) {}
