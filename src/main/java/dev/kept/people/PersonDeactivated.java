package dev.kept.people;

import java.util.UUID;

/**
 * Published, in the transaction that deactivates a person, when an admin or the directory sync
 * deactivates them: their partnerships end, their tokens are revoked, they leave matching programs.
 */
public record PersonDeactivated(UUID organizationId, UUID personId, String name) {}
