package dev.kept.commitments;

import static dev.kept.ApiFixtures.assertProblem;
import static dev.kept.ApiFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Member;
import dev.kept.ApiFixtures.Response;
import dev.kept.MovableClock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.TestConfig.class)
class CommitmentApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    private ApiFixtures api;
    private Member ada;

    @BeforeEach
    void signUp() {
        api = new ApiFixtures(port, jdbc, clock);
        ada = api.signUp();
    }

    @Test
    void makesAClearCommitmentWithAFullClarityScore() {
        String due = api.today().plusDays(14).toString();

        Response made = api.post(
                "/api/v1/commitments",
                ada,
                json(
                        "what", "Publish the onboarding checklist for new engineers",
                        "doneWhen", "The checklist is in the handbook and 3 new hires used it",
                        "due", due,
                        "why", "New engineers ship in their first week",
                        "visibility", "TEAM"));

        assertThat(made.status()).isEqualTo(201);
        assertThat(made.headers().getFirst(HttpHeaders.LOCATION)).endsWith("/api/v1/commitments/" + made.id());
        JsonNode body = made.json();
        assertThat(body.get("ownerId").asString()).isEqualTo(ada.id().toString());
        assertThat(body.get("what").asString()).isEqualTo("Publish the onboarding checklist for new engineers");
        assertThat(body.get("doneWhen").asString())
                .isEqualTo("The checklist is in the handbook and 3 new hires used it");
        assertThat(body.get("due").asString()).isEqualTo(due);
        assertThat(body.get("why").asString()).isEqualTo("New engineers ship in their first week");
        assertThat(body.get("visibility").asString()).isEqualTo("TEAM");
        assertThat(body.get("status").asString()).isEqualTo("OPEN");
        assertThat(body.get("version").asLong()).isZero();
        assertThat(body.at("/clarity/score").asInt()).isEqualTo(100);
        assertThat(body.at("/clarity/issues").isArray()).isTrue();
        assertThat(body.at("/clarity/issues").size()).isZero();
    }

    @Test
    void tellsWhatMakesAVagueCommitmentUnclear() {
        Response made = api.post(
                "/api/v1/commitments",
                ada,
                json(
                        "what", "Try to improve the docs soon",
                        "doneWhen", "Docs are better",
                        "due", api.today().plusDays(3).toString(),
                        "visibility", "PRIVATE"));

        assertThat(made.status()).isEqualTo(201);
        assertThat(made.json().at("/clarity/score").asInt()).isBetween(0, 99);
        assertThat(made.json().at("/clarity/issues").values())
                .extracting(
                        issue -> issue.get("field").asString(),
                        issue -> issue.get("code").asString())
                .contains(
                        tuple("what", "VAGUE"),
                        tuple("doneWhen", "NOT_MEASURABLE"),
                        tuple("doneWhen", "VAGUE"),
                        tuple("why", "MISSING"));
    }

    @Test
    void listsOpenCommitmentsDueSoonestFirstThenClosedOnes() {
        UUID inTwentyDays = id(api.commit(ada, "PRIVATE", 20));
        UUID inFiveDays = id(api.commit(ada, "PRIVATE", 5));
        UUID closedInTwoDays = id(api.commit(ada, "PRIVATE", 2));
        UUID inTenDays = id(api.commit(ada, "PRIVATE", 10));
        close(closedInTwoDays);

        Response list = api.get("/api/v1/commitments", ada);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.ids()).containsExactly(inFiveDays, inTenDays, inTwentyDays, closedInTwoDays);
    }

    @Test
    void filtersByStatus() {
        UUID onTrack = id(api.commit(ada, "PRIVATE", 10));
        UUID atRisk = id(api.commit(ada, "PRIVATE", 12));
        UUID closed = id(api.commit(ada, "PRIVATE", 14));
        UUID dueTomorrow = id(api.commit(ada, "PRIVATE", 1));
        report(onTrack, "ON_TRACK");
        report(atRisk, "OFF_TRACK");
        close(closed);

        clock.advance(Duration.ofDays(2));

        assertThat(api.get("/api/v1/commitments?status=OPEN", ada).ids()).containsExactly(dueTomorrow, onTrack, atRisk);
        assertThat(api.get("/api/v1/commitments?status=CLOSED", ada).ids()).containsExactly(closed);
        assertThat(api.get("/api/v1/commitments?status=AT_RISK", ada).ids()).containsExactly(atRisk);
        Response overdue = api.get("/api/v1/commitments?status=OVERDUE", ada);
        assertThat(overdue.ids()).containsExactly(dueTomorrow);
        assertThat(overdue.json().get(0).get("overdue").asBoolean()).isTrue();
    }

    @Test
    void filtersByOwner() {
        Member grace = api.join(ada, "Grace");
        UUID adas = id(api.commit(ada, "ORGANIZATION", 5));
        UUID graces = id(api.commit(grace, "ORGANIZATION", 6));

        assertThat(api.get("/api/v1/commitments", ada).ids()).containsExactly(adas, graces);
        assertThat(api.get("/api/v1/commitments?owner=" + grace.id(), ada).ids())
                .containsExactly(graces);
        assertThat(api.get("/api/v1/commitments?owner=" + ada.id(), grace).ids())
                .containsExactly(adas);
    }

    @Test
    void revisesWithTheCurrentVersionAndRefusesAStaleOneWithoutChangingAnything() {
        UUID id = id(api.commit(ada, "PRIVATE", 10));

        Response revised = api.patch(
                "/api/v1/commitments/" + id,
                ada,
                json("version", 0, "what", "Publish the onboarding checklist in the handbook"));
        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.json().get("version").asLong()).isEqualTo(1);
        JsonNode before = api.get("/api/v1/commitments/" + id, ada).json();

        Response stale = api.patch("/api/v1/commitments/" + id, ada, json("version", 0, "what", "A stale edit"));

        assertProblem(stale, 409);
        assertThat(api.get("/api/v1/commitments/" + id, ada).json()).isEqualTo(before);
        assertThat(before.get("what").asString()).isEqualTo("Publish the onboarding checklist in the handbook");
    }

    @Test
    void recordsProgressOnTheTimeline() {
        UUID id = id(api.commit(ada, "PRIVATE", 10));

        Response first = api.post(
                "/api/v1/commitments/" + id + "/progress",
                ada,
                json("percent", 60, "confidence", "ON_TRACK", "note", "Draft reviewed"));
        Response second = api.post("/api/v1/commitments/" + id + "/progress", ada, json("confidence", "AT_RISK"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("percent").asInt()).isEqualTo(60);
        assertThat(second.status()).isEqualTo(201);
        JsonNode stored = api.get("/api/v1/commitments/" + id, ada).json();
        assertThat(stored.get("percent").asInt())
                .as("without a percent the last one stands")
                .isEqualTo(60);
        assertThat(stored.get("confidence").asString()).isEqualTo("AT_RISK");
        assertThat(stored.get("atRisk").asBoolean()).isTrue();
        assertThat(stored.get("progress").values())
                .extracting(
                        update -> update.get("confidence").asString(),
                        update -> update.get("note").isNull())
                .containsExactly(tuple("AT_RISK", true), tuple("ON_TRACK", false));
        assertThat(stored.at("/progress/1/note").asString()).isEqualTo("Draft reviewed");
    }

    @Test
    void closesACommitmentWithAVerification() {
        UUID id = id(api.commit(ada, "PRIVATE", 10));

        Response verified = api.post(
                "/api/v1/commitments/" + id + "/verification",
                ada,
                json("outcome", "KEPT", "reflection", "Pairing with a new hire showed the gaps."));

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(verified.json().get("outcome").asString()).isEqualTo("KEPT");
        assertThat(verified.json().get("reflection").asString()).isEqualTo("Pairing with a new hire showed the gaps.");
        assertThat(verified.json().get("percent").asInt()).isEqualTo(100);
        assertThat(api.get("/api/v1/commitments/" + id, ada)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CLOSED");
    }

    @Test
    void refusesProgressAndVerificationOnAClosedCommitment() {
        UUID id = id(api.commit(ada, "PRIVATE", 10));
        close(id);
        JsonNode closed = api.get("/api/v1/commitments/" + id, ada).json();

        Response progress =
                api.post("/api/v1/commitments/" + id + "/progress", ada, json("percent", 10, "confidence", "ON_TRACK"));
        Response verification = api.post(
                "/api/v1/commitments/" + id + "/verification",
                ada,
                json("outcome", "NOT_KEPT", "reflection", "Changing my mind"));

        assertProblem(progress, 409);
        assertProblem(verification, 409);
        assertThat(api.get("/api/v1/commitments/" + id, ada).json()).isEqualTo(closed);
    }

    @Test
    void letsOnlyTheOwnerChangeACommitmentOthersCanSee() {
        Member grace = api.join(ada, "Grace");
        UUID id = id(api.commit(ada, "ORGANIZATION", 10));
        JsonNode before = api.get("/api/v1/commitments/" + id, ada).json();

        List<Response> attempts = List.of(
                api.patch("/api/v1/commitments/" + id, grace, json("version", 0, "what", "Grace's version of it")),
                api.post("/api/v1/commitments/" + id + "/progress", grace, json("confidence", "OFF_TRACK")),
                api.post(
                        "/api/v1/commitments/" + id + "/verification",
                        grace,
                        json("outcome", "DROPPED", "reflection", "Not mine to close")));

        assertThat(api.get("/api/v1/commitments/" + id, grace).status()).isEqualTo(200);
        attempts.forEach(attempt -> assertProblem(attempt, 403));
        assertThat(api.get("/api/v1/commitments/" + id, ada).json()).isEqualTo(before);
    }

    private void report(UUID id, String confidence) {
        Response reported =
                api.post("/api/v1/commitments/" + id + "/progress", ada, json("percent", 30, "confidence", confidence));
        assertThat(reported.status()).as("%s", reported).isEqualTo(201);
    }

    private void close(UUID id) {
        Response closed = api.post(
                "/api/v1/commitments/" + id + "/verification",
                ada,
                json("outcome", "PARTLY_KEPT", "reflection", "Started too late"));
        assertThat(closed.status()).as("%s", closed).isEqualTo(200);
    }

    private static UUID id(JsonNode commitment) {
        return UUID.fromString(commitment.get("id").asString());
    }
}
