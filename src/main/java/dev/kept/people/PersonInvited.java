package dev.kept.people;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when an admin invites a person, or a member invites an outside partner as a guest
 * ({@code asPartner}), or a new invitation is sent: the e-mail carries the
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
        boolean asPartner,
        String link,
        Instant expiresAt) {}
