package dev.kept.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Step 4, declare ownership: the owner takes the outcome as theirs and invites co-owners. */
@KeptApiTest
class CoOwnershipTests {

    @Autowired
    ApiFixtures api;

    @Test
    void anInvitedCoOwnerSeesItAcceptsAndReportsProgressAndItReadsAsOurs() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account coOwner = api.join(admin);
        Account colleague = api.join(admin);
        UUID id = api.commit(owner, LocalDate.now(ZoneOffset.UTC).plusDays(20), "PRIVATE");
        String path = "/api/v1/commitments/" + id;

        JsonNode owned = api.post(owner.token(), path + "/ownership", Map.of())
                .expect(200)
                .json();
        assertThat(owned.has("ownedAt")).isTrue();
        api.post(owner.token(), path + "/ownership", Map.of()).expectProblem(409);

        api.post(
                        owner.token(),
                        path + "/co-owners",
                        Map.of("personId", coOwner.personId().toString()))
                .expect(201);
        api.awaitNotification(coOwner, "invites you to co-own a commitment");
        api.get(coOwner.token(), path).expect(200);
        api.get(colleague.token(), path).expectProblem(404);
        api.post(coOwner.token(), path + "/progress", Map.of("confidence", "ON_TRACK"))
                .expectProblem(403);

        JsonNode accepted = api.post(coOwner.token(), path + "/co-owners/accept", Map.of())
                .expect(200)
                .json();
        assertThat(accepted.get("coOwners").get(0).get("accepted").asBoolean()).isTrue();
        api.awaitNotification(owner, "accepted to co-own your commitment");
        JsonNode reported = api.post(
                        coOwner.token(),
                        path + "/progress",
                        Map.of("percent", 40, "confidence", "ON_TRACK", "control", 4))
                .expect(201)
                .json();
        assertThat(reported.get("percent").asInt()).isEqualTo(40);
        assertThat(reported.get("progress").get(0).get("authorId").asString())
                .isEqualTo(coOwner.personId().toString());
        assertThat(api.get(coOwner.token(), "/api/v1/commitments")
                        .json()
                        .get("items")
                        .valueStream()
                        .map(c -> c.get("id").asString()))
                .contains(id.toString());

        // only the owner changes the terms, and only the invited accepts
        api.patch(
                        coOwner.token(),
                        path,
                        Map.of("version", reported.get("version").asLong(), "what", "Mine now"))
                .expectProblem(403);
        api.post(colleague.token(), path + "/co-owners/accept", Map.of()).expectProblem(404);
        api.post(coOwner.token(), path + "/co-owners/accept", Map.of()).expectProblem(409);
    }

    @Test
    void refusesCoOwnersWhoCannotBe() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account member = api.join(admin);
        Account stranger = api.signUp();
        UUID id = api.commit(owner, LocalDate.now(ZoneOffset.UTC).plusDays(20), "TEAM");
        String path = "/api/v1/commitments/" + id + "/co-owners";

        assertThat(api.post(
                                owner.token(),
                                path,
                                Map.of("personId", owner.personId().toString()))
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("SELF");
        assertThat(api.post(
                                owner.token(),
                                path,
                                Map.of("personId", stranger.personId().toString()))
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("UNKNOWN_PERSON");
        api.post(owner.token(), path, Map.of("personId", "not-an-id")).expectProblem(400);
        api.post(owner.token(), path, Map.of()).expectProblem(400);
        api.post(member.token(), path, Map.of("personId", member.personId().toString()))
                .expectProblem(404);
        api.post(owner.token(), path, Map.of("personId", member.personId().toString()))
                .expect(201);
        api.post(owner.token(), path, Map.of("personId", member.personId().toString()))
                .expectProblem(409);
    }
}
