package dev.kept.partnerships;

import static dev.kept.partnerships.PartnershipFixtures.reason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Sharing is decided when the owner shares: "all my partners" names the partnerships the owner has
 * at that moment, and a partner who comes later sees an older commitment only once the owner
 * shares it with them, from the partnership (in the API, {@code POST /partnerships/{id}/shares}).
 */
@KeptApiTest
class SharingDecidedWhenSharedTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    private PartnershipFixtures partners;

    @BeforeEach
    void fixtures() {
        partners = new PartnershipFixtures(api);
    }

    @Test
    void allMyPartnersNamesThePartnersOfTheMomentAndNobodyWhoComesLater() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account early = api.join(admin);
        Account invitedThen = api.join(admin);
        Account later = api.join(admin);
        UUID withEarly = api.partnership(owner, early, "PEER");
        UUID withInvited = api.invitePartner(owner, invitedThen.personId(), "PEER")
                .expect(201)
                .id();

        JsonNode made =
                api.commit(owner, ApiFixtures.clearTerms(LocalDate.now(clock).plusDays(10), "PARTNERS"));
        UUID shared = UUID.fromString(made.get("id").asString());

        assertThat(made.get("sharedWith").valueStream().map(JsonNode::asString))
                .as("the partnerships it is shared with are named when it is shared")
                .containsExactly(withEarly.toString());
        api.get(early.token(), "/api/v1/commitments/" + shared).expect(200);
        // an invitation answered later, and a partnership begun later, see nothing shared before
        partners.act(invitedThen, withInvited, "accept").expect(200);
        UUID withLater = api.partnership(later, owner, "PEER");
        for (Account partner : List.of(invitedThen, later)) {
            api.get(partner.token(), "/api/v1/commitments/" + shared).expectProblem(404);
            assertThat(api.get(partner.token(), "/api/v1/commitments?owner=" + owner.personId())
                            .expect(200)
                            .body())
                    .doesNotContain(shared.toString());
            api.get(partner.token(), "/api/v1/commitments/" + shared + "/challenges")
                    .expectProblem(404);
            api.post(
                            partner.token(),
                            "/api/v1/commitments/" + shared + "/challenges",
                            Map.of("message", "What will you drop?"))
                    .expectProblem(404);
        }
        // a new commitment for all partners is seen by all three
        UUID next = api.commit(owner, LocalDate.now(clock).plusDays(11), "PARTNERS");
        for (Account partner : List.of(early, invitedThen, later)) {
            api.get(partner.token(), "/api/v1/commitments/" + next).expect(200);
        }
        // the owner shares the older one with the later partner only
        assertThat(api.post(
                                owner.token(),
                                "/api/v1/partnerships/" + withLater + "/shares",
                                Map.of("commitmentIds", List.of(shared.toString())))
                        .expect(200)
                        .json()
                        .get("newlyShared")
                        .asInt())
                .isEqualTo(1);
        api.get(later.token(), "/api/v1/commitments/" + shared).expect(200);
        api.get(invitedThen.token(), "/api/v1/commitments/" + shared).expectProblem(404);
        // sharing it again changes nothing
        assertThat(api.post(
                                owner.token(),
                                "/api/v1/partnerships/" + withLater + "/shares",
                                Map.of("commitmentIds", List.of(shared.toString())))
                        .expect(200)
                        .json()
                        .get("newlyShared")
                        .asInt())
                .isZero();
    }

    @Test
    void sharesOnlyTheCallersOwnCommitmentsForPartnersThroughTheirOwnPartnerships() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account peer = api.join(admin);
        Account mentee = api.join(admin);
        Account stranger = api.join(admin);
        Account strangersPeer = api.join(admin);
        // made before any partnership: shared with nobody yet
        UUID forPartners = api.commit(owner, LocalDate.now(clock).plusDays(10), "PARTNERS");
        UUID withPeer = api.partnership(owner, peer, "PEER");
        // the owner coaches the mentee: the mentee's commitments flow to the owner, not the other way
        UUID asCoach = api.partnership(mentee, owner, "COACH");
        UUID notOwners = api.partnership(stranger, strangersPeer, "PEER");
        UUID privateOne = api.commit(owner, LocalDate.now(clock).plusDays(10), "PRIVATE");
        UUID peersOwn = api.commit(peer, LocalDate.now(clock).plusDays(10), "PARTNERS");
        String shares = "/api/v1/partnerships/" + withPeer + "/shares";

        assertThat(reason(api.post(owner.token(), shares, Map.of("commitmentIds", List.of(peersOwn.toString())))))
                .isEqualTo("UNKNOWN_COMMITMENT");
        assertThat(reason(api.post(owner.token(), shares, Map.of("commitmentIds", List.of(privateOne.toString())))))
                .isEqualTo("NOT_FOR_PARTNERS");
        assertThat(reason(api.post(
                        owner.token(),
                        shares,
                        Map.of(
                                "commitmentIds",
                                List.of(
                                        forPartners.toString(),
                                        UUID.randomUUID().toString())))))
                .as("one commitment refused shares none")
                .isEqualTo("UNKNOWN_COMMITMENT");
        api.post(owner.token(), shares, Map.of("commitmentIds", List.of())).expectProblem(400);
        api.post(owner.token(), shares, Map.of()).expectProblem(400);
        api.post(owner.token(), shares, Map.of("commitmentIds", List.of("not-an-id")))
                .expectProblem(400);
        for (UUID notToShareThrough : List.of(asCoach, notOwners, UUID.randomUUID())) {
            api.post(
                            owner.token(),
                            "/api/v1/partnerships/" + notToShareThrough + "/shares",
                            Map.of("commitmentIds", List.of(forPartners.toString())))
                    .expectProblem(404);
        }
        api.post(peer.token(), shares, Map.of("commitmentIds", List.of(forPartners.toString())))
                .expectProblem(422);
        assertThat(api.get(owner.token(), "/api/v1/commitments/" + forPartners)
                        .expect(200)
                        .json()
                        .get("version")
                        .asLong())
                .as("nothing was changed by the refused requests")
                .isZero();
        api.get(peer.token(), "/api/v1/commitments/" + forPartners).expectProblem(404);
        api.get(mentee.token(), "/api/v1/commitments/" + forPartners).expectProblem(404);
        api.post(owner.token(), shares, Map.of("commitmentIds", List.of(forPartners.toString())))
                .expect(200);
        api.get(peer.token(), "/api/v1/commitments/" + forPartners).expect(200);
        api.get(peer.token(), "/api/v1/commitments/" + privateOne).expectProblem(404);
    }
}
