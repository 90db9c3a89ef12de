package dev.kept.commitments;

import static dev.kept.ApiFixtures.clearTerms;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

@KeptApiTest
class CommitmentApiTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    private LocalDate inDays(int days) {
        return LocalDate.now(clock).plusDays(days);
    }

    @Test
    void makesCommitmentAndAnswersItWithItsClarity() {
        Account owner = api.signUp();
        LocalDate due = inDays(14);

        ApiResponse made = api.post(owner.token(), "/api/v1/commitments", clearTerms(due, "TEAM"));

        made.expect(201);
        JsonNode c = made.json();
        UUID id = made.id();
        assertThat(made.headers().getFirst(HttpHeaders.LOCATION)).endsWith("/api/v1/commitments/" + id);
        assertThat(c.get("ownerId").asString()).isEqualTo(owner.personId().toString());
        assertThat(c.get("what").asString()).isEqualTo("Publish the onboarding checklist for new engineers");
        assertThat(c.get("doneWhen").asString()).startsWith("The checklist is published");
        assertThat(c.get("due").asString()).isEqualTo(due.toString());
        assertThat(c.get("why").asString()).startsWith("New engineers");
        assertThat(c.get("visibility").asString()).isEqualTo("TEAM");
        assertThat(c.get("status").asString()).isEqualTo("OPEN");
        assertThat(c.get("version").asLong()).isZero();
        assertThat(c.at("/clarity/score").asInt()).isEqualTo(100);
        assertThat(c.at("/clarity/issues").isArray()).isTrue();
        assertThat(c.at("/clarity/issues").size()).isZero();
        assertThat(api.get(owner.token(), "/api/v1/commitments/" + id)
                        .expect(200)
                        .text("what"))
                .isEqualTo(c.get("what").asString());
    }

    @Test
    void clarityFlagsVagueAndUnmeasurableTerms() {
        Account owner = api.signUp();
        Map<String, Object> vague = clearTerms(inDays(5), "PRIVATE");
        vague.put("what", "Try to improve onboarding soon");
        vague.put("doneWhen", "Onboarding feels better");
        vague.remove("why");

        JsonNode clarity = api.commit(owner, vague).get("clarity");

        assertThat(clarity.get("score").asInt()).isLessThan(100);
        List<String> codes = clarity.get("issues").findValuesAsString("code");
        assertThat(codes).contains("VAGUE", "NOT_MEASURABLE", "MISSING");
        assertThat(clarity.get("issues").toString()).contains("try", "soon", "better");
    }

    @Test
    void listsOpenCommitmentsDueSoonestFirstThenClosedOnes() {
        Account owner = api.signUp();
        UUID later = api.commit(owner, inDays(30), "PRIVATE");
        UUID soonest = api.commit(owner, inDays(2), "PRIVATE");
        UUID closed = api.commit(owner, inDays(1), "PRIVATE");
        UUID middle = api.commit(owner, inDays(10), "ORGANIZATION");
        close(owner, closed, "KEPT");

        List<String> ids = ids(api.get(owner.token(), "/api/v1/commitments").expect(200));

        assertThat(ids).containsExactly(id(soonest), id(middle), id(later), id(closed));
    }

    @Test
    void filtersByStatus() {
        Account owner = api.signUp();
        UUID calm = api.commit(owner, inDays(20), "PRIVATE");
        UUID risky = api.commit(owner, inDays(10), "PRIVATE");
        UUID done = api.commit(owner, inDays(5), "PRIVATE");
        api.post(owner.token(), "/api/v1/commitments/" + risky + "/progress", Map.of("confidence", "AT_RISK"))
                .expect(201);
        close(owner, done, "DROPPED");

        assertThat(ids(api.get(owner.token(), "/api/v1/commitments?status=OPEN")))
                .containsExactly(id(risky), id(calm));
        assertThat(ids(api.get(owner.token(), "/api/v1/commitments?status=AT_RISK")))
                .containsExactly(id(risky));
        assertThat(ids(api.get(owner.token(), "/api/v1/commitments?status=CLOSED")))
                .containsExactly(id(done));
        assertThat(ids(api.get(owner.token(), "/api/v1/commitments?status=OVERDUE")))
                .isEmpty();
    }

    @Test
    void listsCommitmentsPastTheirDueDateAsOverdue() {
        Account owner = api.signUp();
        UUID dueSoon = api.commit(owner, inDays(1), "PRIVATE");
        UUID dueLater = api.commit(owner, inDays(30), "PRIVATE");

        clock.advance(Duration.ofDays(3));

        assertThat(ids(api.get(owner.token(), "/api/v1/commitments?status=OVERDUE")))
                .containsExactly(id(dueSoon));
        JsonNode overdue = api.get(owner.token(), "/api/v1/commitments/" + dueSoon)
                .expect(200)
                .json();
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
        assertThat(api.get(owner.token(), "/api/v1/commitments/" + dueLater)
                        .json()
                        .get("overdue")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void filtersByOwner() {
        Account admin = api.signUp();
        Account colleague = api.join(admin);
        UUID mine = api.commit(admin, inDays(3), "ORGANIZATION");
        UUID theirs = api.commit(colleague, inDays(4), "ORGANIZATION");

        assertThat(ids(api.get(admin.token(), "/api/v1/commitments"))).containsExactly(id(mine), id(theirs));
        assertThat(ids(api.get(admin.token(), "/api/v1/commitments?owner=" + colleague.personId())))
                .containsExactly(id(theirs));
        assertThat(ids(api.get(admin.token(), "/api/v1/commitments?owner=" + admin.personId())))
                .containsExactly(id(mine));
        assertThat(ids(api.get(admin.token(), "/api/v1/commitments?owner=" + UUID.randomUUID())))
                .isEmpty();
    }

    @Test
    void revisesCommitmentWithTheCurrentVersion() {
        Account owner = api.signUp();
        UUID id = api.commit(owner, inDays(7), "PRIVATE");
        LocalDate newDue = inDays(9);

        ApiResponse revised = api.patch(
                owner.token(),
                "/api/v1/commitments/" + id,
                Map.of("version", 0, "what", "Publish the onboarding checklist and a FAQ", "due", newDue.toString()));

        revised.expect(200);
        assertThat(revised.json().get("version").asLong()).isEqualTo(1);
        JsonNode stored = api.get(owner.token(), "/api/v1/commitments/" + id).json();
        assertThat(stored.get("what").asString()).isEqualTo("Publish the onboarding checklist and a FAQ");
        assertThat(stored.get("due").asString()).isEqualTo(newDue.toString());
        assertThat(stored.get("doneWhen").asString()).startsWith("The checklist is published");
        assertThat(stored.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void overdueCommitmentCanStillBeEditedWithoutMovingItsDueDate() {
        Account owner = api.signUp();
        UUID id = api.commit(owner, inDays(1), "PRIVATE");
        clock.advance(Duration.ofDays(3));

        api.patch(owner.token(), "/api/v1/commitments/" + id, Map.of("version", 0, "why", "It still matters"))
                .expect(200);

        JsonNode problem = api.patch(
                        owner.token(),
                        "/api/v1/commitments/" + id,
                        Map.of("version", 1, "due", inDays(-1).toString()))
                .expectProblem(422);
        assertThat(problem.get("reason").asString()).isEqualTo("DUE_IN_PAST");
        assertThat(api.get(owner.token(), "/api/v1/commitments/" + id).text("why"))
                .isEqualTo("It still matters");
    }

    @Test
    void staleEditAnswers409AndOverwritesNothing() {
        Account owner = api.signUp();
        UUID id = api.commit(owner, inDays(7), "PRIVATE");
        api.patch(owner.token(), "/api/v1/commitments/" + id, Map.of("version", 0, "what", "First edit wins here"))
                .expect(200);
        JsonNode before = api.get(owner.token(), "/api/v1/commitments/" + id).json();

        api.patch(
                        owner.token(),
                        "/api/v1/commitments/" + id,
                        Map.of("version", 0, "what", "Second edit from an old tab", "visibility", "ORGANIZATION"))
                .expectProblem(409);

        JsonNode after = api.get(owner.token(), "/api/v1/commitments/" + id).json();
        assertThat(after).isEqualTo(before);
        assertThat(after.get("what").asString()).isEqualTo("First edit wins here");
        assertThat(after.get("visibility").asString()).isEqualTo("PRIVATE");
    }

    @Test
    void reportsProgressOnTheTimeline() {
        Account owner = api.signUp();
        UUID id = api.commit(owner, inDays(7), "PRIVATE");

        ApiResponse reported = api.post(
                owner.token(),
                "/api/v1/commitments/" + id + "/progress",
                Map.of("percent", 40, "confidence", "AT_RISK", "note", "Waiting for the wiki space"));

        reported.expect(201);
        JsonNode c = reported.json();
        assertThat(c.get("percent").asInt()).isEqualTo(40);
        assertThat(c.get("confidence").asString()).isEqualTo("AT_RISK");
        assertThat(c.get("atRisk").asBoolean()).isTrue();
        api.post(owner.token(), "/api/v1/commitments/" + id + "/progress", Map.of("confidence", "ON_TRACK"))
                .expect(201);
        JsonNode progress =
                api.get(owner.token(), "/api/v1/commitments/" + id).json().get("progress");
        assertThat(progress.size()).isEqualTo(2);
        assertThat(progress.get(0).get("confidence").asString()).isEqualTo("ON_TRACK");
        assertThat(progress.get(0).get("percent").asInt()).isEqualTo(40);
        assertThat(progress.get(1).get("note").asString()).isEqualTo("Waiting for the wiki space");
        assertThat(progress.get(1).get("authorId").asString())
                .isEqualTo(owner.personId().toString());
    }

    @Test
    void verificationClosesTheCommitment() {
        Account owner = api.signUp();
        UUID id = api.commit(owner, inDays(7), "PRIVATE");

        ApiResponse verified = api.post(
                owner.token(),
                "/api/v1/commitments/" + id + "/verification",
                Map.of("outcome", "KEPT", "reflection", "Pairing with a new hire made it concrete"));

        verified.expect(200);
        JsonNode c = verified.json();
        assertThat(c.get("status").asString()).isEqualTo("CLOSED");
        assertThat(c.get("outcome").asString()).isEqualTo("KEPT");
        assertThat(c.get("reflection").asString()).isEqualTo("Pairing with a new hire made it concrete");
        assertThat(c.get("percent").asInt()).isEqualTo(100);
        assertThat(api.get(owner.token(), "/api/v1/commitments/" + id).text("status"))
                .isEqualTo("CLOSED");
    }

    @Test
    void closedCommitmentRefusesProgressEditsAndASecondVerification() {
        Account owner = api.signUp();
        UUID id = api.commit(owner, inDays(7), "PRIVATE");
        close(owner, id, "DROPPED");
        JsonNode before = api.get(owner.token(), "/api/v1/commitments/" + id).json();

        api.post(owner.token(), "/api/v1/commitments/" + id + "/progress", Map.of("confidence", "ON_TRACK"))
                .expectProblem(409);
        api.patch(
                        owner.token(),
                        "/api/v1/commitments/" + id,
                        Map.of("version", before.get("version").asLong(), "what", "Reopened by an edit"))
                .expectProblem(409);
        api.post(
                        owner.token(),
                        "/api/v1/commitments/" + id + "/verification",
                        Map.of("outcome", "KEPT", "reflection", "Changed my mind"))
                .expectProblem(409);

        assertThat(api.get(owner.token(), "/api/v1/commitments/" + id).json()).isEqualTo(before);
    }

    @Test
    void onlyTheOwnerChangesACommitmentOthersCanSee() {
        Account owner = api.signUp();
        Account colleague = api.join(owner);
        UUID id = api.commit(owner, inDays(7), "ORGANIZATION");
        JsonNode before = api.get(owner.token(), "/api/v1/commitments/" + id).json();

        api.patch(
                        colleague.token(),
                        "/api/v1/commitments/" + id,
                        Map.of("version", 0, "what", "Hijacked by a colleague"))
                .expectProblem(403);
        api.post(colleague.token(), "/api/v1/commitments/" + id + "/progress", Map.of("confidence", "OFF_TRACK"))
                .expectProblem(403);
        api.post(
                        colleague.token(),
                        "/api/v1/commitments/" + id + "/verification",
                        Map.of("outcome", "DROPPED", "reflection", "Not mine to drop"))
                .expectProblem(403);

        assertThat(api.get(owner.token(), "/api/v1/commitments/" + id).json()).isEqualTo(before);
    }

    private void close(Account owner, UUID id, String outcome) {
        api.post(
                        owner.token(),
                        "/api/v1/commitments/" + id + "/verification",
                        Map.of("outcome", outcome, "reflection", "Looked back on it"))
                .expect(200);
    }

    private static String id(UUID id) {
        return id.toString();
    }

    private static List<String> ids(ApiResponse list) {
        list.expect(200);
        JsonNode json = list.json();
        return (json.isArray() ? json : json.get("items"))
                .valueStream()
                .map(c -> c.get("id").asString())
                .toList();
    }
}
