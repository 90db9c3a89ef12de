package dev.kept.people;

import java.util.UUID;

/** Published when a deactivated person is reactivated: they may sign in again; nothing ended comes back. */
public record PersonReactivated(UUID organizationId, UUID personId) {}
