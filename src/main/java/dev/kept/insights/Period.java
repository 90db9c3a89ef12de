package dev.kept.insights;

import dev.kept.shared.Problems;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The months a series covers: the last {@code months} calendar months in a time zone, this month
 * included (so the current month is partial). From 1 to {@link #MOST_MONTHS}; 12 unless asked.
 */
record Period(int months, YearMonth first, YearMonth last, ZoneId zone) {

    static final int DEFAULT_MONTHS = 12;

    static final int MOST_MONTHS = 36;

    static Period lastMonths(Integer asked, ZoneId zone, Clock clock) {
        int months = asked == null ? DEFAULT_MONTHS : asked;
        if (months < 1 || months > MOST_MONTHS) {
            throw new BadMonths();
        }
        YearMonth last = YearMonth.now(clock.withZone(zone));
        return new Period(months, last.minusMonths(months - 1L), last, zone);
    }

    Instant from() {
        return first.atDay(1).atStartOfDay(zone).toInstant();
    }

    Instant to() {
        return last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    LocalDate firstDay() {
        return first.atDay(1);
    }

    LocalDate lastDay() {
        return last.atEndOfMonth();
    }

    List<YearMonth> each() {
        List<YearMonth> all = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            all.add(month);
        }
        return all;
    }

    /** A number of months out of range: 400, naming the field. */
    static final class BadMonths extends ErrorResponseException {

        static final String WHY = "must be a whole number of months from 1 to " + MOST_MONTHS;

        BadMonths() {
            super(HttpStatus.BAD_REQUEST, problem(), null);
        }

        private static ProblemDetail problem() {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", "'months' " + WHY + ".");
            problem.setProperty("errors", List.of(Map.of("field", "months", "message", WHY)));
            return problem;
        }
    }
}
