package dev.kept.checkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.junit.jupiter.api.Test;

/** Times in every time zone Java knows, written into iCalendar and read back to the same instant. */
class CalendarZonesTests {

    /** A summer and a winter instant in both hemispheres, in the year the feed covers. */
    private static final List<Instant> INSTANTS =
            List.of(Instant.parse("2026-07-14T07:30:00Z"), Instant.parse("2027-01-12T21:30:00Z"));

    private static List<ZoneId> javaZones() {
        return ZoneId.getAvailableZoneIds().stream()
                // ical4j registers zones of its own with Java under this prefix
                .filter(id -> !id.startsWith("ical4j"))
                .sorted()
                .map(ZoneId::of)
                .toList();
    }

    @Test
    void everyZoneACalendarDescribesReadsBackToTheSameInstantsUnderADefinedTzid() throws Exception {
        CalendarZones zones = new CalendarZones();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Kept//Tests//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        Map<String, Instant> written = new LinkedHashMap<>();
        List<VEvent> events = new ArrayList<>();
        for (ZoneId zone : javaZones()) {
            if (!CalendarZones.describes(zone)) {
                continue;
            }
            for (Instant instant : INSTANTS) {
                String uid = zone.getId() + "/" + instant;
                VEvent event = new VEvent(false);
                event.add(new DtStamp(INSTANTS.get(0)));
                event.add(new Uid(uid));
                event.add(new DtStart<>(zones.at(instant, zone)));
                event.add(new Summary(zone.getId()));
                events.add(event);
                written.put(uid, instant);
            }
        }
        zones.definitions().forEach(calendar::add);
        events.forEach(calendar::add);

        Calendar read = CalendarFeedTests.valid(calendar.toString());

        Map<String, Instant> readBack = new LinkedHashMap<>();
        for (VEvent event : read.<VEvent>getComponents("VEVENT")) {
            readBack.put(
                    event.getUid().orElseThrow().getValue(),
                    Instant.from(event.getStartDate().orElseThrow().getDate()));
        }
        assertThat(readBack).containsExactlyEntriesOf(written);
        assertThat(written).hasSizeGreaterThan(2 * 500);
    }

    @Test
    void utcIsWrittenAsUtcTimesAndAliasesUnderTheirCanonicalTzid() {
        CalendarZones zones = new CalendarZones();
        Instant instant = INSTANTS.get(0);

        for (String utc : List.of("UTC", "Etc/UTC", "GMT", "Zulu", "Universal")) {
            assertThat(zones.at(instant, ZoneId.of(utc))).as(utc).isEqualTo(instant);
        }
        assertThat(zones.at(instant, ZoneId.of("US/Eastern"))).isEqualTo(instant.atZone(ZoneId.of("America/New_York")));
        assertThat(zones.at(instant, ZoneId.of("America/New_York")))
                .isEqualTo(instant.atZone(ZoneId.of("America/New_York")));
        assertThat(zones.definitions())
                .singleElement()
                .extracting(
                        zone -> zone.getProperty(Property.TZID).orElseThrow().getValue())
                .isEqualTo("America/New_York");
    }

    @Test
    void everyZoneTheScheduleFormSuggestsIsOneCalendarsDescribeAndFewOthersAreNot() {
        assertThat(CheckInPages.Zones.ALL)
                .allSatisfy(zone -> assertThat(CalendarZones.describes(ZoneId.of(zone)))
                        .as(zone)
                        .isTrue());
        assertThat(javaZones().stream().filter(zone -> !CalendarZones.describes(zone)))
                .extracting(ZoneId::getId)
                .allSatisfy(id -> assertThat(id).startsWith("SystemV/"));
        assertThat(CalendarZones.describes(ZoneId.of("UTC+14:00"))).isFalse();
    }
}
