package dev.kept.partnerships;

import static dev.kept.partnerships.PartnershipFixtures.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Someone from outside the organization, invited by e-mail: they join as a guest through the link,
 * and see their partnerships and what is shared with them, nothing else of the organization.
 */
@KeptApiTest
class GuestPartnerTests {

    private static final Pattern CSRF_VALUE = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    @Autowired
    ApiFixtures api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private PartnershipFixtures partners;

    @BeforeEach
    void fixtures() {
        partners = new PartnershipFixtures(api);
    }

    private LocalDate inDays(int days) {
        return LocalDate.now(clock).plusDays(days);
    }

    @Test
    void outsidePartnerIsEmailedALinkJoinsWithANameAndFindsTheInvitation() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        String email = ApiFixtures.uniqueEmail("Outsider");

        JsonNode invited = api.post(
                        inviter.token(),
                        "/api/v1/partnerships",
                        Map.of("email", email, "kind", "COACH", "message", "Would you coach me?"))
                .expect(201)
                .json();
        UUID id = UUID.fromString(invited.get("id").asString());
        assertThat(invited.get("status").asString()).isEqualTo("INVITED");
        assertThat(invited.get("kind").asString()).isEqualTo("COACH");

        String token = api.invitationToken(email);
        assertThat(api.mailsTo(email))
                .singleElement()
                .satisfies(body -> assertThat(body)
                        .contains(inviter.name())
                        .contains("/invitations/" + token)
                        .contains("guest")
                        .doesNotContain("Would you coach me?"));
        Map<String, Object> join = new LinkedHashMap<>();
        join.put("password", ApiFixtures.PASSWORD);
        join.put("name", "Olive Outsider");
        JsonNode joined =
                api.post(null, "/api/v1/invitations/" + token, join).expect(200).json();
        assertThat(joined.get("name").asString()).isEqualTo("Olive Outsider");
        assertThat(joined.get("role").asString()).isEqualTo("GUEST");
        assertThat(joined.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(joined.get("email").asString()).isEqualTo(email.toLowerCase());
        api.post(null, "/api/v1/invitations/" + token, join).expectProblem(410);

        Account guest = new Account(
                inviter.organizationId(),
                UUID.fromString(joined.get("id").asString()),
                "Olive Outsider",
                email,
                ApiFixtures.PASSWORD,
                api.token(email, ApiFixtures.PASSWORD));
        assertThat(partners.mine(guest)).containsExactly(id);
        JsonNode seen = partners.get(guest, id).expect(200).json();
        assertThat(seen.get("partnerName").asString()).isEqualTo(inviter.name());
        assertThat(seen.get("message").asString()).isEqualTo("Would you coach me?");
        assertThat(api.awaitNotification(guest, inviter.name())).contains("invites you to be their coach");

        assertThat(partners.act(guest, id, "accept").expect(200).text("status")).isEqualTo("ACTIVE");
        assertThat(partners.get(inviter, id).expect(200).text("partnerName")).isEqualTo("Olive Outsider");
        assertThat(api.awaitNotification(inviter, "Olive Outsider")).contains("accepted your invitation");
    }

    @Test
    void theGuestInvitationIsKeptOutOfTheAdminOutbox() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        String email = ApiFixtures.uniqueEmail("confidential");
        api.post(inviter.token(), "/api/v1/partnerships", Map.of("email", email, "kind", "PEER"))
                .expect(201);
        api.invitationToken(email);

        assertThat(confidentialFlagsOfMailsTo(email)).containsExactly(true);
        assertThat(confidentialFlagsOfMailsTo(inviter.email())).containsExactly(false);
        String outbox = adminOutbox(admin);
        assertThat(outbox).contains(inviter.email()).doesNotContain(email.toLowerCase());
        assertThat(outbox).doesNotContain("accountability partner on Kept");
    }

    @Test
    void guestSeesNeitherThePeopleNorTheTeamsOfTheOrganization() {
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("Team"));
        Account inviter = api.join(admin, Map.of("teamId", team.toString()));
        Account guest = api.guest(inviter, "PEER");

        api.get(guest.token(), "/api/v1/people").expectProblem(404);
        api.get(guest.token(), "/api/v1/people/" + inviter.personId()).expectProblem(404);
        api.get(guest.token(), "/api/v1/people/" + guest.personId()).expectProblem(404);
        api.get(guest.token(), "/api/v1/teams").expectProblem(404);
        api.get(guest.token(), "/api/v1/teams/" + team).expectProblem(404);
        api.get(guest.token(), "/api/v1/partnerships/fit/" + inviter.personId()).expectProblem(404);
        assertThat(api.get(guest.token(), "/api/v1/partnerships/candidates")
                        .expect(200)
                        .json()
                        .get("items")
                        .size())
                .isZero();
        assertThat(api.get(guest.token(), "/api/v1/me").expect(200).id()).isEqualTo(guest.personId());
    }

    @Test
    void membersDoNotSeeTheGuestInTheDirectory() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account colleague = api.join(admin);
        Account guest = api.guest(inviter, "PEER");

        for (Account member : List.of(admin, inviter, colleague)) {
            List<String> ids =
                    api.get(member.token(), "/api/v1/people").expect(200).json().findValuesAsString("id");
            assertThat(ids)
                    .contains(member.personId().toString())
                    .doesNotContain(guest.personId().toString());
            api.get(member.token(), "/api/v1/people/" + guest.personId()).expectProblem(404);
        }
        api.patch(admin.token(), "/api/v1/people/" + guest.personId(), Map.of("title", "Spy"))
                .expectProblem(404);
    }

    @Test
    void guestCoachSeesOnlyWhatTheMemberSharesWithPartners() {
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("Team"));
        Account inviter = api.join(admin, Map.of("teamId", team.toString()));
        Account guest = api.guest(inviter, "COACH");
        partners.act(guest, guest.partnershipId(), "accept").expect(200);
        UUID organization = api.commit(inviter, inDays(10), "ORGANIZATION");
        UUID forTeam = api.commit(inviter, inDays(11), "TEAM");
        UUID privately = api.commit(inviter, inDays(12), "PRIVATE");
        UUID shared = api.commit(inviter, inDays(13), "PARTNERS");

        api.get(guest.token(), "/api/v1/commitments/" + organization).expectProblem(404);
        api.get(guest.token(), "/api/v1/commitments/" + forTeam).expectProblem(404);
        api.get(guest.token(), "/api/v1/commitments/" + privately).expectProblem(404);
        assertThat(api.get(guest.token(), "/api/v1/commitments/" + shared)
                        .expect(200)
                        .text("ownerName"))
                .isEqualTo(inviter.name());
        assertThat(ids(api.get(guest.token(), "/api/v1/commitments"))).containsExactly(shared.toString());
        assertThat(ids(api.get(guest.token(), "/api/v1/commitments?owner=" + inviter.personId())))
                .containsExactly(shared.toString());
        // a teammate of the inviter still sees the team's and the organization's
        Account teammate = api.join(admin, Map.of("teamId", team.toString()));
        assertThat(ids(api.get(teammate.token(), "/api/v1/commitments")))
                .containsExactlyInAnyOrder(organization.toString(), forTeam.toString());
    }

    @Test
    void theMemberDoesNotSeeWhatTheirGuestCoachSharesWithPartners() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account guest = api.guest(inviter, "COACH");
        partners.act(guest, guest.partnershipId(), "accept").expect(200);

        UUID coachs = api.commit(guest, inDays(5), "PARTNERS");

        api.get(inviter.token(), "/api/v1/commitments/" + coachs).expectProblem(404);
        assertThat(ids(api.get(inviter.token(), "/api/v1/commitments"))).isEmpty();
        assertThat(ids(api.get(guest.token(), "/api/v1/commitments"))).containsExactly(coachs.toString());
    }

    @Test
    void aGuestPeerAndTheMemberSeeEachOthersSharedCommitmentsOnly() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account guest = api.guest(inviter, "PEER");
        partners.act(guest, guest.partnershipId(), "accept").expect(200);
        UUID guestsShared = api.commit(guest, inDays(5), "PARTNERS");
        UUID guestsPrivate = api.commit(guest, inDays(6), "PRIVATE");
        UUID membersShared = api.commit(inviter, inDays(7), "PARTNERS");

        assertThat(ids(api.get(inviter.token(), "/api/v1/commitments")))
                .containsExactlyInAnyOrder(guestsShared.toString(), membersShared.toString());
        assertThat(ids(api.get(guest.token(), "/api/v1/commitments")))
                .containsExactlyInAnyOrder(guestsShared.toString(), guestsPrivate.toString(), membersShared.toString());
        api.get(inviter.token(), "/api/v1/commitments/" + guestsPrivate).expectProblem(404);
        api.get(admin.token(), "/api/v1/commitments/" + guestsShared).expectProblem(404);
        assertThat(ids(api.get(admin.token(), "/api/v1/commitments"))).isEmpty();
    }

    @Test
    void guestKeepsCommitmentsPrivateOrWithPartnersOnly() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account guest = api.guest(inviter, "PEER");
        partners.act(guest, guest.partnershipId(), "accept").expect(200);

        for (String visibility : List.of("TEAM", "ORGANIZATION")) {
            assertThat(reason(api.post(
                            guest.token(), "/api/v1/commitments", ApiFixtures.clearTerms(inDays(3), visibility))))
                    .isEqualTo("VISIBILITY");
        }
        assertThat(api.commitmentsOwnedBy(guest.personId())).isZero();
        UUID mine = api.commit(guest, inDays(3), "PRIVATE");
        api.commit(guest, inDays(4), "PARTNERS");
        assertThat(reason(api.patch(
                        guest.token(),
                        "/api/v1/commitments/" + mine,
                        Map.of("version", 0, "visibility", "ORGANIZATION"))))
                .isEqualTo("VISIBILITY");
        assertThat(api.get(guest.token(), "/api/v1/commitments/" + mine).text("visibility"))
                .isEqualTo("PRIVATE");
    }

    @Test
    void guestCannotInvitePartners() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account colleague = api.join(admin);
        Account guest = api.guest(inviter, "PEER");
        String friend = ApiFixtures.uniqueEmail("friend");

        api.post(guest.token(), "/api/v1/partnerships", Map.of("email", friend, "kind", "PEER"))
                .expectProblem(403);
        api.invitePartner(guest, colleague.personId(), "PEER").expectProblem(403);

        assertThat(api.peopleWithEmail(friend)).isZero();
        assertThat(api.mailsTo(friend)).isEmpty();
        assertThat(partners.mine(guest)).containsExactly(guest.partnershipId());
        assertThat(partners.mine(colleague)).isEmpty();
    }

    @Test
    void invitingTheSameEmailAgainBeforeTheGuestJoinedSendsANewLink() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account colleague = api.join(admin);
        String email = ApiFixtures.uniqueEmail("slow-reader");
        UUID first = api.post(inviter.token(), "/api/v1/partnerships", Map.of("email", email, "kind", "PEER"))
                .expect(201)
                .id();
        String firstLink = api.invitationToken(email);

        UUID second = api.post(
                        colleague.token(),
                        "/api/v1/partnerships",
                        Map.of("email", email.toUpperCase(), "kind", "MENTOR"))
                .expect(201)
                .id();

        String secondLink = api.invitationTokenOtherThan(email, firstLink);
        assertThat(api.mailsTo(email)).hasSize(2);
        assertThat(api.peopleWithEmail(email)).isEqualTo(1);
        api.accept(firstLink, ApiFixtures.PASSWORD).expectProblem(410);
        UUID guestId = api.accept(secondLink, ApiFixtures.PASSWORD).expect(200).id();
        Account guest = new Account(
                inviter.organizationId(),
                guestId,
                null,
                email,
                ApiFixtures.PASSWORD,
                api.token(email, ApiFixtures.PASSWORD));
        assertThat(partners.mine(guest)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void theSameInviterInvitingAgainAfterWithdrawingSendsANewLink() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        String email = ApiFixtures.uniqueEmail("second-try");
        UUID first = api.post(inviter.token(), "/api/v1/partnerships", Map.of("email", email, "kind", "PEER"))
                .expect(201)
                .id();
        String firstLink = api.invitationToken(email);

        assertThat(reason(api.post(inviter.token(), "/api/v1/partnerships", Map.of("email", email, "kind", "PEER"))))
                .isEqualTo("DUPLICATE");
        partners.act(inviter, first, "end").expect(200);
        UUID second = api.post(inviter.token(), "/api/v1/partnerships", Map.of("email", email, "kind", "COACH"))
                .expect(201)
                .id();

        String secondLink = api.invitationTokenOtherThan(email, firstLink);
        assertThat(api.mailsTo(email)).hasSize(2);
        api.accept(firstLink, ApiFixtures.PASSWORD).expectProblem(410);
        UUID guestId = api.accept(secondLink, ApiFixtures.PASSWORD).expect(200).id();
        assertThat(guestId).isNotNull();
        assertThat(partners.mine(new Account(
                        inviter.organizationId(),
                        guestId,
                        null,
                        email,
                        ApiFixtures.PASSWORD,
                        api.token(email, ApiFixtures.PASSWORD))))
                .containsExactly(second, first);
    }

    private static List<String> ids(ApiResponse list) {
        return list.expect(200).json().findValuesAsString("id");
    }

    private List<Boolean> confidentialFlagsOfMailsTo(String email) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> jdbc.sql("select confidential from outgoing_mail where recipient = :recipient")
                                .param("recipient", email.toLowerCase())
                                .query(Boolean.class)
                                .list(),
                        flags -> !flags.isEmpty());
    }

    /** A page as the test browser got it: the session it carries on with, the status and the body. */
    private record Page(String session, int status, String body) {}

    /** The admin outbox page, as the admin sees it after signing in with the form. */
    private String adminOutbox(Account admin) {
        Page login = page(api.http().get().uri("/login").accept(MediaType.TEXT_HTML), null);
        Matcher csrf = CSRF_VALUE.matcher(login.body());
        assertThat(csrf.find()).as("a _csrf input on the sign-in page").isTrue();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("email", admin.email());
        form.add("password", admin.password());
        form.add("_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
        Page signedIn = page(
                api.http()
                        .method(HttpMethod.POST)
                        .uri("/login")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(form),
                login.session());
        assertThat(signedIn.status()).isEqualTo(302);
        Page outbox = page(api.http().get().uri("/admin/outbox").accept(MediaType.TEXT_HTML), signedIn.session());
        assertThat(outbox.status()).isEqualTo(200);
        return outbox.body();
    }

    private static Page page(RestClient.RequestHeadersSpec<?> request, String session) {
        if (session != null) {
            request.header(HttpHeaders.COOKIE, "JSESSIONID=" + session);
        }
        return request.exchange((req, res) -> {
            try {
                String next = res.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                        .filter(cookie -> cookie.startsWith("JSESSIONID="))
                        .map(cookie -> cookie.substring("JSESSIONID=".length(), cookie.indexOf(';')))
                        .findFirst()
                        .orElse(session);
                return new Page(
                        next,
                        res.getStatusCode().value(),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void theInviterSendsTheLinkAgainUntilTheGuestJoins() {
        Account admin = api.signUp();
        Account inviter = api.join(admin);
        Account member = api.join(admin);
        String email = ApiFixtures.uniqueEmail("lost-mail");
        UUID id = api.post(inviter.token(), "/api/v1/partnerships", Map.of("email", email, "kind", "COACH"))
                .expect(201)
                .id();
        String firstLink = api.invitationToken(email);

        JsonNode resent = api.post(inviter.token(), "/api/v1/partnerships/" + id + "/invitation", Map.of())
                .expect(200)
                .json();

        assertThat(resent.get("partnerName").asString()).isEqualTo(email.toLowerCase(java.util.Locale.ROOT));
        assertThat(resent.get("partnerOutside").asBoolean()).isTrue();
        String secondLink = api.invitationTokenOtherThan(email, firstLink);
        api.accept(firstLink, ApiFixtures.PASSWORD).expectProblem(410);
        Map<String, Object> joining = Map.of("password", ApiFixtures.PASSWORD, "name", "Cora Coach");
        api.post(null, "/api/v1/invitations/" + secondLink, joining).expect(200);
        api.post(inviter.token(), "/api/v1/partnerships/" + id + "/invitation", Map.of())
                .expectProblem(409);

        UUID withMember = api.invitePartner(inviter, member.personId(), "PEER")
                .expect(201)
                .id();
        api.post(inviter.token(), "/api/v1/partnerships/" + withMember + "/invitation", Map.of())
                .expectProblem(409);
        api.post(member.token(), "/api/v1/partnerships/" + withMember + "/invitation", Map.of())
                .expectProblem(403);
        api.post(admin.token(), "/api/v1/partnerships/" + id + "/invitation", Map.of())
                .expectProblem(404);
    }

    @Test
    void aSecondInviterSeesTheGuestsEmailNotTheNameTheyChoseUntilTheyAccept() {
        Account admin = api.signUp();
        Account first = api.join(admin);
        Account second = api.join(admin);
        Account guest = api.guest(first, "COACH");

        JsonNode invited = api.post(
                        second.token(), "/api/v1/partnerships", Map.of("email", guest.email(), "kind", "MENTOR"))
                .expect(201)
                .json();

        assertThat(invited.get("partnerName").asString())
                .isEqualTo(guest.email().toLowerCase(java.util.Locale.ROOT));
        UUID id = UUID.fromString(invited.get("id").asString());
        partners.act(guest, id, "accept").expect(200);
        assertThat(api.get(second.token(), "/api/v1/partnerships/" + id)
                        .expect(200)
                        .text("partnerName"))
                .isEqualTo(guest.name());
    }
}
