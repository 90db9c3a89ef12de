package dev.kept.checkins;

import dev.kept.partnerships.Cadence;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * When a partnership meets: every week, every two weeks or every month (on the same weekday of
 * the month, for example the second Tuesday), at a local time in a time zone, for a duration, at
 * an optional place or video link.
 */
public record ScheduleTerms(
        @NotNull Cadence cadence,
        @NotNull DayOfWeek weekday,
        @NotNull LocalTime time,
        @NotBlank @Size(max = 64) String timeZone,
        @NotNull @Min(10) @Max(480) Integer durationMinutes,
        @Size(max = 500) String location) {}
