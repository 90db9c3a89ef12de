package dev.kept.pulse;

import static dev.kept.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * The pulse end to end: teams of 4 and 5 answer known scores; the team of 4 shows nothing, the
 * team of 5 its means, distributions and comments, equal to counts made by hand, on the page, in
 * the API and in the CSV; all teams together hide while a hidden team could be worked out.
 */
@KeptApiTest
@AutoConfigureMockMvc
class PulseTests {

    static final List<String> QUESTIONS = List.of("We asked early.", "We offered help.");

    @Autowired
    ApiFixtures api;

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PulseRounds rounds;

    PulseFixtures pulses;

    @BeforeEach
    void freeze() {
        pulses = new PulseFixtures(api);
        clock.freeze();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void aGroupOfFourShowsNothingAndAGroupOfFiveShowsWhatWasAnswered() throws Exception {
        Account admin = api.signUp();
        PulseFixtures.Squad four = pulses.squad(admin, "Four", 4);
        PulseFixtures.Squad five = pulses.squad(admin, "Five", 5);
        PulseFixtures.Squad other = pulses.squad(admin, "Other", 1);
        Account guest = api.guest(five.members().get(0), "COACH");
        UUID pulse = pulses.pulse(admin, QUESTIONS, List.of(four.id(), five.id()), today());
        UUID round = pulses.openRound(five.members().get(0), pulse);

        // the team of 4: all 1 then all 5, and a comment that must never show
        for (Account member : four.members()) {
            pulses.answer(member, round, List.of(1, 5), "secret comment of the four");
        }
        // the team of 5: Q1 5,4,4,3,2 (mean 3.6), Q2 1,2,3,4,5 (mean 3.0); two comments
        int[][] scores = {{5, 1}, {4, 2}, {4, 3}, {3, 4}, {2, 5}};
        for (int i = 0; i < 5; i++) {
            pulses.answer(
                    five.members().get(i),
                    round,
                    List.of(scores[i][0], scores[i][1]),
                    i == 0 ? "Zebra: we helped Support" : i == 1 ? "Apples: we asked early" : "");
        }

        // answering twice is refused, and nothing more is counted
        JsonNode twice = api.post(
                        five.members().get(0).token(),
                        "/api/v1/pulses/rounds/" + round + "/answers",
                        Map.of("scores", List.of(5, 5)))
                .expectProblem(422);
        assertThat(twice.get("reason").asString()).isEqualTo("ALREADY_ANSWERED");
        // a member of a team the pulse does not go to, and a guest, are not asked
        api.post(
                        other.members().get(0).token(),
                        "/api/v1/pulses/rounds/" + round + "/answers",
                        Map.of("scores", List.of(5, 5)))
                .expectProblem(404);
        api.post(guest.token(), "/api/v1/pulses/rounds/" + round + "/answers", Map.of("scores", List.of(5, 5)))
                .expectProblem(404);

        // while the round is open, nothing shows
        JsonNode open = api.get(admin.token(), "/api/v1/pulses/" + pulse + "/results")
                .expect(200)
                .json();
        assertThat(open.get("round").isNull()).isTrue();
        assertThat(open.get("groups")).isEmpty();

        clock.advance(Duration.ofDays(PulseRounds.OPEN_DAYS));
        JsonNode results = api.get(admin.token(), "/api/v1/pulses/" + pulse + "/results")
                .expect(200)
                .json();
        JsonNode fourResults = group(results, four.id());
        assertThat(fourResults.get("shown").asBoolean()).isFalse();
        assertThat(fourResults.get("respondents").isNull()).isTrue();
        assertThat(fourResults.get("scores")).isEmpty();
        assertThat(fourResults.get("comments")).isEmpty();
        JsonNode fiveResults = group(results, five.id());
        assertThat(fiveResults.get("shown").asBoolean()).isTrue();
        assertThat(fiveResults.get("respondents").asLong()).isEqualTo(5);
        assertThat(fiveResults.get("scores").get(0).get("mean").asDouble()).isEqualTo(3.6);
        assertThat(counts(fiveResults.get("scores").get(0))).containsExactly(0L, 1L, 1L, 2L, 1L);
        assertThat(fiveResults.get("scores").get(1).get("mean").asDouble()).isEqualTo(3.0);
        assertThat(counts(fiveResults.get("scores").get(1))).containsExactly(1L, 1L, 1L, 1L, 1L);
        assertThat(fiveResults
                        .get("comments")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("Apples: we asked early", "Zebra: we helped Support");
        // 4 respondents in hidden teams (between 1 and N-1): all teams together would give them away
        JsonNode all = group(results, null);
        assertThat(all.get("shown").asBoolean()).isFalse();
        assertThat(all.get("respondents").isNull()).isTrue();
        assertThat(results.toString()).doesNotContain("secret comment of the four");

        // a member of the team of 4 sees their team (hidden) and all teams (hidden), not the team of 5
        JsonNode seenByFour = api.get(four.members().get(0).token(), "/api/v1/pulses/" + pulse + "/results")
                .expect(200)
                .json();
        assertThat(seenByFour
                        .get("groups")
                        .valueStream()
                        .map(g -> g.get("name").asString())
                        .toList())
                .containsExactly(four.name(), "All teams");
        assertThat(seenByFour.toString()).doesNotContain("Zebra").doesNotContain("3.6");
        // a member of a team the pulse does not go to, and a guest, see nothing
        api.get(other.members().get(0).token(), "/api/v1/pulses/" + pulse + "/results")
                .expectProblem(404);
        api.get(guest.token(), "/api/v1/pulses/" + pulse + "/results").expectProblem(404);
        api.get(guest.token(), "/api/v1/pulses/asked").expectProblem(404);

        // the CSV holds the page's figures
        String csv = api.get(admin.token(), "/api/v1/pulses/" + pulse + "/results.csv")
                .expect(200)
                .body();
        assertThat(csv)
                .contains(five.name() + ",1,We asked early.,5,3.6,0,1,1,2,1,\r\n")
                .contains(five.name() + ",2,We offered help.,5,3.0,1,1,1,1,1,\r\n")
                .contains(four.name() + ",1,We asked early.,,,,,,,,fewer than 5 answers: nothing is shown\r\n")
                .doesNotContain("secret");
        String page = page(admin, "/pulse/" + pulse + "/results");
        String fiveSection = section(page, "group-" + five.id());
        assertThat(fiveSection)
                .contains("<td class=\"mean\">3.6</td>")
                .contains("<td class=\"mean\">3.0</td>")
                .contains("<strong>5</strong>")
                .contains("Apples: we asked early")
                .contains("<svg");
        String fourSection = section(page, "group-" + four.id());
        assertThat(fourSection)
                .contains("Fewer than 5 answers: nothing is shown.")
                .doesNotContain("<svg");
        assertThat(page).doesNotContain("secret comment of the four");
    }

    @Test
    void allTeamsShowWhenNoTeamIsHidden() {
        Account admin = api.signUp();
        PulseFixtures.Squad a = pulses.squad(admin, "A", 5);
        PulseFixtures.Squad b = pulses.squad(admin, "B", 5);
        UUID pulse = pulses.pulse(admin, List.of("One question."), List.of(a.id(), b.id()), today());
        UUID round = pulses.openRound(a.members().get(0), pulse);
        int score = 1;
        for (Account member : a.members()) {
            pulses.answer(member, round, List.of(score++), null);
        }
        for (Account member : b.members()) {
            pulses.answer(member, round, List.of(5), null);
        }
        clock.advance(Duration.ofDays(PulseRounds.OPEN_DAYS));
        JsonNode all = group(
                api.get(admin.token(), "/api/v1/pulses/" + pulse + "/results")
                        .expect(200)
                        .json(),
                null);
        assertThat(all.get("shown").asBoolean()).isTrue();
        assertThat(all.get("respondents").asLong()).isEqualTo(10);
        // 1+2+3+4+5 + 5*5 = 40 over 10
        assertThat(all.get("scores").get(0).get("mean").asDouble()).isEqualTo(4.0);
        assertThat(counts(all.get("scores").get(0))).containsExactly(1L, 1L, 1L, 1L, 6L);
    }

    @Test
    void answersAreStoredWithoutThePerson() {
        assertThat(columns("pulse_answer"))
                .containsExactlyInAnyOrder("id", "round_id", "team_id", "question_id", "score");
        assertThat(columns("pulse_comment")).containsExactlyInAnyOrder("id", "round_id", "team_id", "text");
        assertThat(columns("pulse_receipt")).containsExactlyInAnyOrder("round_id", "person_id");

        Account admin = api.signUp();
        PulseFixtures.Squad team = pulses.squad(admin, "Solo", 1);
        UUID pulse = pulses.pulse(admin, QUESTIONS, List.of(team.id()), today());
        Account member = team.members().get(0);
        UUID round = pulses.openRound(member, pulse);
        pulses.answer(member, round, List.of(2, 4), "a comment");
        List<Map<String, Object>> answers = jdbc.sql("select * from pulse_answer where round_id = :round")
                .param("round", round)
                .query()
                .listOfRows();
        assertThat(answers).hasSize(2);
        assertThat(answers.toString()).doesNotContain(member.personId().toString());
        assertThat(jdbc.sql("select person_id from pulse_receipt where round_id = :round")
                        .param("round", round)
                        .query(UUID.class)
                        .list())
                .containsExactly(member.personId());
    }

    @Test
    void refusesBadSettingsNamingTheField() {
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("T"));
        JsonNode two = api.post(
                        admin.token(), "/api/v1/pulses", PulseFixtures.draft(QUESTIONS, List.of(team), today(), 2))
                .expectProblem(400);
        assertThat(fields(two)).containsExactly("minGroup");
        JsonNode none = api.post(
                        admin.token(), "/api/v1/pulses", PulseFixtures.draft(List.of(), List.of(team), today(), 5))
                .expectProblem(400);
        assertThat(fields(none)).containsExactly("questions");
        JsonNode blank = api.post(
                        admin.token(),
                        "/api/v1/pulses",
                        PulseFixtures.draft(List.of("ok", " "), List.of(team), today(), 5))
                .expectProblem(400);
        assertThat(fields(blank)).containsExactly("questions[1]");
        JsonNode past = api.post(
                        admin.token(),
                        "/api/v1/pulses",
                        PulseFixtures.draft(QUESTIONS, List.of(team), today().minusDays(1), 5))
                .expectProblem(422);
        assertThat(past.get("field").asString()).isEqualTo("startsOn");
        JsonNode stranger = api.post(
                        admin.token(),
                        "/api/v1/pulses",
                        PulseFixtures.draft(QUESTIONS, List.of(UUID.randomUUID()), today(), 5))
                .expectProblem(422);
        assertThat(stranger.get("field").asString()).isEqualTo("teamIds");
        Account member = api.join(admin, Map.of("teamId", team.toString()));
        api.post(member.token(), "/api/v1/pulses", PulseFixtures.draft(QUESTIONS, List.of(team), today(), 5))
                .expectProblem(403);

        UUID pulse = pulses.pulse(admin, QUESTIONS, List.of(team), today());
        UUID round = pulses.openRound(member, pulse);
        JsonNode outOfScale = api.post(
                        member.token(), "/api/v1/pulses/rounds/" + round + "/answers", Map.of("scores", List.of(0, 6)))
                .expectProblem(400);
        assertThat(fields(outOfScale)).containsExactlyInAnyOrder("scores[0]", "scores[1]");
        JsonNode tooFew = api.post(
                        member.token(), "/api/v1/pulses/rounds/" + round + "/answers", Map.of("scores", List.of(3)))
                .expectProblem(422);
        assertThat(tooFew.get("field").asString()).isEqualTo("scores");
    }

    @Test
    void theFormRefusesAMissingScoreAndKeepsWhatWasTyped() throws Exception {
        Account admin = api.signUp();
        PulseFixtures.Squad team = pulses.squad(admin, "Form", 1);
        UUID pulse = pulses.pulse(admin, QUESTIONS, List.of(team.id()), today());
        Account member = team.members().get(0);
        UUID round = pulses.openRound(member, pulse);
        var refused = mvc.perform(
                        MockMvcRequestBuilders.post("/pulse/rounds/" + round)
                                .with(as(member))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("scores[0]", "4")
                                .param("comment", "kept comment"))
                .andReturn();
        String body = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(body)
                .contains("Choose an answer from 1 to 5.")
                .contains("kept comment")
                .contains("name=\"scores[0]\" value=\"4\" required checked");
        var answered = mvc.perform(
                        MockMvcRequestBuilders.post("/pulse/rounds/" + round)
                                .with(as(member))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("scores[0]", "4")
                                .param("scores[1]", "2"))
                .andReturn();
        assertThat(answered.getResponse().getRedirectedUrl()).isEqualTo("/pulse");
        assertThat(page(member, "/pulse/rounds/" + round)).contains("You have answered this round");
    }

    @Test
    void theSettingsFormRefusesAGroupOfTwoAndSavesAPulse() throws Exception {
        Account admin = api.signUp();
        PulseFixtures.Squad team = pulses.squad(admin, "Settings", 1);
        assertThat(page(admin, "/admin/pulses/new"))
                .contains(Pulses.DEFAULT_QUESTIONS.get(0))
                .contains("value=\"5\"");
        var refused = mvc.perform(settings(admin).param("minGroup", "2").param("addTeam", team.name()))
                .andReturn();
        String body = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(body).contains("must be greater than or equal to 3").contains("value=\"Typed title\"");
        var saved = mvc.perform(settings(admin)
                        .param("minGroup", "3")
                        .param("teamIds", team.id().toString()))
                .andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        UUID pulse = UUID.fromString(saved.getResponse().getRedirectedUrl().substring("/admin/pulses/".length()));
        JsonNode view =
                api.get(admin.token(), "/api/v1/pulses/" + pulse).expect(200).json();
        assertThat(view.get("minGroup").asInt()).isEqualTo(3);
        assertThat(view.get("questions")).hasSize(2);
        assertThat(pulses.openRound(team.members().get(0), pulse)).isNotNull();
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder settings(Account admin) {
        return MockMvcRequestBuilders.post("/admin/pulses")
                .with(as(admin))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("title", "Typed title")
                .param("questions[0]", "First question?")
                .param("questions[1]", "")
                .param("questions[2]", "Third question?")
                .param("cadence", "MONTHLY")
                .param("startsOn", LocalDate.now(ZoneOffset.UTC).toString());
    }

    @Test
    void theJobOpensRoundsOnTheCadenceAndAsksTheMembers() {
        Account admin = api.signUp();
        PulseFixtures.Squad team = pulses.squad(admin, "Cadence", 2);
        UUID pulse = pulses.pulse(admin, QUESTIONS, List.of(team.id()), today().plusDays(1));
        Account member = team.members().get(0);
        rounds.open();
        assertThat(api.get(member.token(), "/api/v1/pulses/asked")
                        .expect(200)
                        .json()
                        .get("items"))
                .isEmpty();

        clock.advance(Duration.ofDays(1));
        assertThat(rounds.open()).isGreaterThanOrEqualTo(1);
        UUID first = pulses.openRound(member, pulse);
        assertThat(api.awaitNotification(member, "is open until")).contains("anonymously");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        api.mailsTo(member.email()).stream().anyMatch(mail -> mail.contains("/pulse/rounds/" + first)));
        assertThat(rounds.open())
                .as("a second run the same day opens nothing more")
                .isZero();

        clock.advance(Duration.ofDays(7));
        rounds.open();
        UUID second = pulses.openRound(member, pulse);
        assertThat(second).isNotEqualTo(first);
        assertThat(api.get(member.token(), "/api/v1/pulses/asked")
                        .expect(200)
                        .json()
                        .get("items"))
                .hasSize(1);
        assertThat(api.get(admin.token(), "/api/v1/pulses/" + pulse).expect(200).text("nextRoundOn"))
                .isEqualTo(today().plusDays(7).toString());

        // paused, it opens nothing
        api.send(
                        org.springframework.http.HttpMethod.PUT,
                        admin.token(),
                        "/api/v1/pulses/" + pulse + "/status",
                        Map.of("status", "PAUSED"))
                .expect(200);
        clock.advance(Duration.ofDays(7));
        rounds.open();
        assertThat(jdbc.sql("select count(*) from pulse_round where pulse_id = :pulse")
                        .param("pulse", pulse)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private static JsonNode group(JsonNode results, UUID team) {
        for (JsonNode group : results.get("groups")) {
            if (team == null
                    ? group.get("teamId").isNull()
                    : team.toString().equals(group.get("teamId").asString())) {
                return group;
            }
        }
        throw new AssertionError("no group " + team + " in " + results);
    }

    private static List<Long> counts(JsonNode score) {
        return score.get("counts").valueStream().map(JsonNode::asLong).toList();
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    private List<String> columns(String table) {
        return jdbc.sql("select lower(column_name) from information_schema.columns where lower(table_name) = :table")
                .param("table", table)
                .query(String.class)
                .list();
    }

    private String page(Account account, String path) throws Exception {
        var result =
                mvc.perform(MockMvcRequestBuilders.get(path).with(as(account))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The element with this id, up to the next section. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }
}
