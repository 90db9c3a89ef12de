package dev.kept.teamwork;

import java.time.Instant;
import java.util.UUID;

/**
 * An offer of help as one viewer sees it. {@code targetTitle} is shown only while the viewer may
 * see the goal or commitment it is about; {@code canAnswer} and {@code canWithdraw} say what the
 * viewer may do now.
 */
public record HelpOfferView(
        UUID id,
        UUID offeredBy,
        String offeredByName,
        UUID toPersonId,
        String toPersonName,
        UUID toTeamId,
        String toTeamName,
        HelpKind kind,
        String what,
        TargetType targetType,
        UUID targetId,
        String targetTitle,
        UUID flagId,
        HelpStatus status,
        String declineReason,
        String answeredByName,
        Instant answeredAt,
        Instant createdAt,
        boolean canAnswer,
        boolean canWithdraw) {

    public String recipientName() {
        return toPersonName != null ? toPersonName : toTeamName;
    }
}
