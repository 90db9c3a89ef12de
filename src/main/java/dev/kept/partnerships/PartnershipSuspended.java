package dev.kept.partnerships;

import java.util.UUID;

/**
 * Published when a change in the reporting line puts two partners in one line: the partnership
 * is suspended at once and both are told, with no reason beyond "reporting line".
 */
public record PartnershipSuspended(
        UUID organizationId, UUID partnershipId, UUID inviterId, UUID partnerId, long version) {}
