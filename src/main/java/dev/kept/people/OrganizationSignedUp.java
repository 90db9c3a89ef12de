package dev.kept.people;

import java.util.UUID;

/** Published when a new organization signs up, with its first admin. */
public record OrganizationSignedUp(UUID organizationId, UUID adminId) {}
