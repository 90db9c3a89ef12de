package dev.kept.people;

import java.util.UUID;

/** Published when an invited person has set their password and can sign in. */
public record InvitationAccepted(UUID organizationId, UUID personId) {}
