package dev.kept.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Steps 1 and 2 of social accountability over the API: a clear expectation, alignment through
 * questions and counter-proposals, and the commitment it becomes, made to the requester, who is
 * then the other side of its renegotiation and its verification.
 */
@KeptApiTest
class ExpectationApiTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    private LocalDate inDays(int days) {
        return LocalDate.now(clock).plusDays(days);
    }

    private Map<String, Object> expectation(String key, UUID to, LocalDate due) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, to.toString());
        body.put("what", "Write the on-call handbook for the platform team");
        body.put("doneWhen", "The handbook is on the wiki and 2 on-call engineers used it");
        body.put("due", due.toString());
        body.put("why", "New on-call engineers should not be alone at night");
        return body;
    }

    @Test
    void anExpectationIsAlignedAcceptedAndBecomesACommitmentMadeToTheRequester() {
        Account admin = api.signUp();
        Account lead = api.join(admin);
        Account member = api.join(admin);
        Account colleague = api.join(admin);

        JsonNode asked = api.post(
                        lead.token(), "/api/v1/expectations", expectation("toPersonId", member.personId(), inDays(10)))
                .expect(201)
                .json();
        UUID id = UUID.fromString(asked.get("id").asString());
        assertThat(asked.get("status").asString()).isEqualTo("OPEN");
        assertThat(asked.get("clarity").get("score").asInt()).isPositive();
        api.awaitNotification(member, "asks you for a commitment");
        api.get(colleague.token(), "/api/v1/expectations/" + id).expectProblem(404);
        api.get(admin.token(), "/api/v1/expectations/" + id).expectProblem(404);

        api.post(member.token(), "/api/v1/expectations/" + id + "/questions", Map.of("text", "Which services?"))
                .expect(200);
        api.post(lead.token(), "/api/v1/expectations/" + id + "/questions", Map.of("text", "The three on the rota."))
                .expect(200);
        JsonNode countered = api.post(
                        member.token(),
                        "/api/v1/expectations/" + id + "/counter",
                        Map.of(
                                "reason",
                                "Two weeks of holidays",
                                "due",
                                inDays(20).toString()))
                .expect(200)
                .json();
        assertThat(countered.get("thread")).hasSize(3);
        api.post(member.token(), "/api/v1/expectations/" + id + "/accept", Map.of())
                .expectProblem(409);
        api.post(member.token(), "/api/v1/expectations/" + id + "/counter/3/accept", Map.of())
                .expectProblem(403);
        JsonNode aligned = api.post(lead.token(), "/api/v1/expectations/" + id + "/counter/3/accept", Map.of())
                .expect(200)
                .json();
        assertThat(aligned.get("due").asString()).isEqualTo(inDays(20).toString());

        JsonNode accepted = api.post(member.token(), "/api/v1/expectations/" + id + "/accept", Map.of())
                .expect(200)
                .json();
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        UUID commitment = UUID.fromString(accepted.get("commitmentId").asString());
        api.awaitNotification(lead, "accepted what you expect");

        JsonNode made = api.get(lead.token(), "/api/v1/commitments/" + commitment)
                .expect(200)
                .json();
        assertThat(made.get("ownerId").asString()).isEqualTo(member.personId().toString());
        assertThat(made.get("madeToId").asString()).isEqualTo(lead.personId().toString());
        assertThat(made.get("visibility").asString()).isEqualTo("PRIVATE");
        assertThat(made.get("due").asString()).isEqualTo(inDays(20).toString());
        assertThat(made.has("alignedAt")).isTrue();
        api.get(colleague.token(), "/api/v1/commitments/" + commitment).expectProblem(404);
        api.post(member.token(), "/api/v1/expectations/" + id + "/decline", Map.of("reason", "changed my mind"))
                .expectProblem(409);

        // the requester is the other side: renegotiation and verification
        api.post(
                        member.token(),
                        "/api/v1/commitments/" + commitment + "/renegotiations",
                        Map.of("reason", "The rota changed", "due", inDays(25).toString()))
                .expect(201);
        api.awaitNotification(lead, "proposes new terms for a commitment you hold them to");
        api.post(colleague.token(), "/api/v1/commitments/" + commitment + "/renegotiations/1/accept", Map.of())
                .expectProblem(404);
        JsonNode renegotiated = api.post(
                        lead.token(), "/api/v1/commitments/" + commitment + "/renegotiations/1/accept", Map.of())
                .expect(200)
                .json();
        assertThat(renegotiated.get("due").asString()).isEqualTo(inDays(25).toString());
        assertThat(renegotiated.get("renegotiated").asInt()).isEqualTo(1);
        api.post(
                        member.token(),
                        "/api/v1/commitments/" + commitment + "/verification",
                        Map.of("outcome", "KEPT", "reflection", "Pairing on the first night helped."))
                .expect(200);
        api.awaitNotification(lead, "confirm or dispute the outcome");
        JsonNode confirmed = api.post(
                        lead.token(),
                        "/api/v1/commitments/" + commitment + "/confirmation",
                        Map.of("agree", true, "comment", "Used it twice already"))
                .expect(200)
                .json();
        assertThat(confirmed.get("confirmation").get("agreed").asBoolean()).isTrue();
        api.awaitNotification(member, "confirmed your assessment");
    }

    @Test
    void aTeamIsAskedAndAnyOfItsMembersAnswers() {
        Account admin = api.signUp();
        UUID platform = api.team(admin, ApiFixtures.unique("Platform"));
        Account requester = api.join(admin);
        Account first = api.join(admin, Map.of("teamId", platform.toString()));
        Account second = api.join(admin, Map.of("teamId", platform.toString()));
        Account outsider = api.join(admin);

        UUID goal = api.post(
                        admin.token(),
                        "/api/v1/goals",
                        Map.of(
                                "title", "Calm nights on call",
                                "why", "Rested engineers",
                                "doneWhen", "No page after midnight for a month",
                                "due", inDays(90).toString()))
                .expect(201)
                .id();
        Map<String, Object> forTheGoal = expectation("toTeamId", platform, inDays(9));
        forTheGoal.put("goalId", goal.toString());
        UUID id = api.post(requester.token(), "/api/v1/expectations", forTheGoal)
                .expect(201)
                .id();

        assertThat(api.get(first.token(), "/api/v1/expectations")
                        .json()
                        .get("items")
                        .valueStream()
                        .map(e -> e.get("id").asString()))
                .contains(id.toString());
        api.get(outsider.token(), "/api/v1/expectations/" + id).expectProblem(404);
        api.post(outsider.token(), "/api/v1/expectations/" + id + "/accept", Map.of())
                .expectProblem(404);
        JsonNode accepted = api.post(
                        second.token(), "/api/v1/expectations/" + id + "/accept", Map.of("visibility", "TEAM"))
                .expect(200)
                .json();
        assertThat(accepted.get("acceptedBy").asString())
                .isEqualTo(second.personId().toString());
        JsonNode commitment = api.get(
                        first.token(),
                        "/api/v1/commitments/" + accepted.get("commitmentId").asString())
                .expect(200)
                .json();
        assertThat(commitment.get("ownerId").asString())
                .isEqualTo(second.personId().toString());
        assertThat(commitment.get("goalId").asString()).isEqualTo(goal.toString());
        Map<String, Object> unknownGoal = expectation("toTeamId", platform, inDays(9));
        unknownGoal.put("goalId", UUID.randomUUID().toString());
        assertThat(api.post(requester.token(), "/api/v1/expectations", unknownGoal)
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("UNKNOWN_GOAL");
    }

    @Test
    void refusesWhatCannotBeAskedAndAnswersEveryBadInputWithAProblem() {
        Account admin = api.signUp();
        Account requester = api.join(admin);
        Account member = api.join(admin);
        Account stranger = api.signUp();

        assertThat(reason(api.post(
                        requester.token(),
                        "/api/v1/expectations",
                        expectation("toPersonId", requester.personId(), inDays(5)))))
                .isEqualTo("SELF");
        Map<String, Object> both = expectation("toPersonId", member.personId(), inDays(5));
        both.put("toTeamId", api.team(admin, ApiFixtures.unique("T")).toString());
        assertThat(reason(api.post(requester.token(), "/api/v1/expectations", both)))
                .isEqualTo("ASKED");
        assertThat(reason(api.post(
                        requester.token(),
                        "/api/v1/expectations",
                        expectation("toPersonId", stranger.personId(), inDays(5)))))
                .isEqualTo("UNKNOWN_PERSON");
        assertThat(reason(api.post(
                        requester.token(),
                        "/api/v1/expectations",
                        expectation("toPersonId", member.personId(), inDays(-1)))))
                .isEqualTo("DUE_IN_PAST");
        Map<String, Object> blank = expectation("toPersonId", member.personId(), inDays(5));
        blank.put("what", " ");
        api.post(requester.token(), "/api/v1/expectations", blank).expectProblem(400);
        api.post(requester.token(), "/api/v1/expectations", "[1,2]").expectProblem(400);

        UUID id = api.post(
                        requester.token(),
                        "/api/v1/expectations",
                        expectation("toPersonId", member.personId(), inDays(5)))
                .expect(201)
                .id();
        api.post(member.token(), "/api/v1/expectations/" + id + "/decline", Map.of("reason", " "))
                .expectProblem(400);
        api.post(requester.token(), "/api/v1/expectations/" + id + "/accept", Map.of())
                .expectProblem(403);
        api.post(member.token(), "/api/v1/expectations/" + id + "/counter", Map.of("reason", "Same terms"))
                .expectProblem(422);
        api.post(member.token(), "/api/v1/expectations/" + id + "/accept", Map.of("visibility", "SECRET"))
                .expectProblem(400);
        api.post(stranger.token(), "/api/v1/expectations/" + id + "/decline", Map.of("reason", "no"))
                .expectProblem(404);
        JsonNode declined = api.post(
                        member.token(),
                        "/api/v1/expectations/" + id + "/decline",
                        Map.of("reason", "No time until March"))
                .expect(200)
                .json();
        assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.get("declineReason").asString()).isEqualTo("No time until March");
        api.post(member.token(), "/api/v1/expectations/" + id + "/accept", Map.of())
                .expectProblem(409);
        api.post(requester.token(), "/api/v1/expectations/" + id + "/withdraw", Map.of())
                .expectProblem(409);
    }

    private static String reason(ApiResponse response) {
        return response.expectProblem(422).get("reason").asString();
    }
}
