package dev.kept.checkins;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * The time zones of one iCalendar object. A time in a zone that is always UTC is written as a UTC
 * time ({@code ...Z}); any other zone is written under the TZID of the VTIMEZONE that defines it,
 * which the calendar then carries once. Java and iCalendar name some zones differently
 * ({@code US/Eastern} is {@code America/New_York}, {@code UTC} is {@code Etc/UTC}), so the TZID is
 * always taken from the definition, never from the zone's Java name.
 */
final class CalendarZones {

    private final TimeZoneRegistry registry =
            TimeZoneRegistryFactory.getInstance().createRegistry();
    private final Map<String, VTimeZone> used = new LinkedHashMap<>();

    /** Whether a calendar can carry times in this zone exactly, recurring ones included. */
    static boolean describes(ZoneId zone) {
        return new CalendarZones().definition(zone).isPresent() || isUtc(zone);
    }

    /** The instant at its local time in the zone, or as a UTC time for a zone that is UTC. */
    Temporal at(Instant instant, ZoneId zone) {
        return definition(zone)
                .<Temporal>map(definition -> {
                    String tzid = definition.getTimeZoneId().getValue();
                    used.putIfAbsent(tzid, definition);
                    return instant.atZone(ZoneId.of(tzid));
                })
                .orElse(instant);
    }

    /** The definitions of the zones that {@link #at} wrote times in, each once. */
    List<VTimeZone> definitions() {
        return new ArrayList<>(used.values());
    }

    /**
     * The VTIMEZONE for a zone that is not UTC, when iCalendar has one whose TZID Java also knows.
     * Zones without one (for example {@code SystemV/EST5EDT}) fall back to UTC times.
     */
    private Optional<VTimeZone> definition(ZoneId zone) {
        if (isUtc(zone)) {
            return Optional.empty();
        }
        TimeZone known = registry.getTimeZone(zone.getId());
        if (known == null) {
            return Optional.empty();
        }
        VTimeZone definition = known.getVTimeZone();
        try {
            ZoneId.of(definition.getTimeZoneId().getValue());
            return Optional.of(definition);
        } catch (DateTimeException unknownToJava) {
            return Optional.empty();
        }
    }

    private static boolean isUtc(ZoneId zone) {
        return zone.getRules().isFixedOffset()
                && zone.getRules().getOffset(Instant.EPOCH).equals(ZoneOffset.UTC);
    }
}
