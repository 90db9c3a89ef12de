package dev.kept.checkins;

import static dev.kept.checkins.CheckInFixtures.weekly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.validate.ValidationEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * The secret calendar feed and the schedule e-mail's invitation, read back with ical4j and checked
 * with its validator (RFC 5545, and RFC 5546 for the invitation): check-ins in their time zone, due
 * dates, no content.
 */
@KeptApiTest
class CalendarFeedTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private CheckInFixtures checkIns;

    @BeforeEach
    void fixtures() {
        checkIns = new CheckInFixtures(api);
        // a Monday in October, before Berlin leaves summer time on 25 October
        clock.freezeAt(Instant.parse("2026-10-12T10:00:00Z"));
    }

    private String feedUrl(Account account) {
        return api.post(account.token(), "/api/v1/me/calendar-feed", Map.of())
                .expect(201)
                .text("url");
    }

    private ApiResponse fetch(String url) {
        return api.get(null, url.substring(url.indexOf("/calendar/")));
    }

    /**
     * Parses the text as iCalendar and holds it to ical4j's validator, then to what the validator
     * does not look at: one DTSTAMP per event, and a VTIMEZONE for every TZID the text refers to.
     */
    static Calendar valid(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate(true).getEntries().stream()
                        .filter(entry -> entry.getSeverity() == ValidationEntry.Severity.ERROR))
                .as(ics)
                .isEmpty();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            assertThat(event.getProperties(Property.DTSTAMP))
                    .as(event.toString())
                    .hasSize(1);
        }
        List<String> defined = calendar.<VTimeZone>getComponents(Component.VTIMEZONE).stream()
                .map(zone -> zone.getTimeZoneId().getValue())
                .toList();
        assertThat(defined).doesNotHaveDuplicates();
        assertThat(tzidsIn(ics)).isSubsetOf(defined);
        return calendar;
    }

    /** Every TZID a property outside the VTIMEZONEs refers to, read from the text itself. */
    private static Set<String> tzidsIn(String ics) {
        String outsideZones = ics.replaceAll("(?s)BEGIN:VTIMEZONE.*?END:VTIMEZONE\r?\n", "");
        return java.util.regex.Pattern.compile(";TZID=\"?([^\":;]+)")
                .matcher(outsideZones.replaceAll("\r?\n[ \t]", ""))
                .results()
                .map(match -> match.group(1))
                .collect(Collectors.toSet());
    }

    private String invitationTo(Account recipient) {
        return org.awaitility.Awaitility.await()
                .until(
                        () -> jdbc.sql("""
                                        select attachment from outgoing_mail
                                         where recipient = :to and attachment_name = 'check-in.ics'""")
                                .param("to", recipient.email().toLowerCase(Locale.ROOT))
                                .query(String.class)
                                .list(),
                        found -> !found.isEmpty())
                .get(0);
    }

    private static List<VEvent> events(Calendar calendar, String summaryStart) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getSummary().getValue().startsWith(summaryStart))
                .toList();
    }

    @Test
    void theFeedHoldsCheckInsInTheirTimeZoneAcrossDaylightSavingAndDueDatesWithoutContent() throws Exception {
        Account admin = api.signUp();
        Account dana = api.join(admin);
        Account lee = api.join(admin);
        UUID partnership = api.partnership(dana, lee, "PEER");
        UUID commitment = api.commit(dana, LocalDate.parse("2026-11-20"), "PARTNERS");
        checkIns.agree(dana, lee, partnership, weekly("TUESDAY", "09:00", "Europe/Berlin"));

        ApiResponse response = fetch(feedUrl(dana)).expect(200);
        assertThat(response.contentType().toString()).startsWith("text/calendar");
        Calendar calendar = valid(response.body());

        List<VEvent> meetings = events(calendar, "Check-in with ");
        assertThat(meetings).isNotEmpty();
        assertThat(meetings.get(0).getSummary().getValue()).isEqualTo("Check-in with " + lee.name());
        assertThat(meetings.get(0).getLocation().getValue()).isEqualTo("https://meet.example.org/dana-lee");
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
        for (VEvent meeting : meetings.subList(0, 4)) {
            Property start = meeting.getProperty(Property.DTSTART).orElseThrow();
            assertThat(start.getParameter(Parameter.TZID).orElseThrow().getValue())
                    .isEqualTo("Europe/Berlin");
            assertThat(start.getValue()).endsWith("T090000");
        }
        // 13 and 20 October at 07:00 UTC (summer time), 27 October and 3 November at 08:00 UTC
        assertThat(meetings.subList(0, 4).stream()
                        .map(m ->
                                ((ZonedDateTime) m.getStartDate().orElseThrow().getDate()).toInstant()))
                .containsExactly(
                        Instant.parse("2026-10-13T07:00:00Z"),
                        Instant.parse("2026-10-20T07:00:00Z"),
                        Instant.parse("2026-10-27T08:00:00Z"),
                        Instant.parse("2026-11-03T08:00:00Z"));

        List<VEvent> due = events(calendar, "Commitment due");
        assertThat(due).hasSize(1);
        assertThat(due.get(0).getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(due.get(0).getProperty(Property.URL).orElseThrow().getValue())
                .endsWith("/commitments/" + commitment);
        String what = api.get(dana.token(), "/api/v1/commitments/" + commitment)
                .expect(200)
                .text("what");
        assertThat(response.body()).doesNotContain(what).doesNotContain("onboarding");

        // Lee's feed has the same check-ins, titled with Dana's name, and none of Dana's due dates
        Calendar lees = valid(fetch(feedUrl(lee)).expect(200).body());
        assertThat(events(lees, "Check-in with " + dana.name())).hasSameSizeAs(meetings);
        assertThat(events(lees, "Commitment due")).isEmpty();
    }

    @Test
    void theScheduleMailCarriesARecurringCalendarInvitationToEachPartner() throws Exception {
        Account admin = api.signUp();
        Account dana = api.join(admin);
        Account lee = api.join(admin);
        UUID partnership = api.partnership(dana, lee, "PEER");
        checkIns.agree(dana, lee, partnership, weekly("TUESDAY", "09:00", "Europe/Berlin"));

        for (Account[] side : new Account[][] {{dana, lee}, {lee, dana}}) {
            Calendar invitation = valid(invitationTo(side[0]));
            assertThat(invitation.getProperty(Property.METHOD).orElseThrow().getValue())
                    .isEqualTo("REQUEST");
            VEvent event = invitation.<VEvent>getComponents("VEVENT").get(0);
            assertThat(event.getSummary().getValue()).isEqualTo("Check-in with " + side[1].name());
            assertThat(event.getProperty(Property.RRULE).orElseThrow().getValue())
                    .isEqualTo("FREQ=WEEKLY;BYDAY=TU");
            Property start = event.getProperty(Property.DTSTART).orElseThrow();
            assertThat(start.getParameter(Parameter.TZID).orElseThrow().getValue())
                    .isEqualTo("Europe/Berlin");
            assertThat(start.getValue()).isEqualTo("20261013T090000");
            assertThat(invitation.getComponents("VTIMEZONE")).hasSize(1);
            // an iTIP request names its organizer, Kept, and only the recipient as attendee
            assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue())
                    .isEqualTo("mailto:no-reply@kept.local");
            assertThat(event.<Property>getProperties(Property.ATTENDEE))
                    .singleElement()
                    .extracting(Property::getValue)
                    .asString()
                    .isEqualToIgnoringCase("mailto:" + side[0].email());
            assertThat(invitation.toString()).doesNotContain(side[1].email());
        }
        assertThat(api.mailsTo(dana.email()).stream().filter(b -> b.contains("Your check-ins with " + lee.name())))
                .singleElement()
                .asString()
                .contains("every week, Tuesday at 09:00 (Europe/Berlin), 30 minutes", "/settings/notifications");
    }

    @Test
    void aCheckInInUtcIsWrittenInUtcAndAnAliasZoneUnderTheTzidItsDefinitionHas() throws Exception {
        Account admin = api.signUp();
        Account dana = api.join(admin);
        Account lee = api.join(admin);
        Account sam = api.join(admin);
        checkIns.agree(dana, lee, api.partnership(dana, lee, "PEER"), weekly("TUESDAY", "09:00", "UTC"));
        checkIns.agree(dana, sam, api.partnership(dana, sam, "PEER"), weekly("THURSDAY", "09:00", "US/Eastern"));
        api.commit(dana, LocalDate.parse("2026-11-20"), "PARTNERS");

        String ics = fetch(feedUrl(dana)).expect(200).body();
        Calendar calendar = valid(ics);

        assertThat(ics).doesNotContain("TZID=UTC", "TZID:Etc/UTC", "TZID=US/Eastern");
        VEvent utc = events(calendar, "Check-in with " + lee.name()).get(0);
        Property utcStart = utc.getProperty(Property.DTSTART).orElseThrow();
        assertThat(utcStart.getParameter(Parameter.TZID)).isEmpty();
        assertThat(utcStart.getValue()).isEqualTo("20261013T090000Z");
        VEvent eastern = events(calendar, "Check-in with " + sam.name()).get(0);
        Property easternStart = eastern.getProperty(Property.DTSTART).orElseThrow();
        assertThat(easternStart.getParameter(Parameter.TZID).orElseThrow().getValue())
                .isEqualTo("America/New_York");
        assertThat(easternStart.getValue()).isEqualTo("20261015T090000");
        assertThat(((ZonedDateTime) eastern.getStartDate().orElseThrow().getDate()).toInstant())
                .isEqualTo(Instant.parse("2026-10-15T13:00:00Z"));
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE"))
                .extracting(zone -> zone.getTimeZoneId().getValue())
                .containsExactly("America/New_York");
        // one DTSTAMP per event, and it is the time the feed was read
        assertThat(calendar.<VEvent>getComponents("VEVENT"))
                .allSatisfy(event -> assertThat(event.getProperty(Property.DTSTAMP)
                                .orElseThrow()
                                .getValue())
                        .isEqualTo("20261012T100000Z"));

        Property leesStart = start(valid(invitationTo(lee)));
        assertThat(leesStart.getParameter(Parameter.TZID)).isEmpty();
        assertThat(leesStart.getValue()).isEqualTo("20261013T090000Z");
        Property samsStart = start(valid(invitationTo(sam)));
        assertThat(samsStart.getParameter(Parameter.TZID).orElseThrow().getValue())
                .isEqualTo("America/New_York");
        assertThat(samsStart.getValue()).isEqualTo("20261015T090000");
    }

    private static Property start(Calendar invitation) {
        return invitation
                .<VEvent>getComponents("VEVENT")
                .get(0)
                .getProperty(Property.DTSTART)
                .orElseThrow();
    }

    @Test
    void aScheduleInAZoneCalendarsCannotDescribeIsRefused() {
        Account admin = api.signUp();
        Account dana = api.join(admin);
        Account lee = api.join(admin);
        UUID partnership = api.partnership(dana, lee, "PEER");

        for (String zone : List.of("SystemV/EST5EDT", "UTC+14:00")) {
            assertThat(api.send(
                                    HttpMethod.PUT,
                                    dana.token(),
                                    CheckInFixtures.schedule(partnership),
                                    weekly("TUESDAY", "21:00", zone))
                            .expectProblem(422)
                            .get("reason")
                            .asString())
                    .as(zone)
                    .isEqualTo("TIME_ZONE");
        }
    }

    @Test
    void aNewAddressKillsTheOldOneAndAnUnknownTokenIsNotFound() {
        Account admin = api.signUp();
        Account dana = api.join(admin);
        String first = feedUrl(dana);
        fetch(first).expect(200);
        String second = feedUrl(dana);

        assertThat(second).isNotEqualTo(first);
        // at least 128 bits of randomness: 256 here, as 43 characters of base64url
        assertThat(second.substring(second.indexOf("/calendar/cal_") + 14, second.length() - 4))
                .hasSize(43);
        fetch(first).expect(404);
        fetch(second).expect(200);
        assertThat(api.get(dana.token(), "/api/v1/me/calendar-feed")
                        .expect(200)
                        .json()
                        .get("active")
                        .asBoolean())
                .isTrue();
        assertThat(api.get(dana.token(), "/api/v1/me/calendar-feed").body()).doesNotContain("cal_");

        api.delete(dana.token(), "/api/v1/me/calendar-feed").expect(204);
        fetch(second).expect(404);
        api.get(null, "/calendar/cal_nothing.ics").expect(404);
        api.get(null, "/calendar/" + second.substring(second.indexOf("/calendar/") + 10, second.length() - 4))
                .expect(404);
        api.post(null, "/api/v1/me/calendar-feed", Map.of()).expect(401);
    }
}
