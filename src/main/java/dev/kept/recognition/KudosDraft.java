package dev.kept.recognition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A thanks to give: to a person ({@code toPersonId}) or a team ({@code toTeamId}), exactly one of
 * them, with a message, and optionally for a goal or commitment ({@code forType} with {@code forId}).
 */
public record KudosDraft(
        UUID toPersonId,
        UUID toTeamId,
        @NotBlank @Size(max = 1000) String message,
        ThanksFor forType,
        UUID forId) {}
