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
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The secret calendar feed, read back with ical4j: check-ins in their time zone, due dates, no content. */
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

    private static Calendar parse(ApiResponse response) throws Exception {
        return new CalendarBuilder().build(new StringReader(response.body()));
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
        Calendar calendar = parse(response);

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
        Calendar lees = parse(fetch(feedUrl(lee)).expect(200));
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
            String ics = org.awaitility.Awaitility.await()
                    .until(
                            () -> jdbc.sql("""
                                            select attachment from outgoing_mail
                                             where recipient = :to and attachment_name = 'check-in.ics'""")
                                    .param("to", side[0].email().toLowerCase(java.util.Locale.ROOT))
                                    .query(String.class)
                                    .list(),
                            found -> !found.isEmpty())
                    .get(0);
            Calendar invitation = new CalendarBuilder().build(new StringReader(ics));
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
        }
        assertThat(api.mailsTo(dana.email()).stream().filter(b -> b.contains("Your check-ins with " + lee.name())))
                .singleElement()
                .asString()
                .contains("every week, Tuesday at 09:00 (Europe/Berlin), 30 minutes", "/settings/notifications");
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
