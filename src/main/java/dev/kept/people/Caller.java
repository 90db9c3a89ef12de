package dev.kept.people;

import java.io.Serializable;
import java.util.UUID;

/**
 * The signed-in person a request is made by, as established by authentication. It carries only
 * identities: rights are always checked against the current state, never this snapshot.
 */
public record Caller(UUID personId, UUID organizationId, String name) implements Serializable {}
