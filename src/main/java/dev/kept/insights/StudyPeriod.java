package dev.kept.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The days an effect study looks at, both included, as dates in UTC: the commitments closed from
 * the start of {@code from} to the end of {@code to}. Unless asked, the last twelve months: this
 * month and the eleven before it, so that every month of the chart is a whole one but the current.
 */
public record StudyPeriod(LocalDate from, LocalDate to) {

    /** The longest period a study covers, so that a request stays bounded (its months, its scan). */
    public static final int MOST_YEARS = 5;

    /**
     * The period a request asks for: {@code from} and {@code to} as ISO dates (2026-01-31), either
     * left out for its default. Answers 400 naming the field for a date that does not parse, a
     * {@code to} before {@code from}, or a period longer than {@value #MOST_YEARS} years.
     */
    public static StudyPeriod of(String from, String to, LocalDate today) {
        LocalDate last = to == null || to.isBlank() ? today : date(to, "to");
        LocalDate first =
                from == null || from.isBlank() ? last.withDayOfMonth(1).minusMonths(11) : date(from, "from");
        if (last.isBefore(first)) {
            throw new BadPeriodException("to", "must not be before from (" + first + ")");
        }
        if (last.isAfter(first.plusYears(MOST_YEARS).minusDays(1))) {
            throw new BadPeriodException("to", "must be within " + MOST_YEARS + " years of from (" + first + ")");
        }
        return new StudyPeriod(first, last);
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate date(String text, String field) {
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() < 1900 || date.getYear() > 9000) {
                throw new BadPeriodException(field, "must be a date between the years 1900 and 9000");
            }
            return date;
        } catch (DateTimeParseException malformed) {
            throw new BadPeriodException(field, "must be a date such as 2026-01-31");
        }
    }
}
