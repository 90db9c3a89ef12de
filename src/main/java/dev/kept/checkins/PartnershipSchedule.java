package dev.kept.checkins;

import java.util.List;
import java.util.UUID;

/**
 * A partnership's check-in arrangement: the schedule in effect (if any), a proposal awaiting the
 * other side (if any), the next occurrences, and how consistently the two have met.
 */
public record PartnershipSchedule(
        UUID partnershipId,
        ScheduleView active,
        ScheduleView proposed,
        List<CheckInView> upcoming,
        Consistency attendance) {}
