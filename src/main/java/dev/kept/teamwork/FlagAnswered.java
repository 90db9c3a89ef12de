package dev.kept.teamwork;

import java.time.Instant;
import java.util.UUID;

/** Published when an owner answers a jeopardy flag, or changes the answer; it carries no text. */
public record FlagAnswered(UUID organizationId, UUID flagId, UUID raisedBy, String answeredByName, Instant at) {}
