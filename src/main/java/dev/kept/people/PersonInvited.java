package dev.kept.people;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when an admin invites a person (or sends a new invitation): the e-mail carries the
 * link, which holds the only copy of the invitation's secret token.
 */
public record PersonInvited(
        UUID organizationId,
        UUID personId,
        UUID invitationId,
        String organizationName,
        String name,
        String email,
        String invitedBy,
        String link,
        Instant expiresAt) {}
