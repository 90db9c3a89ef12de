package dev.kept.people;

import java.util.UUID;

/**
 * Published when an invited person has set their password, or first signed in through single
 * sign-on, and can sign in.
 */
public record InvitationAccepted(UUID organizationId, UUID personId) {}
