package dev.kept.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates and instants Kept accepts from a request: the years 1 to 9999. Java parses years far
 * beyond what PostgreSQL stores (a date past 5874897, an instant past 294276) or what a JDBC
 * timestamp holds, so a value outside this range would end as a server error instead of a 400.
 */
public final class StorableTime {

    public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    public static final Instant FIRST_INSTANT =
            FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    public static final Instant LAST_INSTANT =
            LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);

    private StorableTime() {}

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(FIRST_INSTANT) && !instant.isAfter(LAST_INSTANT);
    }

    /**
     * The instant this text names, if the database keeps it: for a cursor's position ({@link
     * Cursor#orStart}); {@link IllegalArgumentException} (or a {@code DateTimeParseException})
     * otherwise.
     */
    public static Instant instant(String text) {
        Instant instant = Instant.parse(text);
        if (!contains(instant)) {
            throw new IllegalArgumentException("not a time the database keeps: " + text);
        }
        return instant;
    }
}
