package dev.kept.security;

import java.util.UUID;

/** A newly created API token: the only moment its secret value is known. */
public record IssuedToken(UUID id, String token) {}
