package dev.kept.checkins;

import dev.kept.partnerships.Cadence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/** A schedule as either partner sees it. */
public record ScheduleView(
        UUID id,
        UUID partnershipId,
        Cadence cadence,
        DayOfWeek weekday,
        LocalTime time,
        String timeZone,
        int durationMinutes,
        String location,
        ScheduleStatus status,
        UUID proposedById,
        boolean proposedByMe,
        Instant proposedAt,
        Instant acceptedAt) {

    static ScheduleView of(Schedule schedule, UUID viewerId) {
        ScheduleTerms terms = schedule.terms();
        return new ScheduleView(
                schedule.getId(),
                schedule.getPartnershipId(),
                terms.cadence(),
                terms.weekday(),
                terms.time(),
                terms.timeZone(),
                terms.durationMinutes(),
                terms.location(),
                schedule.getStatus(),
                schedule.getProposedById(),
                schedule.getProposedById().equals(viewerId),
                schedule.getProposedAt(),
                schedule.getAcceptedAt());
    }
}
