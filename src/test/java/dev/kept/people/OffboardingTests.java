package dev.kept.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.StatementCounter;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An admin deactivates a person: their session, tokens and sign-in stop, their partnerships and
 * check-ins end and each partner is told, they leave pickers and matching, what they did stays
 * under their name; reactivation restores sign-in and nothing that ended.
 */
@KeptApiTest
class OffboardingTests {

    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Offboarding offboarding;

    @Autowired
    StatementCounter counter;

    private ApiResponse deactivate(Account admin, Account person) {
        return deactivate(admin, person.personId());
    }

    private ApiResponse deactivate(Account admin, UUID personId) {
        return api.post(admin.token(), "/api/v1/people/" + personId + "/deactivate", null);
    }

    private ApiResponse reactivate(Account admin, Account person) {
        return api.post(admin.token(), "/api/v1/people/" + person.personId() + "/reactivate", null);
    }

    private static List<String> ids(ApiResponse page) {
        return page.json()
                .get("items")
                .valueStream()
                .map(item -> item.get("id").asString())
                .toList();
    }

    // --- sessions, tokens, sign-in -----------------------------------------------------------

    @Test
    void deactivationEndsALiveSessionAtItsNextRequestAndATokenAtItsNextCall() {
        Account admin = api.signUp();
        Account leaver = api.join(admin);
        String session = api.pageSession(leaver);
        api.page(session, "/commitments").expect(200);
        api.get(leaver.token(), "/api/v1/me").expect(200);

        JsonNode deactivated = deactivate(admin, leaver).expect(200).json();

        assertThat(deactivated.get("status").asString()).isEqualTo("DEACTIVATED");
        assertThat(counter.statementsOf(key -> api.getPageCounted(session, "/css/kept.css", key)))
                .as("a style sheet does not read the person again")
                .isZero();
        ApiResponse next = api.page(session, "/commitments");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.headers().getLocation().getPath()).isEqualTo("/login");
        assertThat(api.page(session, "/commitments").status())
                .as("the session stays ended")
                .isEqualTo(302);
        assertThat(api.get(leaver.token(), "/api/v1/me")
                        .expectProblem(401)
                        .get("detail")
                        .asString())
                .contains("unknown, expired or revoked");
        api.page(api.pageSession(admin), "/commitments").expect(200);
    }

    @Test
    void aDeactivatedPersonCannotSignInAndIsAnsweredAsAWrongPasswordIs() {
        Account admin = api.signUp();
        Account leaver = api.join(admin);
        deactivate(admin, leaver).expect(200);

        JsonNode refused = api.post(
                        null, "/api/v1/tokens", Map.of("email", leaver.email(), "password", leaver.password()))
                .expectProblem(401);
        JsonNode wrong = api.post(
                        null, "/api/v1/tokens", Map.of("email", admin.email(), "password", "not the password 1"))
                .expectProblem(401);
        assertThat(refused.get("detail")).isEqualTo(wrong.get("detail"));
        assertThat(refused.get("title")).isEqualTo(wrong.get("title"));
        assertThatSignInFails(leaver);
    }

    private void assertThatSignInFails(Account account) {
        try {
            api.pageSession(account);
        } catch (AssertionError expected) {
            assertThat(expected.getMessage()).contains("error");
            return;
        }
        throw new AssertionError(account.email() + " signed in");
    }

    @Test
    void pendingInvitationLinksStopAndNoNewOneIsSentWhileDeactivated() {
        Account admin = api.signUp();
        String email = ApiFixtures.uniqueEmail("invited");
        UUID invited = api.invite(admin, Map.of("name", "Invited Person", "email", email))
                .expect(201)
                .id();
        String link = api.invitationToken(email);

        deactivate(admin, invited).expect(200);

        api.accept(link, ApiFixtures.PASSWORD).expectProblem(410);
        assertThat(api.post(admin.token(), "/api/v1/people/" + invited + "/invitation", null)
                        .expectProblem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("DEACTIVATED");
    }

    // --- partnerships and check-ins ----------------------------------------------------------

    @Test
    void theirPartnershipsEndEachPartnerIsToldAndTheCheckInsToComeAreCancelled() {
        clock.freezeAt(MONDAY);
        Account admin = api.signUp();
        Account leaver = api.join(admin);
        Account partner = api.join(admin);
        Account mentee = api.join(admin);
        UUID peer = api.partnership(leaver, partner, "PEER");
        UUID mentoring = api.partnership(mentee, leaver, "MENTOR");
        Map<String, Object> terms = new HashMap<>();
        terms.put("cadence", "WEEKLY");
        terms.put("weekday", "TUESDAY");
        terms.put("time", "09:00");
        terms.put("timeZone", "Europe/Berlin");
        terms.put("durationMinutes", 30);
        String schedule = "/api/v1/partnerships/" + peer + "/schedule";
        api.send(HttpMethod.PUT, partner.token(), schedule, terms).expect(200);
        api.post(leaver.token(), schedule + "/accept", Map.of()).expect(200);
        assertThat(checkInsToCome(peer)).isPositive();

        deactivate(admin, leaver).expect(200);

        assertThat(api.get(partner.token(), "/api/v1/partnerships/" + peer)
                        .expect(200)
                        .text("status"))
                .isEqualTo("ENDED");
        assertThat(api.get(mentee.token(), "/api/v1/partnerships/" + mentoring)
                        .expect(200)
                        .text("status"))
                .isEqualTo("ENDED");
        assertThat(api.awaitNotification(partner, leaver.name() + " left the organization"))
                .contains("partnership has ended");
        assertThat(api.awaitNotification(mentee, leaver.name() + " left the organization"))
                .contains("partnership has ended");
        await().atMost(Duration.ofSeconds(10)).until(() -> checkInsToCome(peer) == 0);
    }

    private long checkInsToCome(UUID partnership) {
        return jdbc.sql("""
                        select count(*) from check_in
                         where partnership_id = :partnership and status <> 'CANCELLED' and starts_at > :now""")
                .param("partnership", partnership)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    @Test
    void reactivationRestoresSignInButNotTheEndedPartnerships() {
        Account admin = api.signUp();
        Account leaver = api.join(admin);
        Account partner = api.join(admin);
        UUID peer = api.partnership(leaver, partner, "PEER");
        deactivate(admin, leaver).expect(200);

        JsonNode back = reactivate(admin, leaver).expect(200).json();

        assertThat(back.get("status").asString()).isEqualTo("ACTIVE");
        String token = api.token(leaver.email(), leaver.password());
        api.get(token, "/api/v1/me").expect(200);
        api.page(api.pageSession(leaver), "/commitments").expect(200);
        assertThat(api.get(token, "/api/v1/partnerships/" + peer).expect(200).text("status"))
                .isEqualTo("ENDED");
        api.get(leaver.token(), "/api/v1/me").expectProblem(401);
    }

    @Test
    void someoneWhoNeverSetAPasswordIsInvitedAgainAfterReactivation() {
        Account admin = api.signUp();
        String email = ApiFixtures.uniqueEmail("invited");
        UUID invited = api.invite(admin, Map.of("name", "Invited Person", "email", email))
                .expect(201)
                .id();
        deactivate(admin, invited).expect(200);

        JsonNode back = api.post(admin.token(), "/api/v1/people/" + invited + "/reactivate", null)
                .expect(200)
                .json();

        assertThat(back.get("status").asString()).isEqualTo("INVITED");
        String first = api.invitationToken(email);
        api.post(admin.token(), "/api/v1/people/" + invited + "/invitation", null)
                .expect(202);
        api.accept(api.invitationTokenOtherThan(email, first), ApiFixtures.PASSWORD)
                .expect(200);
        api.token(email, ApiFixtures.PASSWORD);
    }

    // --- pickers, directory, matching --------------------------------------------------------

    @Test
    void theyLeaveTheDirectoryAndThePartnerCandidatesAndAdminsListThemApart() {
        Account admin = api.signUp();
        String marker = ApiFixtures.unique("Marker");
        Account seeker = api.join(admin);
        Account leaver = api.join(admin, Map.of("title", marker));
        Account stayer = api.join(admin, Map.of("title", marker));
        String byTitle = "/api/v1/people?title=" + marker;
        assertThat(ids(api.get(seeker.token(), byTitle).expect(200)))
                .contains(leaver.personId().toString(), stayer.personId().toString());
        assertThat(api.get(seeker.token(), "/api/v1/partnerships/candidates?limit=100")
                        .body())
                .contains(leaver.personId().toString());

        deactivate(admin, leaver).expect(200);

        assertThat(ids(api.get(seeker.token(), byTitle).expect(200)))
                .containsExactly(stayer.personId().toString());
        assertThat(api.get(seeker.token(), "/api/v1/partnerships/candidates?limit=100")
                        .body())
                .doesNotContain(leaver.personId().toString())
                .contains(stayer.personId().toString());
        assertThat(ids(api.get(admin.token(), byTitle + "&among=DEACTIVATED").expect(200)))
                .containsExactly(leaver.personId().toString());
        api.get(seeker.token(), byTitle + "&among=DEACTIVATED").expectProblem(403);
        api.get(admin.token(), "/api/v1/people?among=EVERYONE").expectProblem(400);
        assertThat(api.post(
                                seeker.token(),
                                "/api/v1/partnerships",
                                Map.of("partnerId", leaver.personId().toString(), "kind", "PEER"))
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("UNKNOWN_PERSON");
        assertThat(api.patch(
                                admin.token(),
                                "/api/v1/people/" + stayer.personId(),
                                Map.of("managerId", leaver.personId().toString()))
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("DEACTIVATED");
        // the person's page stays: what they did is still shown under their name
        assertThat(api.get(seeker.token(), "/api/v1/people/" + leaver.personId())
                        .expect(200)
                        .text("status"))
                .isEqualTo("DEACTIVATED");
    }

    @Test
    void theyLeaveMatchingProgramsAndNoRunProposesThem() {
        Account admin = api.signUp();
        Account leaver = api.join(admin);
        Account a = api.join(admin);
        Account b = api.join(admin);
        Map<String, Object> program = new LinkedHashMap<>();
        program.put("name", ApiFixtures.unique("Program"));
        program.put("rules", Map.of("avoidPreviousPartners", true));
        UUID id = api.post(admin.token(), "/api/v1/matching/programs", program)
                .expect(201)
                .id();
        String path = "/api/v1/matching/programs/" + id;
        for (Account member : List.of(leaver, a, b)) {
            api.post(
                            member.token(),
                            path + "/participants",
                            Map.of("strengths", List.of("sql"), "growthAreas", List.of("sql"), "timeZone", "UTC"))
                    .expect(201);
        }
        assertThat(api.get(admin.token(), path)
                        .expect(200)
                        .json()
                        .get("participants")
                        .asLong())
                .isEqualTo(3);

        deactivate(admin, leaver).expect(200);

        assertThat(api.get(admin.token(), path)
                        .expect(200)
                        .json()
                        .get("participants")
                        .asLong())
                .isEqualTo(2);
        ApiResponse run = api.post(admin.token(), path + "/runs", null).expect(201);
        assertThat(run.body())
                .contains(a.personId().toString())
                .doesNotContain(leaver.personId().toString());
        Map<String, Object> coached = new LinkedHashMap<>(program);
        coached.put("name", ApiFixtures.unique("Program"));
        coached.put("coachIds", List.of(leaver.personId().toString()));
        assertThat(api.post(admin.token(), "/api/v1/matching/programs", coached)
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("UNKNOWN_PERSON");
    }

    // --- what stays --------------------------------------------------------------------------

    @Test
    void aCommitmentMadeToSomeoneShowsOwnerLeftAndPastKudosKeepTheirName() {
        Account admin = api.signUp();
        Account requester = api.join(admin);
        Account leaver = api.join(admin);
        Map<String, Object> expectation = new LinkedHashMap<>();
        expectation.put("toPersonId", leaver.personId().toString());
        expectation.put("what", "Write the on-call handbook for the platform team");
        expectation.put("doneWhen", "The handbook is on the wiki and 2 on-call engineers used it");
        expectation.put("due", LocalDate.now(clock).plusDays(10).toString());
        expectation.put("why", "New on-call engineers should not be alone at night");
        UUID asked = api.post(requester.token(), "/api/v1/expectations", expectation)
                .expect(201)
                .id();
        UUID commitment =
                UUID.fromString(api.post(leaver.token(), "/api/v1/expectations/" + asked + "/accept", Map.of())
                        .expect(200)
                        .text("commitmentId"));
        UUID kudos = api.post(
                        leaver.token(),
                        "/api/v1/kudos",
                        Map.of("toPersonId", requester.personId().toString(), "message", "Thanks for the review!"))
                .expect(201)
                .id();
        assertThat(api.get(requester.token(), "/api/v1/commitments/" + commitment)
                        .expect(200)
                        .json()
                        .get("ownerLeft")
                        .asBoolean())
                .isFalse();

        deactivate(admin, leaver).expect(200);

        JsonNode seen = api.get(requester.token(), "/api/v1/commitments/" + commitment)
                .expect(200)
                .json();
        assertThat(seen.get("ownerLeft").asBoolean()).isTrue();
        assertThat(seen.get("ownerName").asString()).isEqualTo(leaver.name());
        JsonNode listed = api.get(requester.token(), "/api/v1/commitments?owner=" + leaver.personId())
                .expect(200)
                .json();
        assertThat(listed.get("items")
                        .valueStream()
                        .filter(item -> item.get("id").asString().equals(commitment.toString()))
                        .map(item -> item.get("ownerLeft").asBoolean())
                        .toList())
                .containsExactly(true);
        String session = api.pageSession(requester);
        assertThat(api.page(session, "/commitments/" + commitment).expect(200).body())
                .contains("owner left")
                .contains(leaver.name());
        JsonNode thanks =
                api.get(requester.token(), "/api/v1/kudos/" + kudos).expect(200).json();
        assertThat(thanks.toString()).contains(leaver.name());
    }

    // --- reporting lines ---------------------------------------------------------------------

    @Test
    void peopleWhoseManagerWasDeactivatedAreShownToTheAdminToFix() {
        Account admin = api.signUp();
        Account manager = api.join(admin);
        Account report = api.join(admin, Map.of("managerId", manager.personId().toString()));
        Account other = api.join(admin);
        String path = "/api/v1/people?among=MANAGER_DEACTIVATED";
        assertThat(ids(api.get(admin.token(), path).expect(200))).isEmpty();

        deactivate(admin, manager).expect(200);

        assertThat(ids(api.get(admin.token(), path).expect(200)))
                .containsExactly(report.personId().toString());
        api.get(other.token(), path).expectProblem(403);
        String session = api.pageSession(admin);
        String people = api.page(session, "/people").expect(200).body();
        assertThat(people).contains("Reporting lines to fix").contains(report.name());
        // keeping the manager while changing something else is allowed; a new manager fixes the line
        api.patch(admin.token(), "/api/v1/people/" + report.personId(), Map.of("title", "Engineer"))
                .expect(200);
        api.patch(
                        admin.token(),
                        "/api/v1/people/" + report.personId(),
                        Map.of("managerId", other.personId().toString()))
                .expect(200);
        assertThat(ids(api.get(admin.token(), path).expect(200))).isEmpty();
        assertThat(api.page(session, "/people").expect(200).body()).doesNotContain("Reporting lines to fix</h2>");
    }

    @Test
    void aTeamWhoseLeadWasDeactivatedIsShownToTheAdminToChooseAnother() {
        Account admin = api.signUp();
        Account lead = api.join(admin);
        Account next = api.join(admin);
        UUID team = api.team(admin, ApiFixtures.unique("Team"), lead);
        String path = "/api/v1/teams/" + team;
        JsonNode before = api.get(admin.token(), path).expect(200).json();
        assertThat(before.get("leadLeft").asBoolean()).isFalse();
        assertThat(before.get("members").asLong()).isEqualTo(1);

        deactivate(admin, lead).expect(200);

        JsonNode after = api.get(admin.token(), path).expect(200).json();
        assertThat(after.get("leadId").asString()).isEqualTo(lead.personId().toString());
        assertThat(after.get("leadLeft").asBoolean()).isTrue();
        // members count the people still here
        assertThat(after.get("members").asLong()).isZero();
        String page =
                api.page(api.pageSession(admin), "/teams/" + team).expect(200).body();
        assertThat(page).contains("(deactivated: choose another lead below)");
        assertThat(page).doesNotContain("value=\"" + lead.email() + "\"");
        assertThat(api.page(api.pageSession(next), "/teams/" + team).expect(200).body())
                .contains("(left Kept)")
                .doesNotContain("choose another lead");

        api.patch(admin.token(), path, Map.of("leadId", next.personId().toString()))
                .expect(200);
        assertThat(api.get(admin.token(), path)
                        .expect(200)
                        .json()
                        .get("leadLeft")
                        .asBoolean())
                .isFalse();
    }

    // --- the admin's pages -------------------------------------------------------------------

    @Test
    void anAdminDeactivatesOnThePersonsPageOnlyOnceConfirmedAndReactivatesThere() {
        Account admin = api.signUp();
        Account leaver = api.join(admin);
        String session = api.pageSession(admin);
        String personPage = "/people/" + leaver.personId();
        assertThat(api.page(session, personPage).expect(200).body()).contains("Yes, deactivate " + leaver.name());

        api.postForm(session, personPage, personPage + "/deactivate", Map.of()).expect(302);
        assertThat(api.get(admin.token(), "/api/v1/people/" + leaver.personId()).text("status"))
                .isEqualTo("ACTIVE");
        assertThat(api.page(session, personPage).body()).contains("tick the box to confirm");

        api.postForm(session, personPage, personPage + "/deactivate", Map.of("confirm", "true"))
                .expect(302);
        assertThat(api.get(admin.token(), "/api/v1/people/" + leaver.personId()).text("status"))
                .isEqualTo("DEACTIVATED");
        String shown = api.page(session, personPage).expect(200).body();
        assertThat(shown).contains(leaver.name() + " is deactivated.").contains("Reactivate");
        assertThat(api.page(session, "/people?among=DEACTIVATED").expect(200).body())
                .contains(leaver.name());
        assertThat(api.page(session, "/people").expect(200).body()).doesNotContain(leaver.name());

        api.postForm(session, personPage, personPage + "/reactivate", Map.of()).expect(302);
        assertThat(api.get(admin.token(), "/api/v1/people/" + leaver.personId()).text("status"))
                .isEqualTo("ACTIVE");
    }

    // --- bad input ---------------------------------------------------------------------------

    @Test
    void eachBadRequestIsAnsweredWithAClearProblem() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        Account otherAdmin = api.signUp();

        deactivate(admin, UUID.randomUUID()).expectProblem(404);
        deactivate(otherAdmin, member).expectProblem(404);
        api.post(admin.token(), "/api/v1/people/not-an-id/deactivate", null).expectProblem(404);
        deactivate(member, admin).expectProblem(403);
        JsonNode self = deactivate(admin, admin).expectProblem(409);
        assertThat(self.get("reason").asString()).isEqualTo("SELF");
        assertThat(self.get("detail").asString()).contains("cannot deactivate yourself");
        JsonNode notDeactivated = reactivate(admin, member).expectProblem(409);
        assertThat(notDeactivated.get("reason").asString()).isEqualTo("NOT_DEACTIVATED");

        deactivate(admin, member).expect(200);
        JsonNode twice = deactivate(admin, member).expectProblem(409);
        assertThat(twice.get("reason").asString()).isEqualTo("ALREADY_DEACTIVATED");
        reactivate(otherAdmin, member).expectProblem(404);
    }

    @Test
    void theLastAdminCannotBeDeactivatedAndADirectorySyncMayRepeatItself() {
        Account admin = api.signUp();
        Account member = api.join(admin);

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                                dev.kept.shared.ConflictException.class,
                                () -> offboarding.deactivate(admin.organizationId(), admin.personId()))
                        .getBody()
                        .getProperties())
                .containsEntry("reason", "LAST_ADMIN");
        assertThat(offboarding
                        .deactivate(admin.organizationId(), member.personId())
                        .getStatus())
                .isEqualTo(PersonStatus.DEACTIVATED);
        assertThat(offboarding
                        .deactivate(admin.organizationId(), member.personId())
                        .getStatus())
                .isEqualTo(PersonStatus.DEACTIVATED);
        assertThat(offboarding
                        .reactivate(admin.organizationId(), member.personId())
                        .getStatus())
                .isEqualTo(PersonStatus.ACTIVE);
        assertThat(offboarding
                        .reactivate(admin.organizationId(), member.personId())
                        .getStatus())
                .isEqualTo(PersonStatus.ACTIVE);
    }
}
