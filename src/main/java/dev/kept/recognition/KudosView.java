package dev.kept.recognition;

import java.time.Instant;
import java.util.UUID;

/**
 * A thanks as the feed shows it: who thanked whom (a person or a team), the message, what it was
 * for ({@code forTitle} is a goal's title; a commitment is linked, never quoted) and whether it
 * crosses teams.
 */
public record KudosView(
        UUID id,
        UUID giverId,
        String giverName,
        UUID toPersonId,
        String toPersonName,
        UUID toTeamId,
        String toTeamName,
        String message,
        ThanksFor forType,
        UUID forId,
        String forTitle,
        boolean acrossTeams,
        Instant createdAt) {}
