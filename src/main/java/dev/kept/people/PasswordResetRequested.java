package dev.kept.people;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when someone asked for a link to choose a new password for an active account: the
 * link is e-mailed to the person, once. It works once, until {@code expiresAt}.
 */
public record PasswordResetRequested(
        UUID organizationId, UUID personId, UUID resetId, String email, String name, String link, Instant expiresAt) {}
