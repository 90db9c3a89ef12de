package dev.kept.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.StatementCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A person's and a team's track record on {@link InsightFixtures}' organization, every figure
 * checked against a count made by hand from the fixture (listed beside each assertion), the
 * intervals too: Wilson's 95 % interval, worked out as centre (p + z²/2n) / (1 + z²/n) and spread z
 * sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n) with z = 1.96.
 */
@KeptApiTest
class TrackRecordTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    StatementCounter counter;

    /** The default of {@code kept.insights.team-fresh-for}. */
    static final Duration TEAM_FRESH_FOR = Duration.ofMinutes(1);

    InsightFixtures fixtures;
    InsightFixtures.World world;

    @BeforeEach
    void organization() {
        clock.freezeAt(InsightFixtures.NOW);
        fixtures = new InsightFixtures(api, jdbc);
        world = fixtures.world();
    }

    private JsonNode mine(Account who, String query) {
        return api.get(who.token(), "/api/v1/insights/me" + query).expect(200).json();
    }

    private JsonNode team(Account who, UUID team, String query) {
        return api.get(who.token(), "/api/v1/insights/teams/" + team + query)
                .expect(200)
                .json();
    }

    private static void share(JsonNode share, long yes, long of, Double low, Double high) {
        assertThat(share.get("yes").asLong()).as("yes of %s", share).isEqualTo(yes);
        assertThat(share.get("of").asLong()).as("of of %s", share).isEqualTo(of);
        if (of == 0) {
            assertThat(share.get("rate").isNull()).isTrue();
            return;
        }
        assertThat(share.get("rate").asDouble()).isCloseTo((double) yes / of, within(1e-9));
        assertThat(share.get("low").asDouble()).as("low of %s", share).isCloseTo(low, within(0.0001));
        assertThat(share.get("high").asDouble()).as("high of %s", share).isCloseTo(high, within(0.0001));
        assertThat(share.get("enough").asBoolean()).isEqualTo(of >= 10);
    }

    private static JsonNode month(JsonNode record, String month) {
        for (JsonNode m : record.get("byMonth")) {
            if (m.get("month").asString().equals(month)) {
                return m.get("figures");
            }
        }
        throw new AssertionError("no " + month + " in " + record);
    }

    @Test
    void personsRatesEqualTheCountsByHand() {
        JsonNode record = mine(world.p(), "?months=6");
        assertThat(record.get("months").asInt()).isEqualTo(6);
        assertThat(record.get("from").asString()).isEqualTo("2026-01-01");
        assertThat(record.get("to").asString()).isEqualTo("2026-06-30");
        JsonNode total = record.get("total");
        // closed in Jan-Jun 2026: 1-10; dropped: 5; decided: the other 9
        assertThat(total.get("closed").asLong()).isEqualTo(10);
        assertThat(total.get("dropped").asLong()).isEqualTo(1);
        assertThat(total.get("decided").asLong()).isEqualTo(9);
        // kept: 1, 2, 3, 6, 8, 9, 10 = 7 of 9; p = .7778, centre .6947, spread .2421
        share(total.get("kept"), 7, 9, 0.4526, 0.9368);
        // on time: 1, 2 (23:30 in Berlin), 6, 10 = 4 of 9 (3 is 00:30 the next day in Berlin, 8 and 9 late)
        share(total.get("onTime"), 4, 9, 0.1888, 0.7333);
        // renegotiated: 5, 6, 7 = 3 of 10; before due: 5, 6 (7 after its due date, 8 declined) = 2 of 10
        share(total.get("renegotiated"), 3, 10, 0.1078, 0.6032);
        share(total.get("renegotiatedBeforeDue"), 2, 10, 0.0567, 0.5098);

        assertThat(record.get("byMonth").valueStream().map(m -> m.get("month").asString()))
                .containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
        assertThat(month(record, "2026-01").get("closed").asLong()).isZero();
        share(month(record, "2026-01").get("kept"), 0, 0, null, null);
        // March: 1, 2, 3 kept, 4 not kept, 5 dropped; 1 and 2 on time; 5 renegotiated before due
        JsonNode march = month(record, "2026-03");
        assertThat(march.get("closed").asLong()).isEqualTo(5);
        share(march.get("kept"), 3, 4, 0.3006, 0.9544);
        share(march.get("onTime"), 2, 4, 0.15, 0.85);
        share(march.get("renegotiatedBeforeDue"), 1, 5, 0.0362, 0.6245);
        // April: 6 and 8 kept, 7 partly; 6 on time
        JsonNode april = month(record, "2026-04");
        share(april.get("kept"), 2, 3, 0.2077, 0.9385);
        share(april.get("onTime"), 1, 3, 0.0615, 0.7923);
        share(april.get("renegotiated"), 2, 3, 0.2077, 0.9385);
        // 9 was closed on May 31st in UTC but June 1st in Berlin: June, and late
        share(month(record, "2026-05").get("onTime"), 1, 1, 0.2065, 1.0);
        share(month(record, "2026-06").get("kept"), 1, 1, 0.2065, 1.0);
        share(month(record, "2026-06").get("onTime"), 0, 1, 0.0, 0.7935);

        // open: 12, 13, 14, 15; at risk: 12 (confidence), 13 (behind, due in 3 days), 15 (silent)
        JsonNode risk = record.get("atRisk");
        assertThat(risk.get("open").asLong()).isEqualTo(4);
        assertThat(risk.get("atRisk").asLong()).isEqualTo(3);
        assertThat(risk.get("first").valueStream().map(c -> c.get("id").asString()))
                .containsExactly(
                        world.commitments().get("13").toString(),
                        world.commitments().get("12").toString(),
                        world.commitments().get("15").toString());

        // since March 17th: held May 1, 22, 29, June 12; skipped April 1; May 15 never recorded;
        // June 5 cancelled, June 14 within the two days of grace, June 20 to come
        JsonNode checkIns = record.get("checkIns");
        assertThat(checkIns.get("held").asLong()).isEqualTo(4);
        assertThat(checkIns.get("skipped").asLong()).isEqualTo(1);
        assertThat(checkIns.get("unrecorded").asLong()).isEqualTo(1);
        share(checkIns.get("consistency"), 4, 6, 0.3, 0.9032);
        // held after the last missed one (May 15): May 22, 29, June 12
        assertThat(checkIns.get("streak").asLong()).isEqualTo(3);

        // the concern of November 2025 is before the period; M2's push is not P's
        JsonNode challenges = record.get("challenges");
        assertThat(challenges.valueStream().map(c -> c.get("kind").asString()))
                .containsExactly("CONCERN", "PUSH", "QUESTION");
        assertThat(counts(challenges.get(0))).containsExactly(1L, 1L, 0L, 0L, 0L, 0L, 1L, 0L);
        assertThat(counts(challenges.get(1))).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(counts(challenges.get(2))).containsExactly(2L, 2L, 1L, 1L, 1L, 1L, 0L, 0L);
    }

    private static List<Long> counts(JsonNode challenge) {
        return Arrays.stream(new String[] {
                    "made", "answered", "helpful", "notHelpful", "kept", "notKept", "dropped", "stillOpen"
                })
                .map(field -> challenge.get(field).asLong())
                .toList();
    }

    @Test
    void twelveMonthsByDefaultAndTheEarlierCommitmentCounts() {
        JsonNode record = mine(world.p(), "");
        assertThat(record.get("months").asInt()).isEqualTo(12);
        assertThat(record.get("byMonth").size()).isEqualTo(12);
        // 11 (December 2025, on time) joins: kept 8 of 10, on time 5 of 10
        share(record.at("/total/kept"), 8, 10, 0.4902, 0.9433);
        share(record.at("/total/onTime"), 5, 10, 0.2366, 0.7634);
    }

    @Test
    void aPersonSeesOnlyTheirOwn() {
        // M2: 20 kept, 21 not kept, 22 (private) and 23 (partners) kept: all theirs, none of P's
        JsonNode record = mine(world.m2(), "?months=6");
        assertThat(record.get("personId").asString())
                .isEqualTo(world.m2().personId().toString());
        share(record.at("/total/kept"), 3, 4, 0.3006, 0.9544);
        assertThat(record.at("/atRisk/open").asLong()).isEqualTo(2);
        assertThat(record.at("/checkIns/skipped").asLong()).isEqualTo(1);
        assertThat(record.at("/challenges/0/kind").asString()).isEqualTo("PUSH");
        String page = api.get(world.p().token(), "/api/v1/insights/me").body();
        assertThat(page).doesNotContain(world.commitments().get("25").toString());
    }

    @Test
    void teamFiguresEqualTheCountsByHand() {
        JsonNode record = team(world.lead(), world.t(), "?months=6");
        assertThat(record.get("members").asLong()).isEqualTo(5);
        assertThat(record.get("counted").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("TEAM", "ORGANIZATION");
        JsonNode total = record.get("total");
        // P's 1, 2, 3, 4, 7, 8, 10 and M2's 20, 21 (organization or team); 5, 6, 9, 22, 23 never
        assertThat(total.get("closed").asLong()).isEqualTo(9);
        // kept: 1, 2, 3, 8, 10, 20; on time: 1, 2, 10, 20 (3 late in P's time zone, Berlin)
        share(total.get("kept"), 6, 9, 0.3542, 0.8794);
        share(total.get("onTime"), 4, 9, 0.1888, 0.7333);
        // renegotiated: 7, after its due date
        share(total.get("renegotiated"), 1, 9, 0.0199, 0.435);
        share(total.get("renegotiatedBeforeDue"), 0, 9, 0.0, 0.2991);
        // months in the viewer's time zone (UTC): March 1-4, April 7, 8, 20, 21, May 10
        share(month(record, "2026-03").get("kept"), 3, 4, 0.3006, 0.9544);
        share(month(record, "2026-04").get("kept"), 2, 4, 0.15, 0.85);
        share(month(record, "2026-04").get("onTime"), 1, 4, 0.0456, 0.6994);
        share(month(record, "2026-05").get("kept"), 1, 1, 0.2065, 1.0);

        // open and counted: 12, 14, 15, 24; at risk: 12, 15, 24 (13 and 25 are private)
        assertThat(record.at("/risk/open").asLong()).isEqualTo(4);
        assertThat(record.at("/risk/atRisk").asLong()).isEqualTo(3);

        // T's own goal G1, G2 co-owned with U; serving them: 1, 4, 14 of members (5 private),
        // 30 of X (31 is U's team content)
        JsonNode goals = record.get("goals");
        assertThat(goals.get("teamGoals").asLong()).isEqualTo(1);
        assertThat(goals.get("coOwnedGoals").asLong()).isEqualTo(1);
        assertThat(goals.at("/fromMembers/serving").asLong()).isEqualTo(3);
        assertThat(goals.at("/fromMembers/open").asLong()).isEqualTo(1);
        share(goals.at("/fromMembers/keptShare"), 1, 2, 0.0945, 0.9055);
        assertThat(goals.at("/fromOtherTeams/serving").asLong()).isEqualTo(1);
        share(goals.at("/fromOtherTeams/keptShare"), 1, 1, 0.2065, 1.0);

        // thanks: P to U given; X to T and X to P for 1 received (X to M2 for the private 22 not,
        // P to M2 is within the team, X to T in 2025 before the period)
        assertThat(record.at("/thanks/given").asLong()).isEqualTo(1);
        assertThat(record.at("/thanks/received").asLong()).isEqualTo(2);
        // help: X to T twice (one accepted; the withdrawn one aside), X to P, P to U and M2 to X
        JsonNode help = record.get("help");
        assertThat(help.get("shown").asBoolean()).isTrue();
        assertThat(help.get("toTeam").asLong()).isEqualTo(2);
        assertThat(help.get("toTeamAccepted").asLong()).isEqualTo(1);
        assertThat(help.get("toMembers").asLong()).isEqualTo(1);
        assertThat(help.get("given").asLong()).isEqualTo(2);

        // moves, last 12 weeks: W18 P's commitment 14 made to serve G2; W23 two offers of help;
        // W24 P's thanks to U
        JsonNode moves = record.get("moves");
        assertThat(moves.size()).isEqualTo(12);
        assertThat(moves.get(11).get("week").asString()).isEqualTo("2026-W25");
        assertThat(weekTotal(moves, "2026-W18")).isEqualTo(1);
        assertThat(weekTotal(moves, "2026-W23")).isEqualTo(2);
        assertThat(moves.get(9).at("/byMove/OFFER_HELP").asInt()).isEqualTo(2);
        assertThat(weekTotal(moves, "2026-W24")).isEqualTo(1);
        assertThat(moves.valueStream().mapToInt(w -> w.get("total").asInt()).sum())
                .isEqualTo(4);
    }

    private static int weekTotal(JsonNode moves, String week) {
        return moves.valueStream()
                .filter(w -> w.get("week").asString().equals(week))
                .findFirst()
                .orElseThrow()
                .get("total")
                .asInt();
    }

    @Test
    void aTeammatesPrivateOrPartnersCommitmentChangesNothing() {
        JsonNode before = team(world.p(), world.t(), "?months=6");
        assertThat(before).isEqualTo(team(world.m2(), world.t(), "?months=6"));
        UUID org = world.admin().organizationId();
        UUID hidden = fixtures.closed(org, world.m2(), "PRIVATE", "NOT_KEPT", "2026-04-01", "2026-04-02T10:00:00Z", 1);
        fixtures.closed(org, world.m2(), "PARTNERS", "NOT_KEPT", "2026-04-01", "2026-04-02T10:00:00Z", 0);
        fixtures.open(org, world.m2(), "PRIVATE", "2026-06-16", 0, "OFF_TRACK", null, null);
        jdbc.sql("update commitment set goal_id = (select goal_id from commitment where id = :one) where id = :id")
                .param("one", world.commitments().get("1"))
                .param("id", hidden)
                .update();
        clock.advance(TEAM_FRESH_FOR);
        JsonNode after = team(world.p(), world.t(), "?months=6");
        assertThat(after.get("countedAt")).isNotEqualTo(before.get("countedAt"));
        ((ObjectNode) after).set("countedAt", before.get("countedAt"));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aTeamsRecordIsCountedAgainOnlyOnceAMinuteOld() {
        JsonNode first = team(world.p(), world.t(), "?months=6");
        long closed = first.at("/total/closed").asLong();
        UUID org = world.admin().organizationId();
        fixtures.closed(org, world.m2(), "TEAM", "KEPT", "2026-06-01", "2026-06-01T10:00:00Z", 0);

        clock.advance(TEAM_FRESH_FOR.minusSeconds(1));
        JsonNode kept = team(world.p(), world.t(), "?months=6");
        assertThat(kept.get("countedAt")).isEqualTo(first.get("countedAt"));
        assertThat(kept.at("/total/closed").asLong()).isEqualTo(closed);
        // another kind of viewer (a teammate in another time zone, or another period) has its own count
        assertThat(team(world.m2(), world.t(), "?months=6").at("/total/closed").asLong())
                .isEqualTo(closed + 1);
        assertThat(Instant.parse(
                        team(world.p(), world.t(), "?months=7").get("countedAt").asString()))
                .isEqualTo(clock.instant());

        clock.advance(Duration.ofSeconds(1));
        JsonNode counted = team(world.p(), world.t(), "?months=6");
        assertThat(Instant.parse(counted.get("countedAt").asString()))
                .isEqualTo(Instant.parse(first.get("countedAt").asString()).plus(TEAM_FRESH_FOR));
        assertThat(counted.at("/total/closed").asLong()).isEqualTo(closed + 1);
        assertThat(api.page(api.pageSession(world.p()), "/insights/teams/" + world.t() + "?months=6")
                        .expect(200)
                        .body())
                .contains("Counted at 12:01 UTC");
    }

    @Test
    void aLeadOutsideTheTeamCountsOnlyWhatTheOrganizationSees() {
        // X leads a new team V without being in it; its member shares one with the team, one with all
        Account member = api.join(world.admin());
        UUID v = api.team(world.admin(), ApiFixtures.unique("V"), world.x());
        jdbc.sql("update person set team_id = :v where id = :id")
                .param("v", v)
                .param("id", member.personId())
                .update();
        UUID org = world.admin().organizationId();
        fixtures.closed(org, member, "ORGANIZATION", "KEPT", "2026-04-01", "2026-04-01T10:00:00Z", 0);
        fixtures.closed(org, member, "TEAM", "NOT_KEPT", "2026-04-01", "2026-04-01T10:00:00Z", 0);
        JsonNode asLead = team(world.x(), v, "?months=6");
        assertThat(asLead.get("counted").valueStream().map(JsonNode::asString)).containsExactly("ORGANIZATION");
        share(asLead.at("/total/kept"), 1, 1, 0.2065, 1.0);
        JsonNode asMember = team(member, v, "?months=6");
        share(asMember.at("/total/kept"), 1, 2, 0.0945, 0.9055);
        // one member: offers between single people are not counted
        assertThat(asMember.at("/help/shown").asBoolean()).isFalse();
        assertThat(asMember.at("/help/toMembers").isNull()).isTrue();
        assertThat(asMember.at("/help/given").isNull()).isTrue();
    }

    @Test
    void onlyTheTeamsMembersAndLeadOpenItsInsights() {
        String path = "/api/v1/insights/teams/" + world.t();
        api.get(world.x().token(), path).expectProblem(404);
        api.get(world.admin().token(), path).expectProblem(404);
        api.get(world.guest().token(), path).expectProblem(404);
        api.get(api.signUp().token(), path).expectProblem(404);
        api.get(world.p().token(), "/api/v1/insights/teams/" + UUID.randomUUID())
                .expectProblem(404);
        api.get(world.p().token(), "/api/v1/insights/teams/not-a-team").expectProblem(404);
        api.get(world.guest().token(), "/api/v1/insights/me").expectProblem(404);
        api.get(world.m4().token(), path).expect(200);
    }

    @Test
    void badPeriodsAre400NamingTheField() {
        for (String months : List.of("0", "37", "-1", "twelve", "1.5")) {
            ApiResponse mine = api.get(world.p().token(), "/api/v1/insights/me?months=" + months);
            mine.expectProblem(400);
            assertThat(mine.errorFields()).as(months).containsExactly("months");
            ApiResponse team = api.get(world.p().token(), "/api/v1/insights/teams/" + world.t() + "?months=" + months);
            team.expectProblem(400);
            assertThat(team.errorFields()).containsExactly("months");
        }
        assertThat(mine(world.p(), "?months=36").get("byMonth").size()).isEqualTo(36);
        assertThat(mine(world.p(), "?months=1").get("byMonth").size()).isEqualTo(1);
    }

    @Test
    void csvHoldsTheSameNumbers() {
        ApiResponse csv = csv(world.p(), "/api/v1/insights/me?months=6");
        assertThat(csv.contentType().toString()).startsWith("text/csv");
        assertThat(csv.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("measure,period,count,of,rate,low,high");
        assertThat(lines)
                .contains(
                        "closed,all,10,,,,",
                        "kept,all,7,9,0.7778,0.4526,0.9368",
                        "on_time,all,4,9,0.4444,0.1888,0.7333",
                        "renegotiated_before_due,all,2,10,0.2000,0.0567,0.5098",
                        "kept,2026-03,3,4,0.7500,0.3006,0.9544",
                        "kept,2026-01,0,0,,,",
                        "at_risk_now,now,3,,,,",
                        "check_in_consistency,last 90 days,4,6,0.6667,0.3000,0.9032",
                        "check_in_streak,now,3,,,,",
                        "challenges_question_helpful,all,1,,,,");
        List<String> team = csv(world.lead(), "/api/v1/insights/teams/" + world.t() + "?months=6")
                .body()
                .lines()
                .toList();
        assertThat(team)
                .contains(
                        "kept,all,6,9,0.6667,0.3542,0.8794",
                        "at_risk_now,now,3,4,0.7500,0.3006,0.9544",
                        "thanks_received_across_teams,all,2,,,,",
                        "help_offered_by_members,all,2,,,,",
                        "moves,2026-W23,2,,,,");
        // JSON stays the default, and wins when preferred
        assertThat(api.get(world.p().token(), "/api/v1/insights/me")
                        .contentType()
                        .toString())
                .startsWith("application/json");
    }

    private ApiResponse csv(Account who, String path) {
        return api.http()
                .get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + who.token())
                .header(HttpHeaders.ACCEPT, "text/csv")
                .exchange((request, response) -> new ApiResponse(
                        response.getStatusCode().value(),
                        HttpHeaders.copyOf(response.getHeaders()),
                        new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void pagesShowTheSentencesChartsAndDownloads() {
        String session = api.pageSession(world.p());
        String page = api.getPageCounted(session, "/insights?months=6", "page-" + UUID.randomUUID())
                .body();
        assertThat(page)
                .contains(
                        "You kept 7 of your 9 closed commitments that were not dropped (78 %, 95 % interval 45–94 %).")
                .contains("You kept 4 of them on time (44 %, 95 % interval 19–73 %).")
                .contains("3 of your 4 open commitments are at risk now")
                .contains("Streak: 3 check-ins held in a row.")
                .contains("<svg role=\"img\"")
                .contains("id=\"kept-chart\"")
                .contains("href=\"/insights/me.csv?months=6\"")
                .contains("href=\"/insights/teams/" + world.t() + "\"");
        ApiResponse csv = api.getPageCounted(session, "/insights/me.csv?months=6", "csv-" + UUID.randomUUID());
        assertThat(csv.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
        assertThat(csv.body()).contains("kept,all,7,9,0.7778,0.4526,0.9368");
        String teamPage = api.getPageCounted(
                        session, "/insights/teams/" + world.t() + "?months=6", "t-" + UUID.randomUUID())
                .body();
        assertThat(teamPage)
                .contains(
                        "The team kept 6 of 9 closed commitments that were not dropped (67 %, 95 % interval 35–88 %).")
                .contains("id=\"moves-chart\"");
        assertThat(api.getPageCounted(session, "/insights/teams/" + world.t() + ".csv", "tc-" + UUID.randomUUID())
                        .body())
                .contains("help_offered_to_team,all,2,,,,");

        assertThat(pageStatus(session, "/insights?months=37")).isEqualTo(400);
        assertThat(pageStatus(session, "/insights/me.csv?months=0")).isEqualTo(400);
        assertThat(pageStatus(session, "/insights/teams/" + world.t() + "?months=x"))
                .isEqualTo(400);
        String teamInsights = "href=\"/insights/teams/" + world.t() + "\"";
        assertThat(api.getPageCounted(session, "/teams/" + world.t(), "team-" + UUID.randomUUID())
                        .body())
                .contains(teamInsights);
        String outsider = api.pageSession(world.x());
        assertThat(api.getPageCounted(outsider, "/teams/" + world.t(), "team-" + UUID.randomUUID())
                        .body())
                .doesNotContain(teamInsights);
        assertThat(pageStatus(outsider, "/insights/teams/" + world.t())).isEqualTo(404);
        assertThat(pageStatus(outsider, "/insights/teams/" + world.t() + ".csv"))
                .isEqualTo(404);
    }

    private int pageStatus(String session, String path) {
        return api.http()
                .get()
                .uri(path)
                .header(HttpHeaders.COOKIE, session)
                .exchange((request, response) -> response.getStatusCode().value());
    }

    @Test
    void statementsDoNotGrowWithTheData() {
        fixtures.more(world, 2);
        clock.freezeAt(InsightFixtures.NOW);
        InsightFixtures.World larger = fixtures.world();
        fixtures.more(larger, 20);
        assertThat(statements(larger.p(), "/api/v1/insights/me"))
                .isEqualTo(statements(world.p(), "/api/v1/insights/me"));
        assertThat(teamStatements(larger.lead(), "/api/v1/insights/teams/" + larger.t()))
                .isEqualTo(teamStatements(world.lead(), "/api/v1/insights/teams/" + world.t()));
        String small = api.pageSession(world.lead());
        String large = api.pageSession(larger.lead());
        assertThat(pageStatements(large, "/insights/teams/" + larger.t()))
                .isEqualTo(pageStatements(small, "/insights/teams/" + world.t()));
        assertThat(counter.statementsOf(key -> api.getPageCounted(large, "/insights", key)))
                .isEqualTo(counter.statementsOf(key -> api.getPageCounted(small, "/insights", key)));
        assertThat(teamStatements(world.lead(), "/api/v1/insights/teams/" + world.t()))
                .isLessThan(30);
        // the larger one is larger
        assertThat(team(larger.lead(), larger.t(), "").at("/total/closed").asLong())
                .isGreaterThan(
                        team(world.lead(), world.t(), "").at("/total/closed").asLong());
    }

    private long statements(Account who, String path) {
        return counter.statementsOf(key -> api.getCounted(who.token(), path, key));
    }

    /** The statements of one request for a team's record, a minute on: counted, not shown again. */
    private long teamStatements(Account who, String path) {
        clock.advance(TEAM_FRESH_FOR);
        return statements(who, path);
    }

    private long pageStatements(String session, String path) {
        clock.advance(TEAM_FRESH_FOR);
        return counter.statementsOf(key -> api.getPageCounted(session, path, key));
    }
}
