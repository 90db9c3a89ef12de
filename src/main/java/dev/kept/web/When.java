package dev.kept.web;

import dev.kept.people.Person;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Formats dates and times for pages, in the signed-in person's time zone ({@code ${@when...}}). */
@Component("when")
public class When {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    public String at(Instant instant, Person viewer) {
        if (instant == null) {
            return "";
        }
        return AT.format(instant.atZone(zoneOf(viewer)));
    }

    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    private static ZoneId zoneOf(Person viewer) {
        if (viewer == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(viewer.getTimeZone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
