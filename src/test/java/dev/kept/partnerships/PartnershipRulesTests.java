package dev.kept.partnerships;

import static dev.kept.partnerships.PartnershipFixtures.reason;
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
 * The rules of a partnership, on invitation, on acceptance and on resumption: not oneself, nobody in
 * one's reporting line at any depth, nobody either side declared a competitor (without telling who
 * declared it), and one open partnership per pair.
 */
@KeptApiTest
class PartnershipRulesTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    dev.kept.StatementCounter counter;

    private PartnershipFixtures partners;

    @BeforeEach
    void fixtures() {
        partners = new PartnershipFixtures(api);
    }

    // --- SELF --------------------------------------------------------------------------------

    @Test
    void rejectsInvitingOneselfById() {
        Account admin = api.signUp();
        Account me = api.join(admin);

        assertThat(reason(api.invitePartner(me, me.personId(), "PEER"))).isEqualTo("SELF");

        assertThat(partners.mine(me)).isEmpty();
    }

    @Test
    void rejectsInvitingOneselfByOwnEmailInAnyCase() {
        Account admin = api.signUp();
        Account me = api.join(admin);

        ApiResponse refused = api.post(
                me.token(), "/api/v1/partnerships", Map.of("email", me.email().toUpperCase(), "kind", "PEER"));

        assertThat(reason(refused)).isEqualTo("SELF");
        assertThat(partners.mine(me)).isEmpty();
        assertThat(api.peopleWithEmail(me.email())).isEqualTo(1);
        assertThat(api.mailsTo(me.email())).hasSize(1); // only the member invitation it joined with
    }

    // --- REPORTING_LINE ----------------------------------------------------------------------

    @Test
    void reportCannotInviteTheirManagerOrAnyoneAboveUpToThreeLevels() {
        Account admin = api.signUp();
        Account top = api.join(admin);
        Account upper = partners.reportOf(admin, top);
        Account lower = partners.reportOf(admin, upper);
        Account bottom = partners.reportOf(admin, lower);

        for (Account above : List.of(lower, upper, top)) {
            assertThat(reason(api.invitePartner(bottom, above.personId(), "PEER")))
                    .as("%s inviting someone above", bottom.name())
                    .isEqualTo("REPORTING_LINE");
        }
        assertThat(reason(api.invitePartner(lower, top.personId(), "MENTOR"))).isEqualTo("REPORTING_LINE");
        assertThat(reason(api.post(
                        bottom.token(), "/api/v1/partnerships", Map.of("email", top.email(), "kind", "COACH"))))
                .as("the manager three levels up, named by e-mail")
                .isEqualTo("REPORTING_LINE");
        assertThat(partners.mine(bottom)).isEmpty();
        assertThat(partners.mine(top)).isEmpty();
    }

    @Test
    void managerCannotInviteTheirReportOrAnyoneBelowDownToThreeLevels() {
        Account admin = api.signUp();
        Account top = api.join(admin);
        Account upper = partners.reportOf(admin, top);
        Account lower = partners.reportOf(admin, upper);
        Account bottom = partners.reportOf(admin, lower);

        for (Account below : List.of(upper, lower, bottom)) {
            assertThat(reason(api.invitePartner(top, below.personId(), "PEER")))
                    .as("%s inviting someone below", top.name())
                    .isEqualTo("REPORTING_LINE");
        }
        assertThat(reason(api.invitePartner(upper, bottom.personId(), "COACH"))).isEqualTo("REPORTING_LINE");
        assertThat(partners.mine(top)).isEmpty();
        assertThat(partners.mine(bottom)).isEmpty();
    }

    @Test
    void allowsSomeoneInAnotherBranchOfTheSameTree() {
        Account admin = api.signUp();
        Account top = api.join(admin);
        Account left = partners.reportOf(admin, top);
        Account right = partners.reportOf(admin, top);
        Account leftReport = partners.reportOf(admin, left);

        // a sibling and a sibling's report share a manager above them, but neither is above the other
        api.invitePartner(leftReport, right.personId(), "PEER").expect(201);
        api.invitePartner(left, right.personId(), "PEER").expect(201);
    }

    @Test
    void reportingLineMadeAfterTheInvitationBlocksAcceptance() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account invited = api.join(admin);
        Account inviterReport = partners.reportOf(admin, inviter);
        UUID id = api.invitePartner(inviter, invited.personId(), "PEER")
                .expect(201)
                .id();

        // the invited partner now reports, two levels down, to the inviter
        partners.moveUnder(admin, invited, inviterReport).expect(200);
        assertThat(partners.status(invited, id)).isEqualTo("INVITED");

        assertThat(reason(partners.act(invited, id, "accept"))).isEqualTo("REPORTING_LINE");
        assertThat(partners.status(inviter, id)).isEqualTo("INVITED");

        partners.moveUnder(admin, invited, null).expect(200);
        assertThat(partners.act(invited, id, "accept").expect(200).text("status"))
                .isEqualTo("ACTIVE");
    }

    @Test
    void reportingLineBlocksResumingAPausedPartnership() {
        Account admin = api.signUp();
        Account a = api.join(admin);
        Account b = api.join(admin);
        UUID id = api.partnership(a, b, "PEER");
        partners.act(a, id, "pause").expect(200);

        partners.moveUnder(admin, b, a).expect(200);

        assertThat(partners.status(a, id)).isEqualTo("SUSPENDED");
        assertThat(reason(partners.act(a, id, "resume"))).isEqualTo("REPORTING_LINE");
        assertThat(reason(partners.act(b, id, "resume"))).isEqualTo("REPORTING_LINE");
        assertThat(partners.status(b, id)).isEqualTo("SUSPENDED");
    }

    // --- NOT_ELIGIBLE ------------------------------------------------------------------------

    @Test
    void rejectsSomeoneTheInviterDeclaredACompetitor() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account rival = api.join(admin);
        partners.declareCompetitors(inviter, rival).expect(200);

        assertThat(reason(api.invitePartner(inviter, rival.personId(), "PEER"))).isEqualTo("NOT_ELIGIBLE");
        assertThat(reason(api.post(
                        inviter.token(), "/api/v1/partnerships", Map.of("email", rival.email(), "kind", "PEER"))))
                .isEqualTo("NOT_ELIGIBLE");

        assertThat(partners.mine(inviter)).isEmpty();
        assertThat(partners.mine(rival)).isEmpty();
    }

    @Test
    void anInvitationTheInviteesDeclarationBlocksAnswersLikeAnyOtherAndNeverReachesThem() {
        Account admin = api.signUp();
        Account declaring = api.join(admin);
        Account inviter = api.join(admin);
        Account someoneElse = api.join(admin);
        partners.declareCompetitors(declaring, inviter).expect(200);

        ApiResponse blocked = api.invitePartner(inviter, declaring.personId(), "PEER");
        ApiResponse ordinary = api.invitePartner(inviter, someoneElse.personId(), "PEER");

        JsonNode silenced = blocked.expect(201).json();
        JsonNode plain = ordinary.expect(201).json();
        assertThat(silenced.get("status").asString()).isEqualTo("INVITED");
        assertThat(silenced.propertyNames())
                .as("nothing in the answer tells the two invitations apart")
                .containsExactlyInAnyOrderElementsOf(plain.propertyNames());
        assertThat(blocked.body()).doesNotContainIgnoringCase("competitor").doesNotContainIgnoringCase("eligible");
        assertThat(partners.mine(inviter)).hasSize(2);
        UUID id = blocked.id();
        assertThat(partners.status(inviter, id)).isEqualTo("INVITED");
        // the one who declared never sees it, cannot answer it, and is never told
        assertThat(partners.mine(declaring)).isEmpty();
        partners.get(declaring, id).expectProblem(404);
        partners.act(declaring, id, "accept").expectProblem(404);
        partners.act(declaring, id, "decline").expectProblem(404);
        api.awaitNotification(someoneElse, inviter.name());
        assertThat(api.notifications(declaring)).isEmpty();
        // a second invitation is a duplicate, as it would be of anyone
        assertThat(reason(api.invitePartner(inviter, declaring.personId(), "PEER")))
                .isEqualTo("DUPLICATE");
        // withdrawing it tells nobody either
        partners.act(inviter, id, "end").expect(200);
        assertThat(api.notifications(declaring)).isEmpty();
        // one's own declaration is one's own to know: it is refused
        assertThat(reason(api.invitePartner(declaring, inviter.personId(), "PEER")))
                .isEqualTo("NOT_ELIGIBLE");
    }

    @Test
    void someoneWhoWithdrawsTheirDeclarationCanInviteTheOneTheyHadDeclared() {
        Account admin = api.signUp();
        Account declaring = api.join(admin);
        Account inviter = api.join(admin);
        partners.declareCompetitors(declaring, inviter).expect(200);
        UUID silenced = api.invitePartner(inviter, declaring.personId(), "PEER")
                .expect(201)
                .id();
        partners.declareCompetitors(declaring).expect(200);

        UUID invitation = api.invitePartner(declaring, inviter.personId(), "PEER")
                .expect(201)
                .id();

        assertThat(partners.status(inviter, silenced)).isEqualTo("ENDED");
        assertThat(partners.mine(declaring)).containsExactly(invitation);
        assertThat(partners.act(inviter, invitation, "accept").expect(200).text("status"))
                .isEqualTo("ACTIVE");
    }

    @Test
    void theOtherSideCannotLearnOfADeclaration() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account declaring = api.join(admin);
        Account bystander = api.join(admin);
        partners.declareCompetitors(declaring, inviter, bystander).expect(200);
        partners.declareCompetitors(inviter, bystander).expect(200);

        assertThat(api.invitePartner(inviter, declaring.personId(), "PEER")
                        .expect(201)
                        .text("status"))
                .isEqualTo("INVITED");

        assertThat(partners.competitorsOf(declaring))
                .containsExactlyInAnyOrder(
                        inviter.personId().toString(), bystander.personId().toString());
        assertThat(partners.competitorsOf(inviter))
                .containsExactly(bystander.personId().toString());
        assertThat(partners.competitorsOf(bystander)).isEmpty();
        assertThat(partners.mine(declaring)).isEmpty();
        // the one who was declared still finds the declaring person among the people to consider
        List<String> candidates = api.get(inviter.token(), "/api/v1/partnerships/candidates")
                .expect(200)
                .json()
                .findValuesAsString("personId");
        assertThat(candidates).doesNotContain(bystander.personId().toString());
        // a partnership that does go ahead shows nothing of the declarations either
        Account peer = api.join(admin);
        UUID id = api.partnership(inviter, peer, "PEER");
        assertThat(partners.get(inviter, id).body()).doesNotContainIgnoringCase("competitor");
        api.awaitNotification(inviter, "accepted your invitation");
        assertThat(api.notifications(inviter))
                .allSatisfy(text -> assertThat(text)
                        .doesNotContainIgnoringCase("competitor")
                        .doesNotContainIgnoringCase("eligible")
                        .doesNotContain(declaring.name()));
        assertThat(api.notifications(declaring)).isEmpty();
    }

    @Test
    void aConflictDeclaredAfterTheInvitationBlocksAcceptanceByTheOneWhoDeclared() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account invited = api.join(admin);
        UUID byInvited = api.invitePartner(inviter, invited.personId(), "PEER")
                .expect(201)
                .id();

        partners.declareCompetitors(invited, inviter).expect(200);

        assertThat(reason(partners.act(invited, byInvited, "accept"))).isEqualTo("NOT_ELIGIBLE");
        assertThat(partners.status(inviter, byInvited)).isEqualTo("INVITED");

        // once the declaration is withdrawn, the invitation can be accepted
        partners.declareCompetitors(invited).expect(200);
        assertThat(partners.act(invited, byInvited, "accept").expect(200).text("status"))
                .isEqualTo("ACTIVE");
    }

    @Test
    void declaringSomeoneOneInvitedWithdrawsTheInvitationLikeAnyWithdrawal() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account invited = api.join(admin);
        UUID id = api.invitePartner(inviter, invited.personId(), "COACH")
                .expect(201)
                .id();

        partners.declareCompetitors(inviter, invited).expect(200);

        assertThat(partners.status(invited, id)).isEqualTo("ENDED");
        ApiResponse late = partners.act(invited, id, "accept");
        late.expectProblem(409);
        assertThat(late.body()).doesNotContainIgnoringCase("eligible").doesNotContainIgnoringCase("competitor");
    }

    @Test
    void aConflictDeclaredWhilePausedBlocksResuming() {
        Account admin = api.signUp();
        Account a = api.join(admin);
        Account b = api.join(admin);
        UUID id = api.partnership(a, b, "PEER");
        partners.act(b, id, "pause").expect(200);
        partners.declareCompetitors(a, b).expect(200);

        assertThat(reason(partners.act(b, id, "resume"))).isEqualTo("NOT_ELIGIBLE");
        assertThat(reason(partners.act(a, id, "resume"))).isEqualTo("NOT_ELIGIBLE");
        assertThat(partners.status(b, id)).isEqualTo("PAUSED");

        partners.declareCompetitors(a).expect(200);
        assertThat(partners.act(b, id, "resume").expect(200).text("status")).isEqualTo("ACTIVE");
    }

    @Test
    void competitorDeclarationsRefuseOneselfAndPeopleOfOtherOrganizations() {
        Account admin = api.signUp();
        Account me = api.join(admin);
        Account colleague = api.join(admin);
        Account outsider = api.signUp();
        partners.declareCompetitors(me, colleague).expect(200);

        assertThat(reason(partners.declareCompetitors(me, me))).isEqualTo("SELF");
        assertThat(reason(partners.declareCompetitors(me, outsider))).isEqualTo("UNKNOWN_PERSON");
        api.send(HttpMethod.PUT, me.token(), "/api/v1/me/conflicts", Map.of()).expectProblem(400);

        assertThat(partners.competitorsOf(me))
                .containsExactly(colleague.personId().toString());
    }

    @Test
    void declaringCompetitorsReadsThemInTheSameStatementsWhateverTheirNumber() {
        Account admin = api.signUp();
        Account me = api.join(admin);
        List<Account> colleagues = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            colleagues.add(api.join(admin));
        }
        api.get(me.token(), "/api/v1/me").expect(200); // the token's first use is recorded, once a minute
        long forTwo = counter.statementsOf(key -> declared(me, colleagues.subList(0, 2), key));
        long forTwelve = counter.statementsOf(key -> declared(me, colleagues, key));

        assertThat(forTwelve).isEqualTo(forTwo).isPositive();
        assertThat(partners.competitorsOf(me)).hasSize(12);
    }

    private void declared(Account who, List<Account> competitors, String key) {
        api.sendCounted(
                        HttpMethod.PUT,
                        who.token(),
                        "/api/v1/me/conflicts",
                        Map.of(
                                "personIds",
                                competitors.stream()
                                        .map(c -> c.personId().toString())
                                        .toList()),
                        key)
                .expect(200);
    }

    // --- DUPLICATE ---------------------------------------------------------------------------

    @Test
    void refusesASecondOpenPartnershipBetweenTheSameTwoInEitherDirection() {
        Account admin = api.signUp();
        Account a = api.join(admin);
        Account b = api.join(admin);
        UUID id = api.invitePartner(a, b.personId(), "PEER").expect(201).id();

        assertDuplicateEitherWay(a, b);
        partners.act(b, id, "accept").expect(200);
        assertDuplicateEitherWay(a, b);
        partners.act(a, id, "pause").expect(200);
        assertDuplicateEitherWay(a, b);
        assertThat(reason(api.post(a.token(), "/api/v1/partnerships", Map.of("email", b.email(), "kind", "PEER"))))
                .isEqualTo("DUPLICATE");

        assertThat(partners.mine(a)).containsExactly(id);
        assertThat(partners.mine(b)).containsExactly(id);
    }

    @Test
    void allowsANewPartnershipOnceTheFirstEndedOrWasDeclined() {
        Account admin = api.signUp();
        Account a = api.join(admin);
        Account b = api.join(admin);
        UUID ended = api.partnership(a, b, "PEER");
        partners.act(b, ended, "end").expect(200);

        UUID declined = api.invitePartner(b, a.personId(), "MENTOR").expect(201).id();
        partners.act(a, declined, "decline").expect(200);

        UUID withdrawn = api.invitePartner(a, b.personId(), "COACH").expect(201).id();
        partners.act(a, withdrawn, "end").expect(200);

        UUID again = api.partnership(a, b, "PEER");
        assertThat(partners.status(b, again)).isEqualTo("ACTIVE");
        assertThat(partners.mine(a)).containsExactlyInAnyOrder(ended, declined, withdrawn, again);
        assertDuplicateEitherWay(a, b);
    }

    private void assertDuplicateEitherWay(Account a, Account b) {
        assertThat(reason(api.invitePartner(a, b.personId(), "PEER"))).isEqualTo("DUPLICATE");
        assertThat(reason(api.invitePartner(b, a.personId(), "COACH"))).isEqualTo("DUPLICATE");
    }

    // --- malformed invitations ---------------------------------------------------------------

    @Test
    void answersMalformedInvitationsWithA4xxAndInvitesNobody() {
        Account admin = api.signUp();
        Account me = api.join(admin);
        Account colleague = api.join(admin);
        Account otherOrganization = api.signUp();
        String email = ApiFixtures.uniqueEmail("outsider");

        assertThat(reason(invite(
                        me, Map.of("partnerId", colleague.personId().toString(), "email", email, "kind", "PEER"))))
                .isEqualTo("PARTNER");
        assertThat(reason(invite(me, Map.of("kind", "PEER")))).isEqualTo("PARTNER");
        assertThat(reason(invite(me, Map.of("email", "", "kind", "PEER")))).isEqualTo("PARTNER");
        invite(me, Map.of("email", " ", "kind", "PEER")).expectProblem(400);
        assertThat(invite(me, Map.of("partnerId", colleague.personId().toString(), "kind", "BOSS"))
                        .expectProblem(400)
                        .get("detail")
                        .asString())
                .contains("kind");
        invite(me, Map.of("partnerId", colleague.personId().toString())).expectProblem(400);
        invite(me, Map.of("partnerId", "not-an-id", "kind", "PEER")).expectProblem(400);
        invite(me, Map.of("email", "no-at-sign", "kind", "PEER")).expectProblem(400);
        invite(me, Map.of("partnerId", colleague.personId().toString(), "kind", "PEER", "cadence", "DAILY"))
                .expectProblem(400);
        assertThat(reason(invite(
                        me, Map.of("partnerId", otherOrganization.personId().toString(), "kind", "PEER"))))
                .isEqualTo("UNKNOWN_PERSON");
        assertThat(reason(invite(me, Map.of("partnerId", UUID.randomUUID().toString(), "kind", "PEER"))))
                .isEqualTo("UNKNOWN_PERSON");
        assertThat(invite(
                                me,
                                Map.of(
                                        "partnerId",
                                        colleague.personId().toString(),
                                        "kind",
                                        "PEER",
                                        "message",
                                        "m".repeat(1001)))
                        .expectProblem(400)
                        .toString())
                .contains("message");
        invite(me, Map.of("email", email, "kind", "PEER", "challengeMeOn", "c".repeat(1001)))
                .expectProblem(400);
        invite(me, "{\"partnerId\": ").expectProblem(400);

        assertThat(partners.mine(me)).isEmpty();
        assertThat(api.peopleWithEmail(email)).isZero();
        assertThat(api.mailsTo(email)).isEmpty();
        assertThat(api.notifications(colleague)).isEmpty();
        // the longest message allowed goes through
        assertThat(invite(
                                me,
                                Map.of(
                                        "partnerId",
                                        colleague.personId().toString(),
                                        "kind",
                                        "PEER",
                                        "message",
                                        "m".repeat(1000)))
                        .expect(201)
                        .text("message"))
                .hasSize(1000);
    }

    @Test
    void refusesAGuestOfTheOrganizationByIdAsIfTheyWereUnknown() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account other = api.join(admin);
        Account guest = api.guest(inviter, "PEER");

        assertThat(reason(api.invitePartner(other, guest.personId(), "PEER"))).isEqualTo("UNKNOWN_PERSON");
        assertThat(reason(partners.declareCompetitors(other, guest))).isEqualTo("UNKNOWN_PERSON");
    }

    private ApiResponse invite(Account who, Object body) {
        Object sent = body instanceof Map<?, ?> map ? new HashMap<>(map) : body;
        return api.post(who.token(), "/api/v1/partnerships", sent);
    }
}
