package dev.kept.checkins;

import java.util.UUID;

/**
 * Published when one partner proposes a check-in schedule, or the other accepts or declines it,
 * or either stops it: {@code recipientId} is the partner to tell.
 */
public record CheckInScheduleChanged(
        UUID organizationId,
        UUID partnershipId,
        UUID scheduleId,
        Change change,
        UUID actorId,
        String actorName,
        UUID recipientId) {

    /** What one side did. */
    public enum Change {
        PROPOSED,
        ACCEPTED,
        DECLINED,
        STOPPED
    }
}
