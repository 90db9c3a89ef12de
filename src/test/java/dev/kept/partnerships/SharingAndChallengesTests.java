package dev.kept.partnerships;

import static dev.kept.partnerships.PartnershipFixtures.reason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Commitments shared with partners, with all of today's partnerships or the ones named, and the
 * challenges partners post on them: seen by the challenge's author and the owner, nobody else.
 */
@KeptApiTest
class SharingAndChallengesTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    private PartnershipFixtures partners;

    @BeforeEach
    void fixtures() {
        partners = new PartnershipFixtures(api);
    }

    // --- sharing -----------------------------------------------------------------------------

    @Test
    void sharedWithoutNamingPartnershipsIsSeenByEveryActivePartnerWhoHoldsTheOwner() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account invitedPeer = api.join(admin);
        Account invitingPeer = api.join(admin);
        Account coach = api.join(admin);
        Account mentee = api.join(admin);
        Account notYetPartner = api.join(admin);
        Account bystander = api.join(admin);
        api.partnership(owner, invitedPeer, "PEER");
        api.partnership(invitingPeer, owner, "PEER");
        api.partnership(owner, coach, "COACH");
        api.partnership(mentee, owner, "MENTOR");
        api.invitePartner(owner, notYetPartner.personId(), "PEER").expect(201);

        UUID shared = commit(owner, "PARTNERS");
        UUID coachs = commit(coach, "PARTNERS");
        UUID mentees = commit(mentee, "PARTNERS");

        for (Account partner : List.of(invitedPeer, invitingPeer, coach)) {
            assertThat(api.get(partner.token(), "/api/v1/commitments/" + shared)
                            .expect(200)
                            .text("ownerName"))
                    .isEqualTo(owner.name());
            assertThat(ids(api.get(partner.token(), "/api/v1/commitments?owner=" + owner.personId())))
                    .as("what %s lists of the owner", partner.name())
                    .containsExactly(shared.toString());
        }
        for (Account other : List.of(mentee, notYetPartner, bystander, admin)) {
            api.get(other.token(), "/api/v1/commitments/" + shared).expectProblem(404);
            assertThat(ids(api.get(other.token(), "/api/v1/commitments"))).doesNotContain(shared.toString());
        }
        // the mentor sees the mentee's; nothing flows from the coach to the one they coach
        api.get(owner.token(), "/api/v1/commitments/" + mentees).expect(200);
        api.get(owner.token(), "/api/v1/commitments/" + coachs).expectProblem(404);
        assertThat(ids(api.get(owner.token(), "/api/v1/commitments")))
                .containsExactlyInAnyOrder(shared.toString(), mentees.toString());
        api.post(owner.token(), "/api/v1/commitments/" + coachs + "/challenges", Map.of("message", "And you?"))
                .expectProblem(404);
    }

    @Test
    void sharedWithNamedPartnershipsIsSeenByThosePartnersOnly() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account first = api.join(admin);
        Account second = api.join(admin);
        UUID withFirst = invite(owner, first, "PEER", "Leaving work on time");
        UUID withSecond = invite(second, owner, "PEER", "The second partner's own terms");
        partners.act(first, withFirst, "accept").expect(200);
        api.post(
                        owner.token(),
                        "/api/v1/partnerships/" + withSecond + "/accept",
                        Map.of("challengeMeOn", "Writing things down"))
                .expect(200);
        UUID toAll = commit(owner, "PARTNERS");

        JsonNode made = api.commit(owner, terms("PARTNERS", List.of(withFirst)));
        UUID toFirst = UUID.fromString(made.get("id").asString());

        assertThat(sharedWith(made)).containsExactly(withFirst.toString());
        JsonNode ownersView = api.get(owner.token(), "/api/v1/commitments/" + toFirst)
                .expect(200)
                .json();
        assertThat(sharedWith(ownersView)).containsExactly(withFirst.toString());
        assertThat(ownersView.has("challengeMeOn")).isFalse();
        JsonNode firstsView = api.get(first.token(), "/api/v1/commitments/" + toFirst)
                .expect(200)
                .json();
        assertThat(firstsView.has("sharedWith")).isFalse();
        assertThat(firstsView.get("challengeMeOn").asString()).isEqualTo("Leaving work on time");
        assertThat(api.get(second.token(), "/api/v1/commitments/" + toAll)
                        .expect(200)
                        .text("challengeMeOn"))
                .as("the owner's terms in the second partnership")
                .isEqualTo("Writing things down");
        api.get(second.token(), "/api/v1/commitments/" + toFirst).expectProblem(404);
        assertThat(ids(api.get(first.token(), "/api/v1/commitments")))
                .containsExactlyInAnyOrder(toAll.toString(), toFirst.toString());
        assertThat(ids(api.get(second.token(), "/api/v1/commitments"))).containsExactly(toAll.toString());
        assertThat(api.get(first.token(), "/api/v1/commitments").body()).doesNotContain("sharedWith");
    }

    @Test
    void theOwnerChangesWhomACommitmentIsSharedWith() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account first = api.join(admin);
        Account second = api.join(admin);
        UUID withFirst = api.partnership(owner, first, "PEER");
        UUID withSecond = api.partnership(second, owner, "PEER");
        UUID id = UUID.fromString(api.commit(owner, terms("PARTNERS", List.of(withFirst)))
                .get("id")
                .asString());

        assertThat(sharedWith(revise(owner, id, 0, Map.of("sharedWith", List.of(withSecond.toString())))
                        .expect(200)
                        .json()))
                .containsExactly(withSecond.toString());
        api.get(first.token(), "/api/v1/commitments/" + id).expectProblem(404);
        api.get(second.token(), "/api/v1/commitments/" + id).expect(200);

        revise(owner, id, 1, Map.of("sharedWith", List.of())).expect(200);
        api.get(first.token(), "/api/v1/commitments/" + id).expect(200);
        api.get(second.token(), "/api/v1/commitments/" + id).expect(200);

        revise(owner, id, 2, Map.of("sharedWith", List.of(withFirst.toString(), withSecond.toString())))
                .expect(200);
        assertThat(ids(api.get(second.token(), "/api/v1/commitments"))).containsExactly(id.toString());

        assertThat(sharedWith(revise(owner, id, 3, Map.of("visibility", "PRIVATE"))
                        .expect(200)
                        .json()))
                .isEmpty();
        api.get(first.token(), "/api/v1/commitments/" + id).expectProblem(404);
        api.get(second.token(), "/api/v1/commitments/" + id).expectProblem(404);
    }

    @Test
    void refusesSharingWithPartnershipsThatAreNotTheOwnersToShare() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account peer = api.join(admin);
        Account mentee = api.join(admin);
        Account former = api.join(admin);
        Account stranger = api.join(admin);
        Account strangersPeer = api.join(admin);
        UUID withPeer = api.partnership(owner, peer, "PEER");
        UUID asCoach = api.partnership(mentee, owner, "COACH");
        UUID ended = api.partnership(owner, former, "PEER");
        partners.act(former, ended, "end").expect(200);
        UUID notOwners = api.partnership(stranger, strangersPeer, "PEER");
        UUID id = UUID.fromString(api.commit(owner, terms("PARTNERS", List.of(withPeer)))
                .get("id")
                .asString());
        long made = api.commitmentsOwnedBy(owner.personId());

        for (UUID refused : List.of(notOwners, asCoach, ended, UUID.randomUUID())) {
            assertThat(reason(api.post(owner.token(), "/api/v1/commitments", terms("PARTNERS", List.of(refused)))))
                    .isEqualTo("UNKNOWN_PARTNERSHIP");
            assertThat(reason(revise(
                            owner, id, 0, Map.of("sharedWith", List.of(withPeer.toString(), refused.toString())))))
                    .isEqualTo("UNKNOWN_PARTNERSHIP");
        }
        assertThat(reason(api.post(owner.token(), "/api/v1/commitments", terms("PRIVATE", List.of(withPeer)))))
                .isEqualTo("SHARED_WITH");
        assertThat(reason(api.post(owner.token(), "/api/v1/commitments", terms("ORGANIZATION", List.of(withPeer)))))
                .isEqualTo("SHARED_WITH");
        assertThat(reason(
                        revise(owner, id, 0, Map.of("visibility", "TEAM", "sharedWith", List.of(withPeer.toString())))))
                .isEqualTo("SHARED_WITH");

        assertThat(api.commitmentsOwnedBy(owner.personId())).isEqualTo(made);
        JsonNode unchanged =
                api.get(owner.token(), "/api/v1/commitments/" + id).expect(200).json();
        assertThat(unchanged.get("version").asLong()).isZero();
        assertThat(sharedWith(unchanged)).containsExactly(withPeer.toString());
        api.get(peer.token(), "/api/v1/commitments/" + id).expect(200);
        api.get(mentee.token(), "/api/v1/commitments/" + id).expectProblem(404);
    }

    @Test
    void pausedAndEndedPartnershipsShowNothing() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account peer = api.join(admin);
        UUID id = api.partnership(owner, peer, "PEER");
        UUID toAll = commit(owner, "PARTNERS");
        UUID toThisOne = UUID.fromString(
                api.commit(owner, terms("PARTNERS", List.of(id))).get("id").asString());
        UUID peers = commit(peer, "PARTNERS");

        partners.act(peer, id, "pause").expect(200);
        assertSeesNone(peer, toAll, toThisOne);
        api.get(owner.token(), "/api/v1/commitments/" + peers).expectProblem(404);

        partners.act(owner, id, "resume").expect(200);
        api.get(peer.token(), "/api/v1/commitments/" + toAll).expect(200);
        api.get(peer.token(), "/api/v1/commitments/" + toThisOne).expect(200);

        partners.act(owner, id, "end").expect(200);
        assertSeesNone(peer, toAll, toThisOne);
        api.get(owner.token(), "/api/v1/commitments/" + peers).expectProblem(404);

        // a new partnership of the same two began after both were shared: it sees neither until the
        // owner shares one there
        UUID again = api.partnership(peer, owner, "PEER");
        assertSeesNone(peer, toAll, toThisOne);
        api.post(
                        owner.token(),
                        "/api/v1/partnerships/" + again + "/shares",
                        Map.of("commitmentIds", List.of(toAll.toString())))
                .expect(200);
        api.get(peer.token(), "/api/v1/commitments/" + toAll).expect(200);
        api.get(peer.token(), "/api/v1/commitments/" + toThisOne).expectProblem(404);
    }

    // --- challenges --------------------------------------------------------------------------

    @Test
    void partnerChallengesTheOwnerAnswersAndEachIsTold() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account partner = api.join(admin);
        api.partnership(owner, partner, "PEER");
        UUID commitment = commit(owner, "PARTNERS");

        ApiResponse posted = api.post(
                partner.token(),
                "/api/v1/commitments/" + commitment + "/challenges",
                Map.of("message", "  What will you drop to make room for this?  "));

        posted.expect(201);
        UUID challenge = posted.id();
        assertThat(posted.headers().getLocation()).hasPath("/api/v1/challenges/" + challenge);
        JsonNode thread = posted.json();
        assertThat(thread.get("kind").asString()).isEqualTo("QUESTION");
        assertThat(thread.get("message").asString()).isEqualTo("What will you drop to make room for this?");
        assertThat(thread.get("authorId").asString())
                .isEqualTo(partner.personId().toString());
        assertThat(thread.get("commitmentId").asString()).isEqualTo(commitment.toString());
        assertThat(thread.get("answers").size()).isZero();
        String told = api.awaitNotification(owner, "challenged you");
        assertThat(told).contains(partner.name()).doesNotContain("What will you drop");

        JsonNode answered = api.post(
                        owner.token(),
                        "/api/v1/challenges/" + challenge + "/answer",
                        Map.of("message", "The weekly status report", "helpful", true))
                .expect(200)
                .json();

        assertThat(answered.get("helpful").asBoolean()).isTrue();
        assertThat(answered.at("/answers/0/message").asString()).isEqualTo("The weekly status report");
        assertThat(answered.at("/answers/0/authorId").asString())
                .isEqualTo(owner.personId().toString());
        String answer = api.awaitNotification(partner, "answered your challenge");
        assertThat(answer).contains(owner.name()).doesNotContain("weekly status report");
        JsonNode authorsView = api.get(partner.token(), "/api/v1/challenges/" + challenge)
                .expect(200)
                .json();
        assertThat(authorsView.at("/answers/0/message").asString()).isEqualTo("The weekly status report");
        assertThat(authorsView.get("helpful").asBoolean()).isTrue();
        assertThat(api.notifications(owner)).noneMatch(text -> text.contains("What will you drop"));
    }

    @Test
    void theOwnerSeesEveryThreadAndEachPartnerOnlyTheirOwn() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account first = api.join(admin);
        Account second = api.join(admin);
        api.partnership(owner, first, "PEER");
        api.partnership(owner, second, "MENTOR");
        UUID commitment = commit(owner, "PARTNERS");
        UUID firsts = challenge(first, commitment, Map.of("message", "Is the date realistic?"));
        UUID seconds = challenge(second, commitment, Map.of("message", "You said this last quarter", "kind", "PUSH"));

        assertThat(ids(api.get(owner.token(), "/api/v1/commitments/" + commitment + "/challenges")))
                .containsExactly(firsts.toString(), seconds.toString());
        assertThat(ids(api.get(first.token(), "/api/v1/commitments/" + commitment + "/challenges")))
                .containsExactly(firsts.toString());
        JsonNode secondsList = api.get(second.token(), "/api/v1/commitments/" + commitment + "/challenges")
                .expect(200)
                .json();
        assertThat(secondsList.findValuesAsString("id")).containsExactly(seconds.toString());
        assertThat(secondsList.at("/items/0/kind").asString()).isEqualTo("PUSH");
        assertThat(secondsList.toString()).doesNotContain("Is the date realistic?");
        api.get(second.token(), "/api/v1/challenges/" + firsts).expectProblem(404);
        api.get(first.token(), "/api/v1/challenges/" + seconds).expectProblem(404);
        api.post(second.token(), "/api/v1/challenges/" + firsts + "/answer", Map.of("message", "Not yours"))
                .expectProblem(404);
    }

    @Test
    void onlyTheOwnerAnswersAndEmptyMessagesAreRefused() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account partner = api.join(admin);
        api.partnership(partner, owner, "PEER");
        UUID commitment = commit(owner, "PARTNERS");
        UUID challenge = challenge(partner, commitment, Map.of("message", "Who else knows about this?"));

        api.post(partner.token(), "/api/v1/challenges/" + challenge + "/answer", Map.of("message", "Me, myself"))
                .expectProblem(403);
        api.post(owner.token(), "/api/v1/commitments/" + commitment + "/challenges", Map.of("message", "Self-talk"))
                .expectProblem(403);
        for (Object blank : List.of("", "   ")) {
            api.post(partner.token(), "/api/v1/commitments/" + commitment + "/challenges", Map.of("message", blank))
                    .expectProblem(400);
            api.post(owner.token(), "/api/v1/challenges/" + challenge + "/answer", Map.of("message", blank))
                    .expectProblem(400);
        }
        api.post(partner.token(), "/api/v1/commitments/" + commitment + "/challenges", Map.of())
                .expectProblem(400);
        api.post(owner.token(), "/api/v1/challenges/" + challenge + "/answer", Map.of("helpful", true))
                .expectProblem(400);
        api.post(
                        partner.token(),
                        "/api/v1/commitments/" + commitment + "/challenges",
                        Map.of("message", "Why?", "kind", "RANT"))
                .expectProblem(400);
        api.post(
                        partner.token(),
                        "/api/v1/commitments/" + commitment + "/challenges",
                        Map.of("message", "x".repeat(2001)))
                .expectProblem(400);

        JsonNode thread = api.get(owner.token(), "/api/v1/challenges/" + challenge)
                .expect(200)
                .json();
        assertThat(thread.get("answers").size()).isZero();
        assertThat(thread.get("helpful").isNull()).isTrue();
        assertThat(ids(api.get(owner.token(), "/api/v1/commitments/" + commitment + "/challenges")))
                .containsExactly(challenge.toString());
    }

    @Test
    void aTeammateWhoSeesATeamCommitmentCannotChallengeItNorReadItsThreads() {
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("Team"));
        Account owner = api.join(admin, Map.of("teamId", team.toString()));
        Account teammate = api.join(admin, Map.of("teamId", team.toString()));
        Account partner = api.join(admin);
        api.partnership(owner, partner, "PEER");
        UUID forTeam = commit(owner, "TEAM");
        api.get(teammate.token(), "/api/v1/commitments/" + forTeam).expect(200);

        api.post(teammate.token(), "/api/v1/commitments/" + forTeam + "/challenges", Map.of("message", "Really?"))
                .expectProblem(403);
        // the partner sees the team's commitment only if they are in the team: here they are not
        api.post(partner.token(), "/api/v1/commitments/" + forTeam + "/challenges", Map.of("message", "Really?"))
                .expectProblem(404);

        assertThat(ids(api.get(teammate.token(), "/api/v1/commitments/" + forTeam + "/challenges")))
                .isEmpty();
        assertThat(ids(api.get(owner.token(), "/api/v1/commitments/" + forTeam + "/challenges")))
                .isEmpty();
    }

    @Test
    void theManagerTheAdminAndColleaguesGet404OnChallenges() {
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("Team"));
        Account manager = api.join(admin, Map.of("teamId", team.toString()));
        Account owner = api.join(admin, Map.of("managerId", manager.personId().toString(), "teamId", team.toString()));
        Account teammate = api.join(admin, Map.of("teamId", team.toString()));
        Account partner = api.join(admin);
        api.partnership(owner, partner, "PEER");
        UUID shared = commit(owner, "PARTNERS");
        UUID challenge = challenge(partner, shared, Map.of("message", "Are you sandbagging?", "kind", "CONCERN"));
        api.post(owner.token(), "/api/v1/challenges/" + challenge + "/answer", Map.of("message", "A little"))
                .expect(200);
        // the commitment opened to the whole organization later: its threads stay between the two
        UUID opened = commit(owner, "PARTNERS");
        UUID openedChallenge = challenge(partner, opened, Map.of("message", "Is this the real plan?"));
        revise(owner, opened, 0, Map.of("visibility", "ORGANIZATION")).expect(200);

        for (Account outsider : List.of(manager, admin, teammate)) {
            api.get(outsider.token(), "/api/v1/challenges/" + challenge).expectProblem(404);
            api.get(outsider.token(), "/api/v1/commitments/" + shared + "/challenges")
                    .expectProblem(404);
            api.post(outsider.token(), "/api/v1/challenges/" + challenge + "/answer", Map.of("message", "Hm"))
                    .expectProblem(404);
            api.get(outsider.token(), "/api/v1/commitments/" + opened).expect(200);
            api.get(outsider.token(), "/api/v1/challenges/" + openedChallenge).expectProblem(404);
            assertThat(ids(api.get(outsider.token(), "/api/v1/commitments/" + opened + "/challenges")))
                    .isEmpty();
            api.post(outsider.token(), "/api/v1/commitments/" + opened + "/challenges", Map.of("message", "Hm"))
                    .expectProblem(403);
            assertThat(api.notifications(outsider)).noneMatch(text -> text.contains("challenge"));
        }
        api.get(null, "/api/v1/challenges/" + challenge).expectProblem(401);
    }

    @Test
    void afterThePartnershipEndsTheFormerPartnerGets404OnTheChallengeAndTheCommitment() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account partner = api.join(admin);
        UUID id = api.partnership(owner, partner, "COACH");
        UUID commitment = commit(owner, "PARTNERS");
        UUID challenge = challenge(partner, commitment, Map.of("message", "How will you measure it?"));

        partners.act(owner, id, "end").expect(200);

        api.get(partner.token(), "/api/v1/challenges/" + challenge).expectProblem(404);
        api.get(partner.token(), "/api/v1/commitments/" + commitment).expectProblem(404);
        api.get(partner.token(), "/api/v1/commitments/" + commitment + "/challenges")
                .expectProblem(404);
        api.post(partner.token(), "/api/v1/commitments/" + commitment + "/challenges", Map.of("message", "Still?"))
                .expectProblem(404);
        assertThat(ids(api.get(partner.token(), "/api/v1/commitments"))).isEmpty();
        // the owner keeps their own thread
        assertThat(ids(api.get(owner.token(), "/api/v1/commitments/" + commitment + "/challenges")))
                .containsExactly(challenge.toString());
        api.get(owner.token(), "/api/v1/challenges/" + challenge).expect(200);
    }

    // --- helpers -----------------------------------------------------------------------------

    private UUID commit(Account owner, String visibility) {
        return api.commit(owner, LocalDate.now(clock).plusDays(10), visibility);
    }

    private Map<String, Object> terms(String visibility, List<UUID> sharedWith) {
        Map<String, Object> terms = ApiFixtures.clearTerms(LocalDate.now(clock).plusDays(12), visibility);
        terms.put("sharedWith", sharedWith.stream().map(UUID::toString).toList());
        return terms;
    }

    private UUID invite(Account inviter, Account partner, String kind, String challengeMeOn) {
        return api.post(
                        inviter.token(),
                        "/api/v1/partnerships",
                        Map.of(
                                "partnerId",
                                partner.personId().toString(),
                                "kind",
                                kind,
                                "challengeMeOn",
                                challengeMeOn))
                .expect(201)
                .id();
    }

    private UUID challenge(Account author, UUID commitment, Map<String, Object> body) {
        return api.post(author.token(), "/api/v1/commitments/" + commitment + "/challenges", body)
                .expect(201)
                .id();
    }

    private ApiResponse revise(Account owner, UUID commitment, long version, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(changes);
        body.put("version", version);
        return api.patch(owner.token(), "/api/v1/commitments/" + commitment, body);
    }

    private void assertSeesNone(Account viewer, UUID... commitments) {
        List<String> listed = ids(api.get(viewer.token(), "/api/v1/commitments"));
        for (UUID commitment : commitments) {
            api.get(viewer.token(), "/api/v1/commitments/" + commitment).expectProblem(404);
            assertThat(listed).doesNotContain(commitment.toString());
        }
    }

    private static List<String> sharedWith(JsonNode commitment) {
        assertThat(commitment.has("sharedWith"))
                .as("sharedWith in %s", commitment)
                .isTrue();
        return commitment
                .get("sharedWith")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    private static List<String> ids(ApiResponse list) {
        JsonNode json = list.expect(200).json();
        return (json.isArray() ? json : json.get("items"))
                .valueStream()
                .map(item -> item.get("id").asString())
                .toList();
    }
}
