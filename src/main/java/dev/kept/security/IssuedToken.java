package dev.kept.security;

import java.time.Instant;
import java.util.UUID;

/**
 * A newly created API token: the only moment its secret value is known. {@code expiresAt} is null
 * for a token that never expires.
 */
public record IssuedToken(UUID id, String token, TokenScope scope, Instant expiresAt) {}
