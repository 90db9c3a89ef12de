package dev.kept.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.moves.EverydayMove;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Advice requests over the API: who is invited (people with a matching strength in other teams,
 * never the asker's team, a guest or the asker), answers, the asker's verdicts and closing.
 */
@KeptApiTest
class AdviceApiTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    dev.kept.StatementCounter counter;

    @Autowired
    MutableClock clock;

    @Autowired
    AdviceRequests advice;

    private void strengths(Account who, String... tags) {
        api.send(HttpMethod.PUT, who.token(), "/api/v1/me/strengths", Map.of("strengths", List.of(tags)))
                .expect(200);
    }

    private static Map<String, Object> question(String question, List<String> areas) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("question", question);
        body.put("details", "We tried a bigger instance; it did not help.");
        body.put("areas", areas);
        return body;
    }

    @Test
    void invitesExactlyThePeopleWithAMatchingStrengthInOtherTeams() {
        Account admin = api.signUp();
        UUID platform = api.team(admin, ApiFixtures.unique("Platform"));
        UUID data = api.team(admin, ApiFixtures.unique("Data"));
        Account asker = api.join(admin, Map.of("teamId", platform.toString()));
        Account sameTeamExpert = api.join(admin, Map.of("teamId", platform.toString()));
        Account dataExpert = api.join(admin, Map.of("teamId", data.toString()));
        Account teamlessExpert = api.join(admin);
        Account otherArea = api.join(admin, Map.of("teamId", data.toString()));
        Account guest = api.guest(asker, "COACH");
        strengths(asker, "postgres");
        strengths(sameTeamExpert, "postgres");
        strengths(dataExpert, "Postgres", "backups");
        strengths(teamlessExpert, "indexing");
        strengths(otherArea, "pricing");
        strengths(guest, "postgres");

        ApiResponse asked = api.post(
                        asker.token(),
                        "/api/v1/advice-requests",
                        question("Why is the nightly report slow?", List.of(" POSTGRES", "indexing", "postgres")))
                .expect(201);

        JsonNode request = asked.json();
        assertThat(asked.headers().getLocation().getPath()).isEqualTo("/api/v1/advice-requests/" + asked.id());
        assertThat(request.get("areas").valueStream().map(JsonNode::asString)).containsExactly("indexing", "postgres");
        assertThat(request.get("invited")
                        .valueStream()
                        .map(i -> i.get("personId").asString()))
                .containsExactlyInAnyOrder(
                        dataExpert.personId().toString(),
                        teamlessExpert.personId().toString());
        assertThat(request.get("invited").valueStream().map(i -> i.get("name").asString()))
                .contains(dataExpert.name());
        api.awaitNotification(dataExpert, asker.name() + " asks for your advice");
        api.awaitNotification(teamlessExpert, asker.name() + " asks for your advice");
        assertThat(api.notifications(sameTeamExpert)).noneMatch(text -> text.contains("asks for your advice"));
        assertThat(api.notifications(otherArea)).noneMatch(text -> text.contains("asks for your advice"));
        assertThat(api.notifications(dataExpert)).noneMatch(text -> text.contains("nightly report"));

        assertThat(ids(dataExpert, "?invited=true")).containsExactly(asked.id().toString());
        assertThat(ids(sameTeamExpert, "?invited=true")).isEmpty();
        assertThat(ids(sameTeamExpert, "")).containsExactly(asked.id().toString());
        assertThat(ids(asker, "?mine=true")).containsExactly(asked.id().toString());
        assertThat(ids(dataExpert, "?mine=true")).isEmpty();
        api.get(guest.token(), "/api/v1/advice-requests").expectProblem(404);
        api.get(guest.token(), "/api/v1/advice-requests/" + asked.id()).expectProblem(404);
        api.get(api.signUp().token(), "/api/v1/advice-requests/" + asked.id()).expectProblem(404);
    }

    @Test
    void membersAnswerTheAskerJudgesTheAnswersAndClosesTheRequest() {
        Account admin = api.signUp();
        Account asker = api.join(admin);
        Account first = api.join(admin);
        Account second = api.join(admin);
        UUID id = api.post(asker.token(), "/api/v1/advice-requests", question("How to price?", List.of("pricing")))
                .expect(201)
                .id();
        String answers = "/api/v1/advice-requests/" + id + "/answers";

        UUID answer = api.post(first.token(), answers, Map.of("text", "Start from the value."))
                .expect(201)
                .id();
        api.post(second.token(), answers, Map.of("text", "Ask three customers."))
                .expect(201);
        api.post(asker.token(), answers, Map.of("text", "My own answer")).expectProblem(403);
        assertThat(api.post(first.token(), answers, Map.of("text", " ")).errorFields())
                .contains("text");
        api.post(first.token(), "/api/v1/advice-requests/" + UUID.randomUUID() + "/answers", Map.of("text", "Hm"))
                .expectProblem(404);
        api.awaitNotification(asker, first.name() + " answered your request for advice");

        String helpful = answers + "/" + answer + "/helpful";
        api.send(HttpMethod.PUT, first.token(), helpful, Map.of("helpful", true))
                .expectProblem(403);
        api.send(HttpMethod.PUT, second.token(), helpful, Map.of("helpful", false))
                .expectProblem(403);
        api.send(HttpMethod.PUT, asker.token(), answers + "/" + UUID.randomUUID() + "/helpful", Map.of("helpful", true))
                .expectProblem(404);
        api.send(HttpMethod.PUT, asker.token(), helpful, Map.of()).expectProblem(400);
        assertThat(api.send(HttpMethod.PUT, asker.token(), helpful, Map.of("helpful", true))
                        .expect(200)
                        .json()
                        .get("helpful")
                        .asBoolean())
                .isTrue();

        JsonNode read = api.get(second.token(), "/api/v1/advice-requests/" + id)
                .expect(200)
                .json();
        assertThat(read.get("answers")).hasSize(2);
        assertThat(read.get("answers").get(0).get("helpful").asBoolean()).isTrue();
        assertThat(read.get("answers").get(1).get("helpful").isNull()).isTrue();
        assertThat(read.get("open").asBoolean()).isTrue();

        api.post(first.token(), "/api/v1/advice-requests/" + id + "/close", Map.of())
                .expectProblem(403);
        JsonNode closed = api.post(asker.token(), "/api/v1/advice-requests/" + id + "/close", Map.of())
                .expect(200)
                .json();
        assertThat(closed.get("open").asBoolean()).isFalse();
        assertThat(closed.get("closedAt").isNull()).isFalse();
        api.post(second.token(), answers, Map.of("text", "Too late")).expectProblem(409);
        assertThat(ids(first, "")).containsExactly(id.toString());
    }

    @Test
    void refusesBadRequestsWithAProblemNamingTheField() {
        Account admin = api.signUp();
        Account asker = api.join(admin);

        expectAreas(asker, List.of(), "TOO_FEW_TAGS");
        expectAreas(asker, List.of("a", "b", "c", "d", "e", "f"), "TOO_MANY_TAGS");
        expectAreas(asker, List.of("x".repeat(41)), "TAG_TOO_LONG");
        expectAreas(asker, List.of("ok", ""), "TAG_BLANK");
        assertThat(api.post(asker.token(), "/api/v1/advice-requests", question("q".repeat(301), List.of("a")))
                        .errorFields())
                .contains("question");
        assertThat(api.post(asker.token(), "/api/v1/advice-requests", question("", List.of("a")))
                        .errorFields())
                .contains("question");
        Map<String, Object> longDetails = question("Fine", List.of("a"));
        longDetails.put("details", "d".repeat(4001));
        assertThat(api.post(asker.token(), "/api/v1/advice-requests", longDetails)
                        .errorFields())
                .contains("details");
        assertThat(ids(asker, "")).isEmpty();
    }

    @Test
    void movesCountOneAskAdvicePerRequestInThePeriod() {
        Account admin = api.signUp();
        Account asker = api.join(admin);
        // whole seconds: the database keeps microseconds, and a bound must match the stored time
        clock.freezeAt(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Instant start = clock.instant();
        UUID first = api.post(asker.token(), "/api/v1/advice-requests", question("One?", List.of("a")))
                .expect(201)
                .id();
        clock.advance(Duration.ofDays(8));
        api.post(asker.token(), "/api/v1/advice-requests", question("Two?", List.of("a")))
                .expect(201);

        List<EverydayMove> moves = advice.moves(admin.organizationId(), start, start.plus(Duration.ofDays(7)));

        assertThat(moves).singleElement().satisfies(move -> {
            assertThat(move.kind()).isEqualTo(EverydayMove.Kind.ASK_ADVICE);
            assertThat(move.sourceId()).isEqualTo(first);
            assertThat(move.personId()).isEqualTo(asker.personId());
        });
    }

    private void expectAreas(Account asker, List<String> areas, String reason) {
        JsonNode problem = api.post(asker.token(), "/api/v1/advice-requests", question("Why?", areas))
                .expectProblem(422);
        assertThat(problem.get("reason").asString()).isEqualTo(reason);
        assertThat(problem.get("field").asString()).isEqualTo("areas");
    }

    private List<String> ids(Account viewer, String query) {
        return api.get(viewer.token(), "/api/v1/advice-requests" + query)
                .expect(200)
                .json()
                .get("items")
                .valueStream()
                .map(r -> r.get("id").asString())
                .toList();
    }

    @Test
    void listsRequestsAPageAtATimeNewestFirstWithTheSameStatementsForTenTimesMore() {
        Account admin = api.signUp();
        Account asker = api.join(admin);
        Account large = api.signUp();
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.advance(java.time.Duration.ofMinutes(1));
            made.add(
                    0,
                    api.post(asker.token(), "/api/v1/advice-requests", question("Why " + i + "?", List.of("postgres")))
                            .expect(201)
                            .id()
                            .toString());
        }
        for (int i = 0; i < 50; i++) {
            clock.advance(java.time.Duration.ofMinutes(1));
            api.post(large.token(), "/api/v1/advice-requests", question("Why " + i + "?", List.of("postgres")))
                    .expect(201);
        }

        List<String> seen = new java.util.ArrayList<>();
        String page = "/api/v1/advice-requests?limit=2";
        int pages = 0;
        while (page != null) {
            ApiResponse answer = api.get(admin.token(), page).expect(200);
            answer.json().get("items").forEach(r -> seen.add(r.get("id").asString()));
            String next = answer.json().get("next").isNull()
                    ? null
                    : answer.json().get("next").asString();
            if (next != null) {
                assertThat(answer.headers().getFirst("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
            }
            page = next == null ? null : next.substring(next.indexOf("/api/v1/"));
            pages++;
        }
        assertThat(seen).containsExactlyElementsOf(made);
        assertThat(pages).isEqualTo(3);
        api.expectPagingRefused(admin.token(), "/api/v1/advice-requests");

        String small = UUID.randomUUID().toString();
        String ten = UUID.randomUUID().toString();
        api.getCounted(admin.token(), "/api/v1/advice-requests", small);
        JsonNode tenTimes = api.getCounted(large.token(), "/api/v1/advice-requests?limit=100", ten)
                .json();
        assertThat(counter.statements(ten)).isEqualTo(counter.statements(small));
        assertThat(tenTimes.get("items").size()).isEqualTo(50);
    }
}
