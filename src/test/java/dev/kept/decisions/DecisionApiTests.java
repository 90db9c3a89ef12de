package dev.kept.decisions;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Decision notes over the API: what a note needs, who is told, and who may comment. */
@KeptApiTest
class DecisionApiTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    dev.kept.StatementCounter counter;

    @Autowired
    MutableClock clock;

    @Autowired
    Decisions decisions;

    private static Map<String, Object> note(List<UUID> teams) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "One deployment window for every team");
        body.put("decision", "We deploy on Tuesdays and Thursdays, 10:00 to 12:00.");
        body.put("options", List.of("Deploy any time", "One window a week", "Two windows a week"));
        body.put("servesOrganization", "Support and sales know when changes land and can warn customers.");
        body.put("teamIds", teams.stream().map(UUID::toString).toList());
        return body;
    }

    @Test
    void recordsADecisionTellsTheAffectedTeamsAndLetsOnlyThemAndTheAuthorComment() {
        Account admin = api.signUp();
        UUID platform = api.team(admin, ApiFixtures.unique("Platform"));
        UUID support = api.team(admin, ApiFixtures.unique("Support"));
        UUID sales = api.team(admin, ApiFixtures.unique("Sales"));
        Account author = api.join(admin);
        Account engineer = api.join(admin, Map.of("teamId", platform.toString()));
        Account agent = api.join(admin, Map.of("teamId", support.toString()));
        Account seller = api.join(admin, Map.of("teamId", sales.toString()));
        Account guest = api.guest(author, "COACH");

        ApiResponse recorded = api.post(author.token(), "/api/v1/decisions", note(List.of(platform, support)))
                .expect(201);
        JsonNode decision = recorded.json();
        UUID id = recorded.id();
        assertThat(recorded.headers().getLocation().getPath()).isEqualTo("/api/v1/decisions/" + id);
        assertThat(decision.get("options")).hasSize(3);
        assertThat(decision.get("teams").valueStream().map(t -> t.get("id").asString()))
                .containsExactlyInAnyOrder(platform.toString(), support.toString());

        api.awaitNotification(engineer, author.name() + " recorded a decision that affects your team");
        api.awaitNotification(agent, author.name() + " recorded a decision that affects your team");
        assertThat(api.notifications(seller)).noneMatch(text -> text.contains("recorded a decision"));
        assertThat(api.notifications(author)).noneMatch(text -> text.contains("recorded a decision"));

        String comments = "/api/v1/decisions/" + id + "/comments";
        api.post(engineer.token(), comments, Map.of("text", "Works for us.")).expect(201);
        api.post(author.token(), comments, Map.of("text", "Thanks for reading."))
                .expect(201);
        api.post(seller.token(), comments, Map.of("text", "What about us?")).expectProblem(403);
        api.post(admin.token(), comments, Map.of("text", "Noted.")).expectProblem(403);
        api.post(guest.token(), comments, Map.of("text", "Hello")).expectProblem(404);
        assertThat(api.post(agent.token(), comments, Map.of("text", "c".repeat(2001)))
                        .errorFields())
                .contains("text");

        JsonNode read =
                api.get(seller.token(), "/api/v1/decisions/" + id).expect(200).json();
        assertThat(read.get("comments").valueStream().map(c -> c.get("text").asString()))
                .containsExactly("Works for us.", "Thanks for reading.");
        assertThat(read.get("canComment").asBoolean()).isFalse();
        assertThat(read.get("servesOrganization").asString()).contains("warn customers");
        assertThat(ids(seller, "")).containsExactly(id.toString());
        assertThat(ids(seller, "?teamId=" + support)).containsExactly(id.toString());
        assertThat(ids(seller, "?teamId=" + sales)).isEmpty();
        api.get(guest.token(), "/api/v1/decisions").expectProblem(404);
        api.get(guest.token(), "/api/v1/decisions/" + id).expectProblem(404);
        api.get(api.signUp().token(), "/api/v1/decisions/" + id).expectProblem(404);
    }

    @Test
    void refusesANoteMissingWhatItNeedsAndNamesTheField() {
        Account admin = api.signUp();
        UUID platform = api.team(admin, ApiFixtures.unique("Platform"));
        Account author = api.join(admin);

        expectField(author, "title", "", 400);
        expectField(author, "title", "t".repeat(201), 400);
        expectField(author, "decision", " ", 400);
        expectField(author, "servesOrganization", "", 400);
        expectField(author, "servesOrganization", null, 400);
        expectField(author, "options", List.of(), 400);
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("Option " + i);
        }
        expectField(author, "options", eleven, 400);
        expectField(author, "options", List.of("o".repeat(501)), 400);
        expectField(author, "teamIds", List.of(), 400);
        Map<String, Object> unknownTeam = note(List.of(platform, UUID.randomUUID()));
        JsonNode problem =
                api.post(author.token(), "/api/v1/decisions", unknownTeam).expectProblem(422);
        assertThat(problem.get("reason").asString()).isEqualTo("UNKNOWN_TEAM");
        assertThat(problem.get("field").asString()).isEqualTo("teamIds");
        assertThat(ids(author, "")).isEmpty();
    }

    @Test
    void movesCountOneExplainDecisionPerNoteInThePeriod() {
        Account admin = api.signUp();
        UUID platform = api.team(admin, ApiFixtures.unique("Platform"));
        Account author = api.join(admin);
        // whole seconds: the database keeps microseconds, and a bound must match the stored time
        clock.freezeAt(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Instant start = clock.instant();
        UUID id = api.post(author.token(), "/api/v1/decisions", note(List.of(platform)))
                .expect(201)
                .id();

        List<EverydayMove> moves = decisions.moves(admin.organizationId(), start, start.plus(Duration.ofDays(7)));

        assertThat(moves).singleElement().satisfies(move -> {
            assertThat(move.kind()).isEqualTo(EverydayMove.Kind.EXPLAIN_DECISION);
            assertThat(move.sourceId()).isEqualTo(id);
            assertThat(move.personId()).isEqualTo(author.personId());
        });
        assertThat(decisions.moves(admin.organizationId(), start.minusSeconds(60), start))
                .isEmpty();
    }

    private void expectField(Account author, String field, Object value, int status) {
        Map<String, Object> body = note(List.of(UUID.randomUUID()));
        body.put(field, value);
        ApiResponse response = api.post(author.token(), "/api/v1/decisions", body);
        response.expectProblem(status);
        assertThat(response.errorFields()).as("%s = %s", field, value).anyMatch(f -> f.startsWith(field));
    }

    private List<String> ids(Account viewer, String query) {
        return api.get(viewer.token(), "/api/v1/decisions" + query)
                .expect(200)
                .json()
                .get("items")
                .valueStream()
                .map(r -> r.get("id").asString())
                .toList();
    }

    @Test
    void listsDecisionsAPageAtATimeNewestFirstWithTheSameStatementsForTenTimesMore() {
        Account admin = api.signUp();
        UUID platform = api.team(admin, ApiFixtures.unique("Platform"));
        Account author = api.join(admin);
        Account large = api.signUp();
        UUID largeTeam = api.team(large, ApiFixtures.unique("Platform"));
        List<UUID> made = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.advance(java.time.Duration.ofMinutes(1));
            made.add(api.post(author.token(), "/api/v1/decisions", note(List.of(platform)))
                    .expect(201)
                    .id());
        }
        for (int i = 0; i < 50; i++) {
            clock.advance(java.time.Duration.ofMinutes(1));
            api.post(large.token(), "/api/v1/decisions", note(List.of(largeTeam)))
                    .expect(201);
        }

        JsonNode first =
                api.get(admin.token(), "/api/v1/decisions?limit=2").expect(200).json();
        String next = first.get("next").asString();
        JsonNode second = api.get(admin.token(), next.substring(next.indexOf("/api/v1/")))
                .expect(200)
                .json();
        String last = second.get("next").asString();
        JsonNode third = api.get(admin.token(), last.substring(last.indexOf("/api/v1/")))
                .expect(200)
                .json();
        List<String> seen = new java.util.ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            page.get("items").forEach(d -> seen.add(d.get("id").asString()));
        }
        java.util.Collections.reverse(made);
        assertThat(seen)
                .containsExactlyElementsOf(made.stream().map(UUID::toString).toList());
        assertThat(third.get("next").isNull()).isTrue();
        api.expectPagingRefused(admin.token(), "/api/v1/decisions");

        String small = UUID.randomUUID().toString();
        String ten = UUID.randomUUID().toString();
        api.getCounted(admin.token(), "/api/v1/decisions", small);
        JsonNode tenTimes = api.getCounted(large.token(), "/api/v1/decisions?limit=100", ten)
                .json();
        assertThat(counter.statements(ten)).isEqualTo(counter.statements(small));
        assertThat(tenTimes.get("items").size()).isEqualTo(50);
    }
}
