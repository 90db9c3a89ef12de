package dev.kept.partnerships;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The life of a partnership: who may accept, decline, pause, resume and end it and from which
 * state, who sees it at all, the agreement, and who is told of each step.
 */
@KeptApiTest
class PartnershipLifecycleTests {

    private static final List<String> ACTIONS = List.of("accept", "decline", "pause", "resume", "end");

    @Autowired
    ApiFixtures api;

    private PartnershipFixtures partners;

    @BeforeEach
    void fixtures() {
        partners = new PartnershipFixtures(api);
    }

    @Test
    void invitationStartsInvitedAndOnlyTheInvitedPartnerAcceptsIt() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account invited = api.join(admin);

        ApiResponse created =
                api.invitePartner(inviter, invited.personId(), "PEER").expect(201);
        UUID id = created.id();
        assertThat(created.headers().getLocation().getPath()).isEqualTo("/api/v1/partnerships/" + id);
        assertThat(created.text("status")).isEqualTo("INVITED");
        assertThat(created.text("kind")).isEqualTo("PEER");
        assertThat(created.text("partnerId")).isEqualTo(invited.personId().toString());

        partners.act(inviter, id, "accept").expectProblem(403);
        partners.act(inviter, id, "decline").expectProblem(403);
        assertThat(partners.status(invited, id)).isEqualTo("INVITED");

        JsonNode accepted = partners.act(invited, id, "accept").expect(200).json();
        assertThat(accepted.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(accepted.get("acceptedAt").isNull()).isFalse();
        assertThat(accepted.get("partnerId").asString())
                .isEqualTo(inviter.personId().toString());
        assertThat(partners.status(inviter, id)).isEqualTo("ACTIVE");
    }

    @Test
    void onlyTheInvitedPartnerDeclinesAndDeclinedIsFinal() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account invited = api.join(admin);
        UUID id = api.invitePartner(inviter, invited.personId(), "MENTOR")
                .expect(201)
                .id();

        partners.act(inviter, id, "decline").expectProblem(403);
        JsonNode declined = partners.act(invited, id, "decline").expect(200).json();

        assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.get("endedAt").isNull()).isFalse();
        for (String action : ACTIONS) {
            partners.act(invited, id, action).expectProblem(409);
            partners.act(inviter, id, action)
                    .expectProblem(action.equals("accept") || action.equals("decline") ? 403 : 409);
        }
        agree(invited, id, Map.of("challengeMeOn", "too late")).expectProblem(409);
        assertThat(partners.status(inviter, id)).isEqualTo("DECLINED");
    }

    @Test
    void eitherSidePausesResumesAndEnds() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account invited = api.join(admin);
        UUID id = api.partnership(inviter, invited, "COACH");

        assertThat(partners.act(inviter, id, "pause").expect(200).text("status"))
                .isEqualTo("PAUSED");
        assertThat(partners.act(invited, id, "resume").expect(200).text("status"))
                .isEqualTo("ACTIVE");
        assertThat(partners.act(invited, id, "pause").expect(200).text("status"))
                .isEqualTo("PAUSED");
        assertThat(partners.act(inviter, id, "resume").expect(200).text("status"))
                .isEqualTo("ACTIVE");
        JsonNode ended = partners.act(invited, id, "end").expect(200).json();

        assertThat(ended.get("status").asString()).isEqualTo("ENDED");
        assertThat(ended.get("endedAt").isNull()).isFalse();
        assertThat(partners.status(inviter, id)).isEqualTo("ENDED");
    }

    @Test
    void theInviterCanEndAnActivePartnershipAndEndedIsFinal() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account invited = api.join(admin);
        UUID id = api.partnership(inviter, invited, "PEER");
        partners.act(invited, id, "pause").expect(200);

        assertThat(partners.act(inviter, id, "end").expect(200).text("status")).isEqualTo("ENDED");

        for (String action : ACTIONS) {
            partners.act(invited, id, action).expectProblem(409);
        }
        for (String action : List.of("pause", "resume", "end")) {
            partners.act(inviter, id, action).expectProblem(409);
        }
        agree(inviter, id, Map.of("challengeMeOn", "after the end")).expectProblem(409);
        assertThat(partners.get(invited, id)
                        .expect(200)
                        .json()
                        .at("/agreement/theirChallengeMeOn")
                        .isNull())
                .isTrue();
        assertThat(partners.status(invited, id)).isEqualTo("ENDED");
    }

    @Test
    void theInviterWithdrawsAnInvitationByEndingIt() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account invited = api.join(admin);
        UUID id = api.invitePartner(inviter, invited.personId(), "PEER")
                .expect(201)
                .id();

        assertThat(partners.act(inviter, id, "end").expect(200).text("status")).isEqualTo("ENDED");

        partners.act(invited, id, "accept").expectProblem(409);
        assertThat(partners.status(invited, id)).isEqualTo("ENDED");
    }

    @Test
    void refusesTransitionsFromTheWrongStateWith409AndChangesNothing() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account invited = api.join(admin);
        UUID id = api.invitePartner(inviter, invited.personId(), "PEER")
                .expect(201)
                .id();

        partners.act(invited, id, "pause").expectProblem(409);
        partners.act(inviter, id, "pause").expectProblem(409);
        partners.act(invited, id, "resume").expectProblem(409);
        partners.act(inviter, id, "resume").expectProblem(409);
        assertThat(partners.status(invited, id)).isEqualTo("INVITED");

        partners.act(invited, id, "accept").expect(200);
        partners.act(invited, id, "accept").expectProblem(409);
        partners.act(invited, id, "decline").expectProblem(409);
        partners.act(invited, id, "resume").expectProblem(409);
        partners.act(inviter, id, "resume").expectProblem(409);
        assertThat(partners.status(invited, id)).isEqualTo("ACTIVE");

        partners.act(inviter, id, "pause").expect(200);
        partners.act(inviter, id, "pause").expectProblem(409);
        partners.act(invited, id, "pause").expectProblem(409);
        partners.act(invited, id, "accept").expectProblem(409);
        partners.act(invited, id, "decline").expectProblem(409);
        assertThat(partners.status(invited, id)).isEqualTo("PAUSED");
    }

    @Test
    void aThirdPersonAndTheAdminGet404OnThePartnershipAndEveryAction() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account invited = api.join(admin);
        Account colleague = api.join(admin);
        Account otherOrganization = api.signUp();
        UUID invitation = api.invitePartner(inviter, invited.personId(), "PEER")
                .expect(201)
                .id();
        Account third = api.join(admin);
        UUID active = api.partnership(third, inviter, "COACH");

        for (Account stranger : List.of(colleague, admin, otherOrganization)) {
            for (UUID id : List.of(invitation, active)) {
                partners.get(stranger, id).expectProblem(404);
                for (String action : ACTIONS) {
                    partners.act(stranger, id, action).expectProblem(404);
                }
                agree(stranger, id, Map.of("challengeMeOn", "let me in")).expectProblem(404);
            }
            assertThat(partners.mine(stranger)).isEmpty();
        }
        partners.get(inviter, UUID.randomUUID()).expectProblem(404);
        api.get(inviter.token(), "/api/v1/partnerships/not-an-id").expectProblem(404);
        assertThat(partners.status(invited, invitation)).isEqualTo("INVITED");
        assertThat(partners.status(inviter, active)).isEqualTo("ACTIVE");
        api.get(null, "/api/v1/partnerships").expectProblem(401);
        api.get(null, "/api/v1/partnerships/" + active).expectProblem(401);
    }

    @Test
    void listsOnlyTheCallersPartnershipsNewestFirstAsEachSideSeesThem() {
        Account admin = api.signUp();
        Account me = api.join(admin);
        Account peer = api.join(admin);
        Account coach = api.join(admin);
        Account mentee = api.join(admin);
        Account bystander = api.join(admin);
        UUID withPeer = api.partnership(me, peer, "PEER");
        UUID withCoach = api.partnership(me, coach, "COACH");
        UUID asMentor =
                api.invitePartner(mentee, me.personId(), "MENTOR").expect(201).id();
        UUID notMine = api.partnership(peer, coach, "PEER");

        List<JsonNode> mine = api.get(me.token(), "/api/v1/partnerships")
                .expect(200)
                .json()
                .get("items")
                .valueStream()
                .toList();

        assertThat(mine)
                .extracting(p -> p.get("id").asString())
                .containsExactly(asMentor.toString(), withCoach.toString(), withPeer.toString());
        assertThat(partners.mine(peer)).containsExactlyInAnyOrder(notMine, withPeer);
        assertThat(partners.mine(bystander)).isEmpty();
        assertThat(partners.mine(admin)).isEmpty();
        JsonNode mentored = mine.get(0);
        assertThat(mentored.get("partnerId").asString())
                .isEqualTo(mentee.personId().toString());
        assertThat(mentored.get("partnerName").asString()).isEqualTo(mentee.name());
        assertThat(mentored.get("invitedByMe").asBoolean()).isFalse();
        assertThat(mentored.get("iHoldThem").asBoolean()).isTrue();
        assertThat(mentored.get("theyHoldMe").asBoolean()).isFalse();
        JsonNode coached = mine.get(1);
        assertThat(coached.get("partnerName").asString()).isEqualTo(coach.name());
        assertThat(coached.get("invitedByMe").asBoolean()).isTrue();
        assertThat(coached.get("iHoldThem").asBoolean()).isFalse();
        assertThat(coached.get("theyHoldMe").asBoolean()).isTrue();
        JsonNode peered = mine.get(2);
        assertThat(peered.get("iHoldThem").asBoolean()).isTrue();
        assertThat(peered.get("theyHoldMe").asBoolean()).isTrue();
        JsonNode asCoach = partners.get(coach, withCoach).expect(200).json();
        assertThat(asCoach.get("partnerId").asString()).isEqualTo(me.personId().toString());
        assertThat(asCoach.get("iHoldThem").asBoolean()).isTrue();
        assertThat(asCoach.get("theyHoldMe").asBoolean()).isFalse();
    }

    @Test
    void bothSidesSeeTheAgreementAndEachChangesOnlyTheirOwnTerms() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account invited = api.join(admin);
        Map<String, Object> invitation = new HashMap<>();
        invitation.put("partnerId", invited.personId().toString());
        invitation.put("kind", "PEER");
        invitation.put("message", "Shall we keep each other honest this quarter?");
        invitation.put("cadence", "WEEKLY");
        invitation.put("challengeMeOn", "  Shipping before polishing  ");
        UUID id = api.post(inviter.token(), "/api/v1/partnerships", invitation)
                .expect(201)
                .id();
        JsonNode offered = partners.get(invited, id).expect(200).json();
        assertThat(offered.get("message").asString()).isEqualTo("Shall we keep each other honest this quarter?");
        assertThat(offered.get("cadence").asString()).isEqualTo("WEEKLY");
        assertThat(offered.at("/agreement/theirChallengeMeOn").asString()).isEqualTo("Shipping before polishing");
        assertThat(offered.at("/agreement/myChallengeMeOn").isNull()).isTrue();

        api.post(
                        invited.token(),
                        "/api/v1/partnerships/" + id + "/accept",
                        Map.of("challengeMeOn", "Saying no to meetings", "cadence", "MONTHLY"))
                .expect(200);

        JsonNode inviterView = partners.get(inviter, id).expect(200).json();
        JsonNode invitedView = partners.get(invited, id).expect(200).json();
        String confidentiality = inviterView.at("/agreement/confidentiality").asString();
        assertThat(confidentiality).contains("stays between the two of us").contains("not our managers");
        assertThat(invitedView.at("/agreement/confidentiality").asString()).isEqualTo(confidentiality);
        assertThat(inviterView.get("cadence").asString()).isEqualTo("MONTHLY");
        assertThat(invitedView.get("cadence").asString()).isEqualTo("MONTHLY");
        assertThat(inviterView.at("/agreement/myChallengeMeOn").asString()).isEqualTo("Shipping before polishing");
        assertThat(inviterView.at("/agreement/theirChallengeMeOn").asString()).isEqualTo("Saying no to meetings");
        assertThat(invitedView.at("/agreement/myChallengeMeOn").asString()).isEqualTo("Saying no to meetings");
        assertThat(invitedView.at("/agreement/theirChallengeMeOn").asString()).isEqualTo("Shipping before polishing");

        JsonNode changed = agree(invited, id, Map.of("challengeMeOn", "Delegating the on-call rota"))
                .expect(200)
                .json();

        assertThat(changed.at("/agreement/myChallengeMeOn").asString()).isEqualTo("Delegating the on-call rota");
        assertThat(changed.at("/agreement/theirChallengeMeOn").asString()).isEqualTo("Shipping before polishing");
        JsonNode afterChange = partners.get(inviter, id).expect(200).json();
        assertThat(afterChange.at("/agreement/myChallengeMeOn").asString()).isEqualTo("Shipping before polishing");
        assertThat(afterChange.at("/agreement/theirChallengeMeOn").asString()).isEqualTo("Delegating the on-call rota");

        agree(inviter, id, Map.of("challengeMeOn", "x".repeat(1001))).expectProblem(400);
        api.post(invited.token(), "/api/v1/partnerships/" + id + "/accept", Map.of("challengeMeOn", "x".repeat(1001)))
                .expectProblem(400);
        assertThat(partners.get(inviter, id)
                        .json()
                        .at("/agreement/myChallengeMeOn")
                        .asString())
                .isEqualTo("Shipping before polishing");
    }

    @Test
    void termsTheInvitedPartnerWroteBeforeAcceptingStayWhenTheyAcceptWithoutTerms() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account invited = api.join(admin);
        UUID id = api.invitePartner(inviter, invited.personId(), "PEER")
                .expect(201)
                .id();
        agree(invited, id, Map.of("challengeMeOn", "Asking for help early", "cadence", "WEEKLY"))
                .expect(200);

        JsonNode accepted = partners.act(invited, id, "accept").expect(200).json();

        assertThat(accepted.at("/agreement/myChallengeMeOn").asString()).isEqualTo("Asking for help early");
        assertThat(accepted.get("cadence").asString()).isEqualTo("WEEKLY");
        assertThat(partners.get(inviter, id)
                        .json()
                        .at("/agreement/theirChallengeMeOn")
                        .asString())
                .isEqualTo("Asking for help early");
    }

    @Test
    void invitedPartnerIsToldOfTheInvitationAndTheInviterOfTheAnswer() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account accepting = api.join(admin);
        Account declining = api.join(admin);
        Map<String, Object> invitation = new HashMap<>();
        invitation.put("partnerId", accepting.personId().toString());
        invitation.put("kind", "COACH");
        invitation.put("message", "Secret-ish opening words");
        UUID accepted = api.post(inviter.token(), "/api/v1/partnerships", invitation)
                .expect(201)
                .id();
        UUID declined = api.invitePartner(inviter, declining.personId(), "PEER")
                .expect(201)
                .id();

        String invitedText = api.awaitNotification(accepting, inviter.name());
        assertThat(invitedText).contains("invites you").contains("coach").doesNotContain("Secret-ish");
        assertThat(api.awaitNotification(declining, inviter.name())).contains("invites you");
        JsonNode notice = api.get(accepting.token(), "/api/v1/notifications")
                .expect(200)
                .json()
                .get("items")
                .get(0);
        assertThat(notice.get("kind").asString()).isEqualTo("PARTNERSHIP_INVITED");
        assertThat(notice.get("link").asString()).isEqualTo("/partnerships/" + accepted);
        assertThat(notice.get("read").asBoolean()).isFalse();

        partners.act(accepting, accepted, "accept").expect(200);
        partners.act(declining, declined, "decline").expect(200);

        assertThat(api.awaitNotification(inviter, accepting.name())).contains("accepted your invitation");
        assertThat(api.awaitNotification(inviter, declining.name())).contains("declined your invitation");
        assertThat(api.notifications(accepting)).hasSize(1);
        assertThat(api.notifications(declining)).hasSize(1);
        assertThat(api.notifications(admin)).isEmpty();
    }

    @Test
    void theOtherSideIsToldOfPauseResumeAndEnd() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account invited = api.join(admin);
        UUID id = api.partnership(inviter, invited, "PEER");
        api.awaitNotification(inviter, "accepted your invitation");

        partners.act(invited, id, "pause").expect(200);
        assertThat(api.awaitNotification(inviter, invited.name() + " paused")).contains("paused your partnership");
        partners.act(inviter, id, "resume").expect(200);
        assertThat(api.awaitNotification(invited, inviter.name() + " resumed")).contains("resumed your partnership");
        partners.act(inviter, id, "end").expect(200);
        assertThat(api.awaitNotification(invited, inviter.name() + " ended")).contains("ended your partnership");

        assertThat(api.notifications(inviter))
                .as("the one who acted is not told of their own step")
                .noneMatch(text -> text.contains("resumed") || text.contains("ended"));
        assertThat(api.notifications(invited)).noneMatch(text -> text.contains("paused"));
        assertThat(api.notifications(admin)).isEmpty();
    }

    private ApiResponse agree(Account who, UUID partnership, Map<String, Object> terms) {
        return api.send(HttpMethod.PUT, who.token(), "/api/v1/partnerships/" + partnership + "/agreement", terms);
    }
}
