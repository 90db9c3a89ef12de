package dev.kept.people;

import java.util.UUID;

/** Published when an admin gives a person another manager, or none. */
public record ReportingLineChanged(UUID organizationId, UUID personId, UUID previousManagerId, UUID managerId) {}
