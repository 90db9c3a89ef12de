package dev.kept.checkins;

import static dev.kept.SignedIn.as;
import static dev.kept.checkins.CheckInFixtures.schedule;
import static dev.kept.checkins.CheckInFixtures.weekly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Once a partnership is not active (ended, paused, or suspended by a change of reporting line), its
 * check-ins, their notes and next steps and its schedule answer both partners exactly as if they did
 * not exist, on every read and write of the API and the pages and in the calendar feed; what they
 * wrote stays stored.
 *
 * <p>Dana and Lee are peers with a weekly check-in on Tuesdays at 09:00 in Berlin; they held the
 * first one, on 24 November 2026, and each wrote a shared and a private note and Lee a next step.
 */
@KeptApiTest
@AutoConfigureMockMvc
class FormerPartnerCheckInTests {

    // the first check-in started at 08:00 UTC: it is over, and the next one is a week away
    private static final Instant AFTER_THE_FIRST = Instant.parse("2026-11-24T10:00:00Z");
    private static final String ALL_OF_THEM = "/api/v1/checkins?from=2026-11-01&to=2027-06-01&limit=100";

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    private CheckInFixtures checkIns;

    @BeforeEach
    void fixtures() {
        checkIns = new CheckInFixtures(api);
        clock.freezeAt(Instant.parse("2026-11-23T10:00:00Z"));
    }

    /** How the partnership stops being active. */
    enum Way {
        ENDED,
        PAUSED,
        // Lee's new manager is Dana
        SUSPENDED
    }

    private record Met(Account admin, Account dana, Account lee, UUID partnership, UUID first, UUID step, String feed) {

        List<Account> both() {
            return List.of(dana, lee);
        }
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void theCheckInsAnswerBothPartnersLikeAnUnknownIdOnTheApi(Way way) {
        Met met = partnersWhoMet();
        UUID second = checkIns(met.dana()).get(1);

        stop(met, way);

        for (Account partner : met.both()) {
            assertThat(checkIns(partner)).isEmpty();
            for (String read : List.of("/api/v1/checkins/" + met.first(), "/api/v1/checkins/" + second)) {
                assertLikeUnknown(
                        api.get(partner.token(), read),
                        api.get(partner.token(), "/api/v1/checkins/" + UUID.randomUUID()));
            }
            assertLikeUnknown(
                    api.get(partner.token(), schedule(met.partnership())),
                    api.get(partner.token(), schedule(UUID.randomUUID())));
            for (Write write : writes(met, partner)) {
                assertLikeUnknown(write.to().apply(write.id()), write.to().apply(UUID.randomUUID()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void thePagesAnswerBothPartnersLikeAnUnknownId(Way way) {
        Met met = partnersWhoMet();
        assertThat(body(page(met.dana(), "/checkins"))).contains("/checkins/" + met.first());

        stop(met, way);

        for (Account partner : met.both()) {
            MvcTestResult list = page(partner, "/checkins");
            assertThat(list).hasStatusOk();
            assertThat(body(list)).doesNotContain("/checkins/" + met.first());
            assertPageLikeUnknown(
                    page(partner, "/checkins/" + met.first()), page(partner, "/checkins/" + UUID.randomUUID()));
            assertPageLikeUnknown(
                    page(partner, "/partnerships/" + met.partnership() + "/schedule"),
                    page(partner, "/partnerships/" + UUID.randomUUID() + "/schedule"));
            Map<String, String> note = Map.of("text", "Still here?");
            assertPageLikeUnknown(
                    post(partner, "/checkins/" + met.first() + "/notes", note),
                    post(partner, "/checkins/" + UUID.randomUUID() + "/notes", note));
            Map<String, String> step =
                    Map.of("text", "Call again", "ownerId", partner.personId().toString(), "due", "2026-12-10");
            assertPageLikeUnknown(
                    post(partner, "/checkins/" + met.first() + "/next-steps", step),
                    post(partner, "/checkins/" + UUID.randomUUID() + "/next-steps", step));
            assertPageLikeUnknown(
                    post(partner, "/checkins/" + met.first() + "/next-steps/" + met.step(), Map.of("done", "true")),
                    post(
                            partner,
                            "/checkins/" + UUID.randomUUID() + "/next-steps/" + met.step(),
                            Map.of("done", "true")));
            assertPageLikeUnknown(
                    post(partner, "/checkins/" + met.first() + "/attendance", Map.of("status", "SKIPPED")),
                    post(partner, "/checkins/" + UUID.randomUUID() + "/attendance", Map.of("status", "SKIPPED")));
            assertPageLikeUnknown(
                    post(partner, "/partnerships/" + met.partnership() + "/schedule/stop", Map.of()),
                    post(partner, "/partnerships/" + UUID.randomUUID() + "/schedule/stop", Map.of()));
        }
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void theCalendarFeedDropsTheCheckInsAndEveryNoteStaysStored(Way way) {
        Met met = partnersWhoMet();
        assertThat(feed(met)).contains("Check-in with " + met.lee().name());

        stop(met, way);

        assertThat(feed(met)).doesNotContain("Check-in with").contains("BEGIN:VCALENDAR");
        assertThat(jdbc.sql("select author_id, text, is_private from checkin_note where check_in_id = :checkIn")
                        .param("checkIn", met.first())
                        .query((rs, row) -> rs.getObject("author_id", UUID.class) + " " + rs.getString("text") + " "
                                + rs.getBoolean("is_private"))
                        .list())
                .containsExactlyInAnyOrder(
                        met.dana().personId() + " Dana's shared note false",
                        met.dana().personId() + " Dana's own note true",
                        met.lee().personId() + " Lee's shared note false",
                        met.lee().personId() + " Lee's own note true");
        assertThat(jdbc.sql("select count(*) from next_step where id = :id")
                        .param("id", met.step())
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(jdbc.sql("select status from check_in where id = :id")
                        .param("id", met.first())
                        .query(String.class)
                        .single())
                .isEqualTo("HELD");
    }

    @ParameterizedTest
    @EnumSource(
            value = Way.class,
            names = {"PAUSED"})
    void aResumedPartnershipShowsItsCheckInsAgain(Way way) {
        Met met = partnersWhoMet();
        stop(met, way);
        api.get(met.lee().token(), "/api/v1/checkins/" + met.first()).expectProblem(404);

        api.post(met.lee().token(), "/api/v1/partnerships/" + met.partnership() + "/resume", Map.of())
                .expect(200);

        assertThat(api.get(met.lee().token(), "/api/v1/checkins/" + met.first())
                        .expect(200)
                        .body())
                .contains("Dana's shared note")
                .contains("Lee's own note")
                .doesNotContain("Dana's own note");
        assertThat(checkIns(met.dana())).contains(met.first());
    }

    // --- set-up -------------------------------------------------------------------------------

    /** Dana and Lee agree a weekly check-in, hold the first one and write notes and a next step. */
    private Met partnersWhoMet() {
        Account admin = api.signUp();
        Account dana = api.join(admin);
        Account lee = api.join(admin);
        UUID partnership = api.partnership(dana, lee, "PEER");
        checkIns.agree(dana, lee, partnership, weekly("TUESDAY", "09:00", "Europe/Berlin"));
        String feed = api.post(dana.token(), "/api/v1/me/calendar-feed", Map.of())
                .expect(201)
                .text("url");
        UUID first = checkIns(dana).get(0);
        clock.freezeAt(AFTER_THE_FIRST);
        String checkIn = "/api/v1/checkins/" + first;
        api.post(dana.token(), checkIn + "/attendance", Map.of("status", "HELD"))
                .expect(200);
        note(dana, first, "Dana's shared note", false);
        note(dana, first, "Dana's own note", true);
        note(lee, first, "Lee's shared note", false);
        note(lee, first, "Lee's own note", true);
        UUID step = api.post(
                        lee.token(),
                        checkIn + "/next-steps",
                        Map.of(
                                "text",
                                "Send the draft",
                                "ownerId",
                                dana.personId().toString(),
                                "due",
                                "2026-12-01"))
                .expect(201)
                .id();
        // while the partnership is active, both read the agenda with the shared notes and the place
        for (Account partner : List.of(dana, lee)) {
            assertThat(api.get(partner.token(), checkIn).expect(200).body())
                    .contains("Dana's shared note", "Lee's shared note", "Send the draft", "meet.example.org");
        }
        return new Met(admin, dana, lee, partnership, first, step, feed);
    }

    private void stop(Met met, Way way) {
        String partnership = "/api/v1/partnerships/" + met.partnership();
        switch (way) {
            case ENDED ->
                api.post(met.dana().token(), partnership + "/end", Map.of()).expect(200);
            case PAUSED ->
                api.post(met.lee().token(), partnership + "/pause", Map.of()).expect(200);
            case SUSPENDED -> {
                Map<String, Object> manager = new HashMap<>();
                manager.put("managerId", met.dana().personId().toString());
                api.patch(met.admin().token(), "/api/v1/people/" + met.lee().personId(), manager)
                        .expect(200);
            }
        }
        assertThat(api.get(met.dana().token(), partnership).expect(200).text("status"))
                .isEqualTo(way.name());
    }

    private void note(Account author, UUID checkIn, String text, boolean isPrivate) {
        api.post(author.token(), "/api/v1/checkins/" + checkIn + "/notes", Map.of("text", text, "private", isPrivate))
                .expect(201);
    }

    /** A write to something of the partnership: its id, and the request for any id of that kind. */
    private record Write(UUID id, Function<UUID, ApiResponse> to) {}

    /** Every write of a check-in, of its next step and of the partnership's schedule. */
    private List<Write> writes(Met met, Account partner) {
        String token = partner.token();
        Map<String, Object> note = Map.of("text", "Still here?", "private", false);
        Map<String, Object> step =
                Map.of("text", "Call again", "ownerId", partner.personId().toString(), "due", "2026-12-10");
        return List.of(
                new Write(met.first(), id -> api.post(token, "/api/v1/checkins/" + id + "/notes", note)),
                new Write(met.first(), id -> api.post(token, "/api/v1/checkins/" + id + "/next-steps", step)),
                new Write(
                        met.first(),
                        id -> api.post(token, "/api/v1/checkins/" + id + "/attendance", Map.of("status", "SKIPPED"))),
                new Write(
                        met.step(), id -> api.post(token, "/api/v1/next-steps/" + id + "/done", Map.of("done", true))),
                new Write(
                        met.partnership(),
                        id -> api.send(
                                HttpMethod.PUT, token, schedule(id), weekly("FRIDAY", "10:00", "Europe/Berlin"))),
                new Write(met.partnership(), id -> api.post(token, schedule(id) + "/accept", Map.of())),
                new Write(met.partnership(), id -> api.post(token, schedule(id) + "/decline", Map.of())),
                new Write(met.partnership(), id -> api.delete(token, schedule(id))));
    }

    private List<UUID> checkIns(Account account) {
        return api.get(account.token(), ALL_OF_THEM)
                .expect(200)
                .json()
                .get("items")
                .valueStream()
                .map(c -> UUID.fromString(c.get("id").asString()))
                .toList();
    }

    private String feed(Met met) {
        return api.get(null, met.feed().substring(met.feed().indexOf("/calendar/")))
                .expect(200)
                .body();
    }

    /** The same problem as for an id nobody has: 404, the same title and detail; only the path differs. */
    private static void assertLikeUnknown(ApiResponse answer, ApiResponse unknown) {
        JsonNode problem = answer.expectProblem(404);
        assertThat(((ObjectNode) problem).without("instance"))
                .isEqualTo(((ObjectNode) unknown.expectProblem(404)).without("instance"));
    }

    private static void assertPageLikeUnknown(MvcTestResult answer, MvcTestResult unknown) {
        assertThat(answer).hasStatus(404);
        assertThat(unknown).hasStatus(404);
        assertThat(answer.getResponse().getErrorMessage())
                .isEqualTo(unknown.getResponse().getErrorMessage());
        assertThat(body(answer)).isEqualTo(body(unknown));
    }

    private MvcTestResult page(Account account, String uri) {
        return mvc.get().uri(uri).with(as(account)).exchange();
    }

    private MvcTestResult post(Account account, String uri, Map<String, String> params) {
        MockMvcTester.MockMvcRequestBuilder request =
                mvc.post().uri(uri).with(as(account)).with(csrf());
        params.forEach(request::param);
        return request.exchange();
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
