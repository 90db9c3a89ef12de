package dev.kept.partnerships;

import java.util.UUID;

/** Published when a person invites another to be their accountability partner. */
public record PartnershipInvited(
        UUID organizationId,
        UUID partnershipId,
        UUID inviterId,
        String inviterName,
        UUID partnerId,
        PartnershipKind kind) {}
