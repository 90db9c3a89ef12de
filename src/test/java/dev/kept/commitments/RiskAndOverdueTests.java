package dev.kept.commitments;

import static dev.kept.SignedIn.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.people.Accounts;
import dev.kept.people.People;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * Each reason a commitment is at risk, appearing and going at the right moment on a clock the test
 * moves, as one commitment, in the list filter and on the dashboard; and the in-app reminder of a
 * commitment past its due date in the owner's time zone and not yet assessed.
 */
@KeptApiTest
@RecordApplicationEvents
class RiskAndOverdueTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    OverdueReminders reminders;

    @Autowired
    Commitments commitments;

    @Autowired
    CommitmentLists commitmentLists;

    @Autowired
    People people;

    @Autowired
    Accounts accounts;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void stopTime() {
        clock.freeze();
    }

    // --- at risk -----------------------------------------------------------------------------

    @Test
    void confidenceAtRiskOrOffTrackFlagsItUntilTheOwnerIsOnTrackAgain() {
        Account owner = api.signUp();
        UUID id = api.commit(owner, today().plusDays(30), "PRIVATE");
        assertRisks(owner, id);

        progress(owner, id, Map.of("confidence", "AT_RISK"));

        assertRisks(owner, id, "CONFIDENCE");
        assertThat(api.get(owner.token(), path(id))
                        .json()
                        .at("/riskReasons/0/text")
                        .asString())
                .isEqualTo(RiskReason.CONFIDENCE.text());

        progress(owner, id, Map.of("confidence", "ON_TRACK"));
        assertRisks(owner, id);

        progress(owner, id, Map.of("confidence", "OFF_TRACK"));
        assertRisks(owner, id, "CONFIDENCE");
    }

    @Test
    void behindWhenTheDueDateComesWithinAWeekWithLessThanHalfDone() {
        Account owner = api.signUp();
        UUID id = api.commit(owner, today().plusDays(10), "PRIVATE");
        progress(owner, id, Map.of("percent", 40, "confidence", "ON_TRACK"));

        clock.advance(Duration.ofDays(2));
        assertRisks(owner, id);

        clock.advance(Duration.ofDays(1));
        assertRisks(owner, id, "BEHIND");

        progress(owner, id, Map.of("percent", 50, "confidence", "ON_TRACK"));
        assertRisks(owner, id);
    }

    @Test
    void behindWithLessThanHalfTheMilestonesDoneEvenPastHalfTheProgress() {
        Account owner = api.signUp();
        UUID id = api.commit(owner, today().plusDays(10), "PRIVATE");
        milestone(owner, id, "Draft the checklist", today().plusDays(2));
        milestone(owner, id, "Review it with two engineers", today().plusDays(5));
        progress(owner, id, Map.of("percent", 60, "confidence", "ON_TRACK"));
        assertRisks(owner, id);

        clock.advance(Duration.ofDays(3));
        assertRisks(owner, id, "BEHIND");

        api.patch(owner.token(), path(id) + "/milestones/1", Map.of("done", true))
                .expect(200);
        assertRisks(owner, id);

        milestone(owner, id, "Publish it", today().plusDays(6));
        assertRisks(owner, id, "BEHIND");
    }

    @Test
    void silentAfterFourteenDaysWithoutAnUpdateUntilTheNextOne() {
        Account owner = api.signUp();
        UUID id = api.commit(owner, today().plusDays(60), "PRIVATE");

        clock.advance(Duration.ofDays(14).minusMinutes(1));
        assertRisks(owner, id);

        clock.advance(Duration.ofMinutes(2));
        assertRisks(owner, id, "SILENT");

        progress(owner, id, Map.of("percent", 10, "confidence", "ON_TRACK"));
        assertRisks(owner, id);

        clock.advance(Duration.ofDays(15));
        assertRisks(owner, id, "SILENT");
    }

    @Test
    void everyReasonAtOnceAndNoneOnceClosed() {
        Account owner = api.signUp();
        UUID id = api.commit(owner, today().plusDays(20), "PRIVATE");
        progress(owner, id, Map.of("percent", 20, "confidence", "OFF_TRACK"));

        clock.advance(Duration.ofDays(15));
        assertRisks(owner, id, "CONFIDENCE", "BEHIND", "SILENT");

        api.post(owner.token(), path(id) + "/verification", Map.of("outcome", "DROPPED", "reflection", "Too much"))
                .expect(200);
        assertRisks(owner, id);
    }

    @Test
    void aPartnerSeesTheSameReasons() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account partner = api.join(admin);
        api.partnership(owner, partner, "PEER");
        UUID id = api.commit(owner, today().plusDays(5), "PARTNERS");

        JsonNode seen = api.get(partner.token(), path(id)).expect(200).json();

        assertThat(codes(seen)).containsExactly("BEHIND");
        assertThat(seen.get("atRisk").asBoolean()).isTrue();
        assertThat(ids(api.get(partner.token(), "/api/v1/commitments?status=AT_RISK")
                        .expect(200)
                        .json()))
                .containsExactly(id.toString());
    }

    // --- overdue -----------------------------------------------------------------------------

    @Test
    void remindsOnceWhenTheDueDatePassesInTheOwnersTimeZoneBehindUtc() {
        Account owner = api.signUp();
        ZoneId honolulu = livesIn(owner, "Pacific/Honolulu");
        LocalDate due = today().plusDays(1);
        moveTo(due.atTime(12, 0).atZone(honolulu).toInstant());
        UUID id = api.commit(owner, due, "PRIVATE");

        moveTo(due.atTime(23, 30).atZone(honolulu).toInstant());
        assertThat(LocalDate.now(clock.withZone(ZoneOffset.UTC)))
                .as("past the due date in UTC")
                .isAfter(due);
        reminders.remind();

        assertThat(overdueEvents(id)).isEmpty();
        assertThat(api.get(owner.token(), path(id)).json().get("overdue").asBoolean())
                .isFalse();

        moveTo(due.plusDays(1).atTime(0, 30).atZone(honolulu).toInstant());
        reminders.remind();

        assertThat(overdueEvents(id))
                .containsExactly(new CommitmentOverdue(owner.organizationId(), id, owner.personId(), due));
        assertThat(awaitOverdueNotices(owner, 1).get(0).get("text").asString())
                .isEqualTo("One of your commitments was due on " + due + ": assess the outcome and reflect.");
        assertThat(api.get(owner.token(), path(id)).json().get("overdue").asBoolean())
                .isTrue();

        clock.advance(Duration.ofDays(2));
        reminders.remind();

        assertThat(overdueEvents(id)).as("a second run reminds of nothing").hasSize(1);
        assertThat(overdueNotices(owner)).hasSize(1);
    }

    @Test
    void remindsWhenTheDueDatePassesInTheOwnersTimeZoneAheadOfUtc() {
        Account owner = api.signUp();
        ZoneId kiritimati = livesIn(owner, "Pacific/Kiritimati");
        LocalDate due = LocalDate.now(clock.withZone(kiritimati)).plusDays(1);
        moveTo(due.atTime(2, 0).atZone(kiritimati).toInstant());
        UUID id = api.commit(owner, due, "PRIVATE");

        moveTo(due.atTime(23, 30).atZone(kiritimati).toInstant());
        reminders.remind();
        assertThat(overdueEvents(id)).isEmpty();

        moveTo(due.plusDays(1).atTime(0, 30).atZone(kiritimati).toInstant());
        assertThat(LocalDate.now(clock.withZone(ZoneOffset.UTC)))
                .as("still the due date in UTC")
                .isEqualTo(due);
        reminders.remind();

        assertThat(overdueEvents(id)).hasSize(1);
        assertThat(awaitOverdueNotices(owner, 1)).hasSize(1);
    }

    @Test
    void remindsAgainWhenARenegotiatedLaterDatePassesToo() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account partner = api.join(admin);
        api.partnership(owner, partner, "PEER");
        LocalDate due = today().plusDays(3);
        LocalDate later = due.plusDays(7);
        UUID id = api.commit(owner, due, "PARTNERS");
        api.post(
                        owner.token(),
                        path(id) + "/renegotiations",
                        Map.of("reason", "Waiting on IT", "due", later.toString()))
                .expect(201);

        moveTo(due.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC));
        reminders.remind();
        awaitOverdueNotices(owner, 1);

        api.post(partner.token(), path(id) + "/renegotiations/1/accept", Map.of())
                .expect(200);
        reminders.remind();
        assertThat(overdueEvents(id)).as("the new date has not passed").hasSize(1);
        assertThat(api.get(owner.token(), path(id)).json().get("overdue").asBoolean())
                .isFalse();

        moveTo(later.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC));
        reminders.remind();
        reminders.remind();

        assertThat(overdueEvents(id))
                .containsExactly(
                        new CommitmentOverdue(owner.organizationId(), id, owner.personId(), due),
                        new CommitmentOverdue(owner.organizationId(), id, owner.personId(), later));
        assertThat(awaitOverdueNotices(owner, 2))
                .extracting(n -> n.get("text").asString())
                .containsExactlyInAnyOrder(
                        "One of your commitments was due on " + due + ": assess the outcome and reflect.",
                        "One of your commitments was due on " + later + ": assess the outcome and reflect.");
    }

    @Test
    void remindsOfNothingClosed() {
        Account owner = api.signUp();
        UUID closedEarly = api.commit(owner, today().plusDays(1), "PRIVATE");
        UUID stillOpen = api.commit(owner, today().plusDays(1), "PRIVATE");
        api.post(
                        owner.token(),
                        path(closedEarly) + "/verification",
                        Map.of("outcome", "KEPT", "reflection", "Done a day early"))
                .expect(200);

        clock.advance(Duration.ofDays(3));
        reminders.remind();

        assertThat(overdueEvents(stillOpen)).hasSize(1);
        assertThat(overdueEvents(closedEarly)).isEmpty();
        assertThat(awaitOverdueNotices(owner, 1).get(0).get("link").asString()).isEqualTo("/commitments/" + stillOpen);
    }

    // --- helpers -----------------------------------------------------------------------------

    @Test
    void partlyKeptAndNotKeptAreAssessedAtOrAfterTheDueDateKeptAndDroppedAnyTime() {
        Account owner = api.signUp();
        UUID early = api.commit(owner, today().plusDays(5), "PRIVATE");
        UUID dropped = api.commit(owner, today().plusDays(5), "PRIVATE");
        UUID done = api.commit(owner, today().plusDays(5), "PRIVATE");

        for (String outcome : java.util.List.of("PARTLY_KEPT", "NOT_KEPT")) {
            JsonNode problem = api.post(
                            owner.token(),
                            path(early) + "/verification",
                            Map.of("outcome", outcome, "reflection", "Hm"))
                    .expectProblem(422);
            assertThat(problem.get("reason").asString()).isEqualTo("TOO_EARLY");
            assertThat(problem.get("field").asString()).isEqualTo("outcome");
        }
        assertThat(api.get(owner.token(), path(early)).text("status")).isEqualTo("OPEN");
        api.post(owner.token(), path(dropped) + "/verification", Map.of("outcome", "DROPPED", "reflection", "Obsolete"))
                .expect(200);
        api.post(owner.token(), path(done) + "/verification", Map.of("outcome", "KEPT", "reflection", "Early"))
                .expect(200);

        clock.advance(Duration.ofDays(5));
        JsonNode closed = api.post(
                        owner.token(),
                        path(early) + "/verification",
                        Map.of("outcome", "PARTLY_KEPT", "reflection", "Half"))
                .expect(200)
                .json();
        assertThat(closed.get("outcome").asString()).isEqualTo("PARTLY_KEPT");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private void moveTo(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    private ZoneId livesIn(Account account, String zone) {
        accounts.updateProfile(caller(account), null, zone);
        return ZoneId.of(zone);
    }

    private static String path(UUID id) {
        return "/api/v1/commitments/" + id;
    }

    private void progress(Account owner, UUID id, Map<String, Object> report) {
        api.post(owner.token(), path(id) + "/progress", report).expect(201);
    }

    private void milestone(Account owner, UUID id, String title, LocalDate due) {
        api.post(owner.token(), path(id) + "/milestones", Map.of("title", title, "due", due.toString()))
                .expect(201);
    }

    /**
     * Asserts the reasons, in their order, on the commitment itself, in the at-risk list and on the
     * owner's dashboard, which must all agree.
     */
    private void assertRisks(Account owner, UUID id, String... reasons) {
        JsonNode one = api.get(owner.token(), path(id)).expect(200).json();
        assertThat(codes(one)).as("riskReasons").containsExactly(reasons);
        assertThat(one.get("atRisk").asBoolean()).as("atRisk").isEqualTo(reasons.length > 0);

        JsonNode listed = api.get(owner.token(), "/api/v1/commitments?owner=" + owner.personId())
                .expect(200)
                .json();
        JsonNode inList = listed.get("items")
                .valueStream()
                .filter(c -> c.get("id").asString().equals(id.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(codes(inList)).as("riskReasons in the list").containsExactly(reasons);

        List<String> atRisk = ids(api.get(owner.token(), "/api/v1/commitments?status=AT_RISK")
                .expect(200)
                .json());
        List<UUID> onDashboard = commitmentLists.dashboard(caller(owner)).atRisk().stream()
                .map(CommitmentView::id)
                .toList();
        if (reasons.length > 0) {
            assertThat(atRisk).as("the at-risk list").contains(id.toString());
            assertThat(onDashboard).as("at risk on the dashboard").contains(id);
        } else {
            assertThat(atRisk).as("the at-risk list").doesNotContain(id.toString());
            assertThat(onDashboard).as("at risk on the dashboard").doesNotContain(id);
        }
    }

    private static List<String> codes(JsonNode commitment) {
        return commitment
                .get("riskReasons")
                .valueStream()
                .map(r -> r.get("code").asString())
                .toList();
    }

    private static List<String> ids(JsonNode list) {
        return (list.isArray() ? list : list.get("items"))
                .valueStream()
                .map(c -> c.get("id").asString())
                .toList();
    }

    private List<CommitmentOverdue> overdueEvents(UUID id) {
        return events.stream(CommitmentOverdue.class)
                .filter(e -> e.commitmentId().equals(id))
                .toList();
    }

    private List<JsonNode> overdueNotices(Account owner) {
        return api.get(owner.token(), "/api/v1/notifications")
                .expect(200)
                .json()
                .get("items")
                .valueStream()
                .filter(n -> n.get("kind").asString().equals("COMMITMENT_OVERDUE"))
                .toList();
    }

    /** The owner's overdue notifications, once there are as many as expected (they come after the commit). */
    private List<JsonNode> awaitOverdueNotices(Account owner, int expected) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> overdueNotices(owner), notices -> notices.size() >= expected);
    }
}
