package dev.kept.checkins;

import dev.kept.partnerships.Cadence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates of a schedule and the instants they start at. A time is local to the schedule's zone:
 * 09:00 in Berlin stays 09:00 in summer and in winter, so the instant moves by an hour across a
 * daylight-saving change. A local time that does not exist on a spring-forward day is moved
 * forward by the gap, and one that exists twice in autumn takes the earlier of the two, as
 * {@link ZonedDateTime#of} does.
 */
record Recurrence(Cadence cadence, DayOfWeek weekday, LocalTime time, ZoneId zone) {

    /** Monthly check-ins keep to the first to fourth such weekday of the month: every month has those. */
    private static final int LAST_ORDINAL = 4;

    static Recurrence of(ScheduleTerms terms) {
        return new Recurrence(terms.cadence(), terms.weekday(), terms.time(), ZoneId.of(terms.timeZone()));
    }

    Instant startOn(LocalDate date) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    /** The first date of a schedule accepted at this instant: the first one that starts after it. */
    LocalDate firstAfter(Instant accepted) {
        LocalDate date = accepted.atZone(zone).toLocalDate().with(TemporalAdjusters.nextOrSame(weekday));
        while (!startOn(date).isAfter(accepted) || (cadence == Cadence.MONTHLY && ordinal(date) > LAST_ORDINAL)) {
            date = date.plusWeeks(1);
        }
        return date;
    }

    /** The dates from the first one up to and including {@code until}. */
    List<LocalDate> dates(LocalDate first, LocalDate until) {
        List<LocalDate> dates = new ArrayList<>();
        if (cadence == Cadence.MONTHLY) {
            int ordinal = ordinal(first);
            for (YearMonth month = YearMonth.from(first); ; month = month.plusMonths(1)) {
                LocalDate date = month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday));
                if (date.isAfter(until)) {
                    return dates;
                }
                dates.add(date);
            }
        }
        int weeks = cadence == Cadence.BIWEEKLY ? 2 : 1;
        for (LocalDate date = first; !date.isAfter(until); date = date.plusWeeks(weeks)) {
            dates.add(date);
        }
        return dates;
    }

    /** The iCalendar rule for these dates (RFC 5545), for calendar invitations. */
    String rrule(LocalDate first) {
        String day = weekday.name().substring(0, 2);
        return switch (cadence) {
            case WEEKLY -> "FREQ=WEEKLY;BYDAY=" + day;
            case BIWEEKLY -> "FREQ=WEEKLY;INTERVAL=2;BYDAY=" + day;
            case MONTHLY -> "FREQ=MONTHLY;BYDAY=" + ordinal(first) + day;
        };
    }

    private static int ordinal(LocalDate date) {
        return (date.getDayOfMonth() - 1) / 7 + 1;
    }
}
