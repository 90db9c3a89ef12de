package dev.kept.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.StatementCounter;
import dev.kept.people.PeopleFixtures;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The map of a goal tree and the weekly everyday moves over the API. Platform's goal serves the
 * organization's goal and is co-owned with Support; each team's members commit to it with
 * different visibilities.
 */
@KeptApiTest
class MapAndMovesApiTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    StatementCounter counter;

    @Autowired
    JdbcClient jdbc;

    record Squad(UUID id, Account lead, Account member, Account other) {}

    Account admin;
    Squad platform;
    Squad support;
    UUID orgGoal;
    UUID teamGoal;

    @BeforeEach
    void organization() {
        admin = api.signUp();
        platform = squad("Platform");
        support = squad("Support");
        orgGoal = api.post(admin.token(), "/api/v1/goals", goal("Customers succeed in month one", null, null))
                .expect(201)
                .id();
        teamGoal = api.post(
                        platform.lead().token(),
                        "/api/v1/goals",
                        goal("Onboarding takes a day", platform.id(), orgGoal))
                .expect(201)
                .id();
    }

    private Squad squad(String name) {
        UUID team = api.post(admin.token(), "/api/v1/teams", Map.of("name", ApiFixtures.unique(name)))
                .expect(201)
                .id();
        Account lead = api.join(admin, Map.of("teamId", team.toString()));
        api.patch(
                        admin.token(),
                        "/api/v1/teams/" + team,
                        Map.of("leadId", lead.personId().toString()))
                .expect(200);
        return new Squad(
                team,
                lead,
                api.join(admin, Map.of("teamId", team.toString())),
                api.join(admin, Map.of("teamId", team.toString())));
    }

    private Map<String, Object> goal(String title, UUID team, UUID parent) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("title", title);
        terms.put("why", "Customers who succeed early stay");
        terms.put("doneWhen", "Nine in ten are active after a month");
        terms.put("due", LocalDate.now(clock).plusDays(90).toString());
        if (team != null) {
            terms.put("teamId", team.toString());
        }
        if (parent != null) {
            terms.put("parentId", parent.toString());
        }
        return terms;
    }

    private UUID commit(Account owner, String what, String visibility, UUID goal) {
        Map<String, Object> terms = ApiFixtures.clearTerms(LocalDate.now(clock).plusDays(20), visibility);
        terms.put("what", what);
        terms.put("goalId", goal.toString());
        return UUID.fromString(api.commit(owner, terms).get("id").asString());
    }

    private void coOwn() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("invitedTeamIds", List.of(support.id().toString()));
        body.put(
                "contributions",
                Map.of(
                        platform.id().toString(), "Build the setup wizard",
                        support.id().toString(), "Run the first-week calls"));
        UUID proposal = api.post(platform.lead().token(), "/api/v1/goals/" + teamGoal + "/proposals", body)
                .expect(201)
                .id();
        api.post(
                        support.lead().token(),
                        "/api/v1/goals/" + teamGoal + "/proposals/" + proposal + "/accept",
                        Map.of("round", 1))
                .expect(200);
    }

    private static JsonNode lane(JsonNode map, UUID team) {
        for (JsonNode lane : map.get("lanes")) {
            if (team.toString().equals(lane.get("teamId").asString())) {
                return lane;
            }
        }
        throw new AssertionError("no lane for " + team + " in " + map);
    }

    private static List<String> whats(JsonNode map) {
        return map.at("/commitments/items")
                .valueStream()
                .map(c -> c.get("what").asString())
                .toList();
    }

    @Test
    void theMapCountsEachTeamsWorkAndShowsOnlyWhatTheViewerMaySee() {
        coOwn();
        commit(platform.member(), "Ship the setup wizard", "ORGANIZATION", teamGoal);
        commit(support.member(), "Call every new customer in week one", "TEAM", teamGoal);
        commit(support.member(), "Private: rewrite my call script", "PRIVATE", teamGoal);
        commit(platform.other(), "Measure time to first value", "ORGANIZATION", orgGoal);

        JsonNode seenByPlatform = api.get(platform.member().token(), "/api/v1/goals/" + orgGoal + "/map")
                .expect(200)
                .json();
        assertThat(seenByPlatform.get("rootId").asString()).isEqualTo(orgGoal.toString());
        assertThat(whats(seenByPlatform)).containsExactly("Measure time to first value");
        assertThat(seenByPlatform.at("/here/visible").asLong()).isEqualTo(1);
        // One level at a time: the team goal is a child with its counts and its own map.
        assertThat(seenByPlatform.get("children").size()).isEqualTo(1);
        JsonNode child = seenByPlatform.get("children").get(0);
        assertThat(child.get("goalId").asString()).isEqualTo(teamGoal.toString());
        assertThat(child.get("map").asString()).isEqualTo("/api/v1/goals/" + teamGoal + "/map");
        assertThat(child.get("owners")
                        .valueStream()
                        .map(o -> o.get("contribution").asString()))
                .containsExactly("Build the setup wizard", "Run the first-week calls");
        assertThat(child.at("/tally/visible").asLong()).isEqualTo(1);
        assertThat(child.at("/tally/open").asLong()).isEqualTo(1);
        assertThat(child.at("/tally/hidden").asLong()).isEqualTo(2);
        // Each team's part over the whole tree: what the viewer sees by state, the rest as a count.
        assertThat(lane(seenByPlatform, platform.id()).at("/tally/visible").asLong())
                .isEqualTo(2);
        assertThat(lane(seenByPlatform, support.id()).at("/tally/visible").asLong())
                .isZero();
        assertThat(lane(seenByPlatform, support.id()).at("/tally/hidden").asLong())
                .isEqualTo(2);
        assertThat(seenByPlatform.get("totals").get("hidden").asLong()).isEqualTo(2);
        assertThat(seenByPlatform.get("totals").get("commitments").asLong()).isEqualTo(2);
        assertThat(seenByPlatform.toString()).doesNotContain("call script").doesNotContain("Call every new customer");

        // Support's other member sees the team commitment, not the private one.
        JsonNode seenBySupport = api.get(support.other().token(), "/api/v1/goals/" + orgGoal + "/map")
                .expect(200)
                .json();
        assertThat(lane(seenBySupport, support.id()).at("/tally/visible").asLong())
                .isEqualTo(1);
        assertThat(lane(seenBySupport, support.id()).at("/tally/hidden").asLong())
                .isEqualTo(1);
        assertThat(seenBySupport.toString()).doesNotContain("call script");

        // The team goal's own map lists what serves it and has no child; its lanes name the co-owners.
        JsonNode teamMap = api.get(support.other().token(), "/api/v1/goals/" + teamGoal + "/map")
                .expect(200)
                .json();
        assertThat(teamMap.get("children").size()).isZero();
        assertThat(whats(teamMap))
                .containsExactlyInAnyOrder("Ship the setup wizard", "Call every new customer in week one");
        assertThat(lane(teamMap, support.id()).get("contribution").asString()).isEqualTo("Run the first-week calls");
        assertThat(teamMap.toString()).doesNotContain("call script");
        // Outsiders and guests: as if it did not exist.
        api.get(api.signUp().token(), "/api/v1/goals/" + orgGoal + "/map").expectProblem(404);
        Account guest = api.guest(platform.member(), "COACH");
        api.get(guest.token(), "/api/v1/goals/" + orgGoal + "/map").expectProblem(404);
        api.get(platform.member().token(), "/api/v1/goals/" + UUID.randomUUID() + "/map")
                .expectProblem(404);
    }

    @Test
    void movesAreCountedPerPersonAndPerTeamForTheWeek() {
        coOwn();
        UUID wizard = commit(platform.member(), "Ship the setup wizard", "PRIVATE", teamGoal);
        api.post(
                        platform.member().token(),
                        "/api/v1/commitments/" + wizard + "/progress",
                        Map.of("percent", 40, "confidence", "ON_TRACK", "note", "First screens done"))
                .expect(201);

        JsonNode mine = api.get(platform.member().token(), "/api/v1/me/moves")
                .expect(200)
                .json();
        assertThat(count(mine, "MAKE_VISIBLE")).isEqualTo(2);
        assertThat(count(mine, "CO_OWN_GOAL")).isZero();
        assertThat(mine.get("kindsMade").asInt()).isEqualTo(1);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        assertThat(mine.get("week").asString())
                .isEqualTo(today.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                        + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));

        JsonNode lead =
                api.get(platform.lead().token(), "/api/v1/me/moves").expect(200).json();
        assertThat(count(lead, "CO_OWN_GOAL")).isEqualTo(1);

        JsonNode team = api.get(platform.other().token(), "/api/v1/teams/" + platform.id() + "/moves")
                .expect(200)
                .json();
        assertThat(count(team, "CO_OWN_GOAL")).isEqualTo(1);
        assertThat(count(team, "MAKE_VISIBLE")).isEqualTo(2);
        assertThat(team.get("total").asInt()).isEqualTo(3);
        assertThat(team.toString()).doesNotContain(platform.member().personId().toString());

        JsonNode supportTeam = api.get(support.member().token(), "/api/v1/teams/" + support.id() + "/moves")
                .expect(200)
                .json();
        assertThat(count(supportTeam, "CO_OWN_GOAL")).isEqualTo(1);

        // Another team's count is its own; a bad week is named; last week had none of this.
        api.get(support.member().token(), "/api/v1/teams/" + platform.id() + "/moves")
                .expectProblem(404);
        assertThat(api.get(platform.member().token(), "/api/v1/me/moves?week=2026-48")
                        .errorFields())
                .containsExactly("week");
        api.get(platform.member().token(), "/api/v1/me/moves?week=2026-W60").expectProblem(422);
        LocalDate lastWeek = today.minusWeeks(1);
        String previous = lastWeek.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", lastWeek.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        assertThat(api.get(platform.member().token(), "/api/v1/me/moves?week=" + previous)
                        .expect(200)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void theMapShowsFlagsHelpAndThanksWhereTheViewerSeesTheCommitment() {
        coOwn();
        UUID shown = commit(platform.member(), "Ship the setup wizard", "ORGANIZATION", teamGoal);
        UUID teamOnly = commit(platform.member(), "Tune the wizard's copy", "TEAM", teamGoal);
        // Support's member speaks up on both, offering time on the first; the owner takes the help
        // and thanks Support.
        Map<String, Object> flag = new LinkedHashMap<>();
        flag.put("targetType", "COMMITMENT");
        flag.put("targetId", shown.toString());
        flag.put("noticed", "The wizard has had no update for two weeks");
        flag.put("question", "Is the import step blocking you?");
        flag.put("help", Map.of("kind", "TIME", "what", "Two afternoons of testing with real customers"));
        JsonNode raised = api.post(support.member().token(), "/api/v1/flags", flag)
                .expect(201)
                .json();
        api.post(
                        platform.member().token(),
                        "/api/v1/help-offers/" + raised.get("helpOfferId").asString() + "/accept",
                        Map.of())
                .expect(200);
        Map<String, Object> thanks = new LinkedHashMap<>();
        thanks.put("toTeamId", support.id().toString());
        thanks.put("message", "Your testing found the import bug");
        thanks.put("forType", "COMMITMENT");
        thanks.put("forId", shown.toString());
        api.post(platform.member().token(), "/api/v1/kudos", thanks).expect(201);
        Map<String, Object> quiet = new LinkedHashMap<>(flag);
        quiet.put("targetId", teamOnly.toString());
        quiet.put("noticed", "The copy review has not started");
        quiet.remove("help");
        api.post(platform.other().token(), "/api/v1/flags", quiet).expect(201);

        JsonNode node = api.get(support.other().token(), "/api/v1/goals/" + teamGoal + "/map")
                .expect(200)
                .json();
        assertThat(node.get("flags").valueStream().map(f -> f.get("text").asString()))
                .containsExactly("The wizard has had no update for two weeks");
        assertThat(node.get("help").get(0).get("text").asString())
                .isEqualTo("Two afternoons of testing with real customers");
        assertThat(node.get("thanks").get(0).get("text").asString()).isEqualTo("Your testing found the import bug");
        assertThat(node.get("thanks").get(0).get("who").asString()).endsWith("(across teams)");
        assertThat(node.toString()).doesNotContain("copy review");

        JsonNode seenByTeammate = api.get(platform.other().token(), "/api/v1/goals/" + teamGoal + "/map")
                .expect(200)
                .json();
        assertThat(seenByTeammate.get("flags").size()).isEqualTo(2);
        assertThat(seenByTeammate.get("totals").get("openFlags").asInt()).isEqualTo(2);

        // Offering help, asking advice, explaining a decision and thanking across teams are moves.
        api.post(
                        support.lead().token(),
                        "/api/v1/advice-requests",
                        Map.of("question", "How do you test an import?", "areas", List.of("testing")))
                .expect(201);
        api.post(
                        support.lead().token(),
                        "/api/v1/decisions",
                        Map.of(
                                "title", "Calls before tickets",
                                "decision", "New customers get a call before any ticket",
                                "options", List.of("Tickets only", "Calls first"),
                                "servesOrganization", "Customers stay, and Sales hears their needs",
                                "teamIds", List.of(platform.id().toString())))
                .expect(201);
        JsonNode support = api.get(this.support.member().token(), "/api/v1/me/moves")
                .expect(200)
                .json();
        assertThat(count(support, "OFFER_HELP")).isEqualTo(1);
        JsonNode team = api.get(this.support.lead().token(), "/api/v1/teams/" + this.support.id() + "/moves")
                .expect(200)
                .json();
        assertThat(count(team, "OFFER_HELP")).isEqualTo(1);
        assertThat(count(team, "ASK_ADVICE")).isEqualTo(1);
        assertThat(count(team, "EXPLAIN_DECISION")).isEqualTo(1);
        assertThat(count(team, "CO_OWN_GOAL")).isEqualTo(1);
        JsonNode platformMember = api.get(platform.member().token(), "/api/v1/me/moves")
                .expect(200)
                .json();
        assertThat(count(platformMember, "THANK")).isEqualTo(1);
        assertThat(count(platformMember, "MAKE_VISIBLE")).isEqualTo(2);
    }

    @Test
    void theLeadOfATeamThatCoOwnsAGoalAnswersFlagsOnIt() {
        Map<String, Object> flag = new LinkedHashMap<>();
        flag.put("targetType", "GOAL");
        flag.put("targetId", teamGoal.toString());
        flag.put("noticed", "No commitment serves this goal yet");
        flag.put("question", "Who is picking up the setup wizard?");
        UUID before = api.post(support.other().token(), "/api/v1/flags", flag)
                .expect(201)
                .id();
        api.post(support.lead().token(), "/api/v1/flags/" + before + "/answer", Map.of("answer", "Not ours yet"))
                .expectProblem(403);
        coOwn();
        UUID after = api.post(support.other().token(), "/api/v1/flags", flag)
                .expect(201)
                .id();
        api.awaitNotification(support.lead(), "raised a flag");
        assertThat(api.post(
                                support.lead().token(),
                                "/api/v1/flags/" + after + "/answer",
                                Map.of("answer", "Support runs the calls; Platform builds it"))
                        .expect(200)
                        .json()
                        .get("answer")
                        .asString())
                .isEqualTo("Support runs the calls; Platform builds it");
        api.post(platform.lead().token(), "/api/v1/flags/" + before + "/answer", Map.of("answer", "On it"))
                .expect(200);
    }

    @Test
    void showsATeamsMovesInTheSameStatementsForTenTimesAsManyPeople() {
        long small = statementsForTheTeamsMoves(3);
        long large = statementsForTheTeamsMoves(30);

        assertThat(large).isEqualTo(small);
    }

    /** Adds {@code count} people to Platform and as many outside it, then counts the team's moves. */
    private long statementsForTheTeamsMoves(int count) {
        PeopleFixtures people = new PeopleFixtures(jdbc);
        people.people(admin.organizationId(), "Platform", count, null, platform.id(), null);
        people.people(admin.organizationId(), "Elsewhere", count, null, null, null);
        String path = "/api/v1/teams/" + platform.id() + "/moves";
        // once uncounted first: a token's use is written at most once a minute, whatever the fixture
        api.get(platform.member().token(), path).expect(200);
        String key = "team-moves-" + count + "-" + UUID.randomUUID();
        JsonNode team = api.getCounted(platform.member().token(), path, key).json();
        assertThat(team.get("moves")).isNotEmpty();
        return counter.statements(key);
    }

    private static int count(JsonNode moves, String kind) {
        for (JsonNode move : moves.get("moves")) {
            if (kind.equals(move.get("kind").asString())) {
                return move.get("count").asInt();
            }
        }
        throw new AssertionError("no move " + kind);
    }
}
