package dev.kept.checkins;

import static dev.kept.checkins.CheckInFixtures.schedule;
import static dev.kept.checkins.CheckInFixtures.weekly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Schedules, the check-ins they lay out, agendas, notes, next steps and attendance over the API. */
@KeptApiTest
class CheckInApiTests {

    // a Monday, 10:00 UTC: the next Tuesday 09:00 in Berlin is 24 November 2026, 08:00 UTC
    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired
    ApiFixtures api;

    @Autowired
    dev.kept.StatementCounter counter;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private CheckInFixtures checkIns;

    @BeforeEach
    void fixtures() {
        checkIns = new CheckInFixtures(api);
        clock.freezeAt(MONDAY);
    }

    private record Pair(Account admin, Account dana, Account lee, UUID partnership) {}

    private Pair pair() {
        Account admin = api.signUp();
        Account dana = api.join(admin);
        Account lee = api.join(admin);
        return new Pair(admin, dana, lee, api.partnership(dana, lee, "PEER"));
    }

    private List<JsonNode> checkInsOf(Account account, String from, String to) {
        List<JsonNode> found = new ArrayList<>();
        api.get(account.token(), "/api/v1/checkins?limit=100&from=" + from + "&to=" + to)
                .expect(200)
                .json()
                .get("items")
                .forEach(found::add);
        return found;
    }

    @Test
    void aScheduleTakesEffectWhenThePartnerAccepts() {
        Pair pair = pair();
        JsonNode proposed = api.send(
                        HttpMethod.PUT,
                        pair.dana().token(),
                        schedule(pair.partnership()),
                        weekly("TUESDAY", "09:00", "Europe/Berlin"))
                .expect(200)
                .json();
        assertThat(proposed.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(proposed.get("proposedByMe").asBoolean()).isTrue();
        assertThat(checkInsOf(pair.lee(), "2026-11-23", "2026-12-31")).isEmpty();

        // the proposer cannot accept their own proposal
        api.post(pair.dana().token(), schedule(pair.partnership()) + "/accept", Map.of())
                .expectProblem(403);
        JsonNode accepted = api.post(pair.lee().token(), schedule(pair.partnership()) + "/accept", Map.of())
                .expect(200)
                .json();
        assertThat(accepted.get("status").asString()).isEqualTo("ACTIVE");

        List<JsonNode> danas = checkInsOf(pair.dana(), "2026-11-23", "2026-12-09");
        assertThat(danas.stream().map(c -> c.get("startsAt").asString()))
                .containsExactly("2026-11-24T08:00:00Z", "2026-12-01T08:00:00Z", "2026-12-08T08:00:00Z");
        assertThat(danas.get(0).get("partnerName").asString())
                .isEqualTo(pair.lee().name());
        assertThat(danas.get(0).get("localStart").asString()).isEqualTo("2026-11-24T09:00:00");
        assertThat(danas.get(0).get("endsAt").asString()).isEqualTo("2026-11-24T08:30:00Z");
        List<JsonNode> lees = checkInsOf(pair.lee(), "2026-11-23", "2026-12-09");
        assertThat(lees.get(0).get("id")).isEqualTo(danas.get(0).get("id"));
        assertThat(lees.get(0).get("partnerName").asString())
                .isEqualTo(pair.dana().name());
    }

    @Test
    void aWeeklyCheckInInNewYorkKeepsItsLocalTimeWhenSummerTimeStarts() {
        // America/New_York moves from UTC-5 to UTC-4 on Sunday 14 March 2027
        clock.freezeAt(Instant.parse("2027-03-01T12:00:00Z"));
        Pair pair = pair();
        checkIns.agree(pair.dana(), pair.lee(), pair.partnership(), weekly("MONDAY", "17:30", "America/New_York"));

        List<JsonNode> occurrences = checkInsOf(pair.lee(), "2027-03-01", "2027-03-23");
        assertThat(occurrences.stream().map(c -> c.get("startsAt").asString()))
                .containsExactly(
                        "2027-03-01T22:30:00Z", "2027-03-08T22:30:00Z", "2027-03-15T21:30:00Z", "2027-03-22T21:30:00Z");
        assertThat(occurrences.stream().map(c -> c.get("localStart").asString()))
                .allMatch(local -> local.endsWith("T17:30:00"));
    }

    @Test
    void aNewAcceptedScheduleReplacesTheOldOnesCheckInsToCome() {
        Pair pair = pair();
        checkIns.agree(pair.dana(), pair.lee(), pair.partnership(), weekly("TUESDAY", "09:00", "Europe/Berlin"));
        checkIns.agree(pair.lee(), pair.dana(), pair.partnership(), weekly("THURSDAY", "16:00", "Europe/London"));

        assertThat(checkInsOf(pair.dana(), "2026-11-23", "2026-12-04").stream()
                        .map(c -> c.get("startsAt").asString()))
                .containsExactly("2026-11-26T16:00:00Z", "2026-12-03T16:00:00Z");
        JsonNode arrangement = api.get(pair.lee().token(), schedule(pair.partnership()))
                .expect(200)
                .json();
        assertThat(arrangement.get("active").get("weekday").asString()).isEqualTo("THURSDAY");
        assertThat(arrangement.get("proposed").isNull()).isTrue();
    }

    @Test
    void stoppingCancelsTheCheckInsToCome() {
        Pair pair = pair();
        checkIns.agree(pair.dana(), pair.lee(), pair.partnership(), weekly("TUESDAY", "09:00", "Europe/Berlin"));
        api.delete(pair.lee().token(), schedule(pair.partnership())).expect(200);

        assertThat(checkInsOf(pair.dana(), "2026-11-23", "2027-01-01")).isEmpty();
        api.delete(pair.lee().token(), schedule(pair.partnership())).expectProblem(409);
    }

    @Test
    void endingThePartnershipStopsItsSchedule() {
        Pair pair = pair();
        checkIns.agree(pair.dana(), pair.lee(), pair.partnership(), weekly("TUESDAY", "09:00", "Europe/Berlin"));
        api.post(pair.dana().token(), "/api/v1/partnerships/" + pair.partnership() + "/end", Map.of())
                .expect(200);

        // nobody sees an ended partnership's schedule any more: what the listener did shows in the rows
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select status from checkin_schedule where partnership_id = :partnership")
                        .param("partnership", pair.partnership())
                        .query(String.class)
                        .list()
                        .equals(List.of("STOPPED")));
        assertThat(jdbc.sql("""
                                select count(*) from check_in
                                 where partnership_id = :partnership and status <> 'CANCELLED' and starts_at > :now""")
                        .param("partnership", pair.partnership())
                        .param("now", java.sql.Timestamp.from(MONDAY))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void badTermsAreRefusedWithAProblem() {
        Pair pair = pair();
        Map<String, Object> terms = weekly("TUESDAY", "09:00", "Mars/Olympus");
        assertThat(api.send(HttpMethod.PUT, pair.dana().token(), schedule(pair.partnership()), terms)
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("TIME_ZONE");
        terms.put("timeZone", "Europe/Berlin");
        terms.put("durationMinutes", 5);
        assertThat(api.send(HttpMethod.PUT, pair.dana().token(), schedule(pair.partnership()), terms)
                        .expectProblem(400)
                        .toString())
                .contains("durationMinutes");
        terms.put("durationMinutes", 30);
        terms.put("cadence", "DAILY");
        api.send(HttpMethod.PUT, pair.dana().token(), schedule(pair.partnership()), terms)
                .expectProblem(400);
        terms.put("cadence", "WEEKLY");
        terms.put("time", "25:00");
        api.send(HttpMethod.PUT, pair.dana().token(), schedule(pair.partnership()), terms)
                .expectProblem(400);
        api.post(pair.lee().token(), schedule(pair.partnership()) + "/accept", Map.of())
                .expectProblem(409);
        api.get(pair.dana().token(), "/api/v1/checkins?from=2026-12-01&to=2026-11-01")
                .expectProblem(422);
        api.get(pair.dana().token(), "/api/v1/checkins?from=2026-01-01&to=2027-12-01")
                .expectProblem(422);
        api.get(pair.dana().token(), "/api/v1/checkins?from=yesterday").expectProblem(400);
    }

    @Test
    void nobodyButThePartnersSeesACheckInOrItsSchedule() {
        Pair pair = pair();
        Account manager = api.join(pair.admin());
        checkIns.agree(pair.dana(), pair.lee(), pair.partnership(), weekly("TUESDAY", "09:00", "Europe/Berlin"));
        String checkIn = checkInsOf(pair.dana(), "2026-11-23", "2026-11-30")
                .get(0)
                .get("id")
                .asString();

        for (Account outsider : List.of(pair.admin(), manager)) {
            api.get(outsider.token(), "/api/v1/checkins/" + checkIn).expectProblem(404);
            api.get(outsider.token(), schedule(pair.partnership())).expectProblem(404);
            api.post(outsider.token(), "/api/v1/checkins/" + checkIn + "/notes", Map.of("text", "hi", "private", false))
                    .expectProblem(404);
            api.post(outsider.token(), "/api/v1/checkins/" + checkIn + "/attendance", Map.of("status", "SKIPPED"))
                    .expectProblem(404);
            assertThat(checkInsOf(outsider, "2026-11-23", "2026-11-30")).isEmpty();
        }
    }

    @Test
    void sharedNotesAreSeenByBothPartnersAndPrivateNotesByTheirAuthorOnly() {
        Pair pair = pair();
        checkIns.agree(pair.dana(), pair.lee(), pair.partnership(), weekly("TUESDAY", "09:00", "Europe/Berlin"));
        String checkIn = checkInsOf(pair.dana(), "2026-11-23", "2026-11-30")
                .get(0)
                .get("id")
                .asString();
        String path = "/api/v1/checkins/" + checkIn;

        api.post(pair.dana().token(), path + "/notes", Map.of("text", "We agreed to ship the draft", "private", false))
                .expect(201);
        api.post(pair.dana().token(), path + "/notes", Map.of("text", "I am nervous about the demo", "private", true))
                .expect(201);
        api.post(pair.lee().token(), path + "/notes", Map.of("text", "Ask Dana about the budget", "private", true))
                .expect(201);

        assertThat(api.get(pair.dana().token(), path).expect(200).body())
                .contains("We agreed to ship the draft", "I am nervous about the demo")
                .doesNotContain("Ask Dana about the budget");
        assertThat(api.get(pair.lee().token(), path).expect(200).body())
                .contains("We agreed to ship the draft", "Ask Dana about the budget")
                .doesNotContain("I am nervous about the demo");
        api.post(pair.dana().token(), path + "/notes", Map.of("text", " ", "private", false))
                .expectProblem(400);
        api.post(pair.dana().token(), path + "/notes", Map.of("text", "x")).expectProblem(400);
        api.post(pair.dana().token(), path + "/notes", Map.of("text", "x".repeat(4001), "private", false))
                .expectProblem(400);
    }

    @Test
    void theAgendaListsSharedCommitmentsDueSoonThenAtRiskThenSilent() {
        Pair pair = pair();
        LocalDate today = LocalDate.parse("2026-11-23");
        UUID later = api.commit(pair.lee(), today.plusDays(60), "PARTNERS");
        UUID dueSoon = api.commit(pair.dana(), today.plusDays(3), "PARTNERS");
        UUID atRisk = api.commit(pair.lee(), today.plusDays(40), "PARTNERS");
        api.post(pair.lee().token(), "/api/v1/commitments/" + atRisk + "/progress", Map.of("confidence", "AT_RISK"))
                .expect(201);
        UUID privateOne = api.commit(pair.dana(), today.plusDays(2), "PRIVATE");
        UUID silent = api.commit(pair.dana(), today.plusDays(50), "PARTNERS");
        checkIns.agree(pair.dana(), pair.lee(), pair.partnership(), weekly("TUESDAY", "09:00", "Europe/Berlin"));
        // fifteen days on, what nobody updated is silent
        clock.advance(Duration.ofDays(15));
        api.post(pair.lee().token(), "/api/v1/commitments/" + later + "/progress", Map.of("confidence", "ON_TRACK"))
                .expect(201);
        api.post(pair.lee().token(), "/api/v1/commitments/" + atRisk + "/progress", Map.of("confidence", "AT_RISK"))
                .expect(201);
        String checkIn = checkInsOf(pair.dana(), "2026-12-08", "2026-12-10")
                .get(0)
                .get("id")
                .asString();

        JsonNode agenda = api.get(pair.lee().token(), "/api/v1/checkins/" + checkIn)
                .expect(200)
                .json();
        List<String> order = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        agenda.get("commitments").forEach(item -> {
            order.add(item.get("commitment").get("id").asString());
            reasons.add(item.get("reason").asString());
        });
        assertThat(order).containsExactly(dueSoon.toString(), atRisk.toString(), silent.toString(), later.toString());
        assertThat(reasons).containsExactly("DUE_SOON", "AT_RISK", "SILENT", "ON_TRACK");
        assertThat(order).doesNotContain(privateOne.toString());
        assertThat(agenda.get("commitments").get(1).get("mine").asBoolean()).isTrue();
        assertThat(agenda.get("commitments").get(0).get("mine").asBoolean()).isFalse();
    }

    @Test
    void nextStepsAreCarriedToTheNextAgendaUntilDone() {
        Pair pair = pair();
        checkIns.agree(pair.dana(), pair.lee(), pair.partnership(), weekly("TUESDAY", "09:00", "Europe/Berlin"));
        List<JsonNode> occurrences = checkInsOf(pair.dana(), "2026-11-23", "2026-12-05");
        String first = occurrences.get(0).get("id").asString();
        String second = occurrences.get(1).get("id").asString();
        Map<String, Object> step = new HashMap<>();
        step.put("text", "Send Lee the outline");
        step.put("ownerId", pair.dana().personId().toString());
        step.put("due", "2026-11-27");
        String stepId = api.post(pair.lee().token(), "/api/v1/checkins/" + first + "/next-steps", step)
                .expect(201)
                .text("id");

        JsonNode carried = api.get(pair.dana().token(), "/api/v1/checkins/" + second)
                .expect(200)
                .json()
                .get("nextSteps");
        assertThat(carried).hasSize(1);
        assertThat(carried.get(0).get("text").asString()).isEqualTo("Send Lee the outline");
        assertThat(carried.get(0).get("carried").asBoolean()).isTrue();
        assertThat(carried.get(0).get("ownerName").asString())
                .isEqualTo(pair.dana().name());

        api.post(pair.dana().token(), "/api/v1/next-steps/" + stepId + "/done", Map.of("done", true))
                .expect(204);
        assertThat(api.get(pair.dana().token(), "/api/v1/checkins/" + second)
                        .expect(200)
                        .json()
                        .get("nextSteps"))
                .isEmpty();
        assertThat(api.get(pair.dana().token(), "/api/v1/checkins/" + first)
                        .expect(200)
                        .json()
                        .get("nextSteps")
                        .get(0)
                        .get("done")
                        .asBoolean())
                .isTrue();

        step.put("ownerId", pair.admin().personId().toString());
        api.post(pair.lee().token(), "/api/v1/checkins/" + first + "/next-steps", step)
                .expectProblem(422);
        step.put("ownerId", pair.lee().personId().toString());
        step.put("due", "2026-11-01");
        api.post(pair.lee().token(), "/api/v1/checkins/" + first + "/next-steps", step)
                .expectProblem(422);
        api.post(pair.admin().token(), "/api/v1/next-steps/" + stepId + "/done", Map.of("done", false))
                .expectProblem(404);
    }

    @Test
    void attendanceGivesAStreakAndAConsistencyRate() {
        Pair pair = pair();
        checkIns.agree(pair.dana(), pair.lee(), pair.partnership(), weekly("TUESDAY", "09:00", "Europe/Berlin"));
        List<String> ids = checkInsOf(pair.dana(), "2026-11-23", "2027-01-01").stream()
                .map(c -> c.get("id").asString())
                .toList();
        String attendance = "/attendance";

        // not before it starts
        api.post(pair.dana().token(), "/api/v1/checkins/" + ids.get(0) + attendance, Map.of("status", "HELD"))
                .expectProblem(422);
        clock.advance(Duration.ofDays(28)); // past the first four: 24 Nov, 1, 8 and 15 Dec
        api.post(pair.dana().token(), "/api/v1/checkins/" + ids.get(0) + attendance, Map.of("status", "HELD"))
                .expect(200);
        api.post(pair.lee().token(), "/api/v1/checkins/" + ids.get(1) + attendance, Map.of("status", "SKIPPED"))
                .expect(200);
        api.post(pair.lee().token(), "/api/v1/checkins/" + ids.get(2) + attendance, Map.of("status", "HELD"))
                .expect(200);
        api.post(pair.dana().token(), "/api/v1/checkins/" + ids.get(3) + attendance, Map.of("status", "HELD"))
                .expect(200);

        JsonNode consistency = api.get(pair.lee().token(), "/api/v1/checkins/" + ids.get(3))
                .expect(200)
                .json()
                .get("attendance");
        assertThat(consistency.get("streak").asInt()).isEqualTo(2);
        assertThat(consistency.get("held").asInt()).isEqualTo(3);
        assertThat(consistency.get("missed").asInt()).isEqualTo(1);
        assertThat(consistency.get("ratePercent").asInt()).isEqualTo(75);
        assertThat(api.get(pair.dana().token(), schedule(pair.partnership()))
                        .expect(200)
                        .json()
                        .get("attendance")
                        .get("streak")
                        .asInt())
                .isEqualTo(2);

        // three days after the next one (22 December), nobody recorded it: missed, and the streak is broken
        clock.advance(Duration.ofDays(4));
        JsonNode later = api.get(pair.lee().token(), "/api/v1/checkins/" + ids.get(3))
                .expect(200)
                .json()
                .get("attendance");
        assertThat(later.get("streak").asInt()).isZero();
        assertThat(later.get("missed").asInt()).isEqualTo(2);
    }

    @Test
    void aCheckInCanBeMovedToATimeToCome() {
        Pair pair = pair();
        checkIns.agree(pair.dana(), pair.lee(), pair.partnership(), weekly("TUESDAY", "09:00", "Europe/Berlin"));
        String id = checkInsOf(pair.dana(), "2026-11-23", "2026-11-30")
                .get(0)
                .get("id")
                .asString();
        String path = "/api/v1/checkins/" + id + "/attendance";

        JsonNode moved = api.post(
                        pair.lee().token(), path, Map.of("status", "MOVED", "movedTo", "2026-11-25T15:00:00Z"))
                .expect(200)
                .json();
        assertThat(moved.get("status").asString()).isEqualTo("MOVED");
        assertThat(moved.get("startsAt").asString()).isEqualTo("2026-11-25T15:00:00Z");
        assertThat(moved.get("movedFrom").asString()).isEqualTo("2026-11-24T08:00:00Z");

        api.post(pair.lee().token(), path, Map.of("status", "MOVED")).expectProblem(422);
        api.post(pair.lee().token(), path, Map.of("status", "MOVED", "movedTo", "2026-11-20T15:00:00Z"))
                .expectProblem(422);
        api.post(pair.lee().token(), path, Map.of("status", "MOVED", "movedTo", "soon"))
                .expectProblem(400);
        api.post(pair.lee().token(), path, Map.of("status", "LATE")).expectProblem(400);
    }

    @Test
    void noCheckInsAreWrittenForAPartnershipThatIsNotActive() {
        Pair pair = pair();
        api.post(pair.dana().token(), "/api/v1/partnerships/" + pair.partnership() + "/pause", Map.of())
                .expect(200);
        ApiResponse refused = api.send(
                HttpMethod.PUT,
                pair.dana().token(),
                schedule(pair.partnership()),
                weekly("TUESDAY", "09:00", "Europe/Berlin"));
        // as for a partnership that does not exist: a paused one has no check-ins to plan
        ApiResponse unknown = api.send(
                HttpMethod.PUT,
                pair.dana().token(),
                schedule(UUID.randomUUID()),
                weekly("TUESDAY", "09:00", "Europe/Berlin"));
        assertThat(((ObjectNode) refused.expectProblem(404)).without("instance"))
                .isEqualTo(((ObjectNode) unknown.expectProblem(404)).without("instance"));
    }

    @Test
    void listsCheckInsAPageAtATimeSoonestOrLatestFirstWithTheSameStatementsForMore() {
        Pair pair = pair();
        api.send(
                        HttpMethod.PUT,
                        pair.dana().token(),
                        schedule(pair.partnership()),
                        weekly("TUESDAY", "09:00", "Europe/Berlin"))
                .expect(200);
        api.post(pair.lee().token(), schedule(pair.partnership()) + "/accept", Map.of())
                .expect(200);
        List<String> all = checkInsOf(pair.dana(), "2026-11-23", "2027-11-01").stream()
                .map(c -> c.get("id").asString())
                .toList();
        assertThat(all).hasSizeGreaterThan(6);

        String listed = "/api/v1/checkins?from=2026-11-23&to=2027-11-01&limit=3&order=";
        List<String> soonest = api.followPages(pair.dana().token(), listed + "soonest").stream()
                .map(c -> c.get("id").asString())
                .toList();
        List<String> latest = api.followPages(pair.dana().token(), listed + "latest").stream()
                .map(c -> c.get("id").asString())
                .toList();
        assertThat(soonest).containsExactlyElementsOf(all);
        List<String> reversed = new ArrayList<>(all);
        java.util.Collections.reverse(reversed);
        assertThat(latest).containsExactlyElementsOf(reversed);

        api.expectPagingRefused(pair.dana().token(), "/api/v1/checkins", "order=sideways");

        String month = UUID.randomUUID().toString();
        String year = UUID.randomUUID().toString();
        int few = api.getCounted(pair.dana().token(), "/api/v1/checkins?from=2026-11-23&to=2026-12-09", month)
                .json()
                .get("items")
                .size();
        int many = api.getCounted(pair.dana().token(), "/api/v1/checkins?from=2026-11-23&to=2027-11-01&limit=100", year)
                .json()
                .get("items")
                .size();
        assertThat(many).isGreaterThan(2 * few);
        assertThat(counter.statements(year)).isEqualTo(counter.statements(month));
    }
}
