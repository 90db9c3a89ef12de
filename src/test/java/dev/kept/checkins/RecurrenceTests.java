package dev.kept.checkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.partnerships.Cadence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dates and instants of a schedule, across daylight-saving changes. */
class RecurrenceTests {

    private static Recurrence weekly(DayOfWeek day, String time, String zone) {
        return new Recurrence(Cadence.WEEKLY, day, LocalTime.parse(time), ZoneId.of(zone));
    }

    @Test
    void weeklyInBerlinKeepsTheLocalTimeAcrossTheAutumnChange() {
        // Europe/Berlin leaves summer time on Sunday 25 October 2026 (UTC+2 -> UTC+1)
        Recurrence berlin = weekly(DayOfWeek.TUESDAY, "09:00", "Europe/Berlin");
        LocalDate first = berlin.firstAfter(Instant.parse("2026-10-12T12:00:00Z"));
        List<LocalDate> dates = berlin.dates(first, LocalDate.parse("2026-11-03"));

        assertThat(dates)
                .containsExactly(
                        LocalDate.parse("2026-10-13"),
                        LocalDate.parse("2026-10-20"),
                        LocalDate.parse("2026-10-27"),
                        LocalDate.parse("2026-11-03"));
        assertThat(dates.stream().map(berlin::startOn))
                .containsExactly(
                        Instant.parse("2026-10-13T07:00:00Z"),
                        Instant.parse("2026-10-20T07:00:00Z"),
                        Instant.parse("2026-10-27T08:00:00Z"),
                        Instant.parse("2026-11-03T08:00:00Z"));
    }

    @Test
    void weeklyInNewYorkKeepsTheLocalTimeAcrossTheSpringChange() {
        // America/New_York starts summer time on Sunday 14 March 2027 (UTC-5 -> UTC-4)
        Recurrence newYork = weekly(DayOfWeek.MONDAY, "17:30", "America/New_York");
        LocalDate first = newYork.firstAfter(Instant.parse("2027-03-01T00:00:00Z"));

        assertThat(newYork.dates(first, LocalDate.parse("2027-03-22")).stream().map(newYork::startOn))
                .containsExactly(
                        Instant.parse("2027-03-01T22:30:00Z"),
                        Instant.parse("2027-03-08T22:30:00Z"),
                        Instant.parse("2027-03-15T21:30:00Z"),
                        Instant.parse("2027-03-22T21:30:00Z"));
    }

    @Test
    void aTimeThatDoesNotExistOnTheChangeDayMovesForwardByTheGap() {
        // 02:30 on 14 March 2027 does not exist in New York: clocks jump from 02:00 to 03:00
        Recurrence sunday = weekly(DayOfWeek.SUNDAY, "02:30", "America/New_York");

        assertThat(sunday.startOn(LocalDate.parse("2027-03-14"))).isEqualTo(Instant.parse("2027-03-14T07:30:00Z"));
        assertThat(sunday.startOn(LocalDate.parse("2027-03-21"))).isEqualTo(Instant.parse("2027-03-21T06:30:00Z"));
    }

    @Test
    void theFirstCheckInIsTheFirstThatStartsAfterAcceptance() {
        Recurrence berlin = weekly(DayOfWeek.TUESDAY, "09:00", "Europe/Berlin");

        // accepted on a Tuesday before nine, Berlin time: that same morning
        assertThat(berlin.firstAfter(Instant.parse("2026-11-24T07:59:00Z"))).isEqualTo(LocalDate.parse("2026-11-24"));
        // a minute after nine: the next week
        assertThat(berlin.firstAfter(Instant.parse("2026-11-24T08:01:00Z"))).isEqualTo(LocalDate.parse("2026-12-01"));
    }

    @Test
    void everyTwoWeeksSkipsAWeek() {
        Recurrence biweekly =
                new Recurrence(Cadence.BIWEEKLY, DayOfWeek.FRIDAY, LocalTime.NOON, ZoneId.of("Europe/Berlin"));

        assertThat(biweekly.dates(LocalDate.parse("2026-11-27"), LocalDate.parse("2027-01-08")))
                .containsExactly(
                        LocalDate.parse("2026-11-27"),
                        LocalDate.parse("2026-12-11"),
                        LocalDate.parse("2026-12-25"),
                        LocalDate.parse("2027-01-08"));
        assertThat(biweekly.rrule(LocalDate.parse("2026-11-27"))).isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR");
    }

    @Test
    void monthlyKeepsTheSameWeekdayOfTheMonth() {
        Recurrence monthly =
                new Recurrence(Cadence.MONTHLY, DayOfWeek.TUESDAY, LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"));
        LocalDate first = monthly.firstAfter(Instant.parse("2026-11-05T12:00:00Z"));

        assertThat(first).isEqualTo(LocalDate.parse("2026-11-10"));
        assertThat(monthly.dates(first, LocalDate.parse("2027-02-28")))
                .containsExactly(
                        LocalDate.parse("2026-11-10"),
                        LocalDate.parse("2026-12-08"),
                        LocalDate.parse("2027-01-12"),
                        LocalDate.parse("2027-02-09"));
        assertThat(monthly.rrule(first)).isEqualTo("FREQ=MONTHLY;BYDAY=2TU");
    }

    @Test
    void monthlyNeverStartsOnAFifthWeekdayThatMostMonthsLack() {
        Recurrence monthly = new Recurrence(Cadence.MONTHLY, DayOfWeek.THURSDAY, LocalTime.of(9, 0), ZoneId.of("UTC"));

        // 29 October 2026 is the fifth Thursday: the first is 5 November instead
        assertThat(monthly.firstAfter(Instant.parse("2026-10-28T12:00:00Z"))).isEqualTo(LocalDate.parse("2026-11-05"));
    }
}
