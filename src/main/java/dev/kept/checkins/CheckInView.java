package dev.kept.checkins;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One check-in occurrence: with whom, when (as an instant and as the local time of the schedule's
 * time zone), where, and what was recorded. {@code movedFrom} is the time it was first set for.
 */
public record CheckInView(
        UUID id,
        UUID partnershipId,
        UUID partnerId,
        String partnerName,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        LocalDateTime localStart,
        String location,
        CheckInStatus status,
        Instant movedFrom) {

    public boolean upcoming() {
        return status.isUpcoming();
    }
}
