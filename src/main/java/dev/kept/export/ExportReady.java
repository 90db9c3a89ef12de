package dev.kept.export;

import java.time.Instant;
import java.util.UUID;

/** Published when a person's export is built: its link works once, for them, until {@code expiresAt}. */
public record ExportReady(UUID exportId, UUID organizationId, UUID personId, Instant expiresAt) {}
