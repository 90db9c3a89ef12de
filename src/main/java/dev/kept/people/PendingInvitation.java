package dev.kept.people;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone invited who has not joined yet: when they were invited and when their latest invitation
 * was sent (null if none was).
 */
public record PendingInvitation(
        UUID personId,
        String name,
        String email,
        UUID teamId,
        String teamName,
        Instant invitedAt,
        Instant lastSentAt) {}
