package dev.kept.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@KeptApiTest
class PeopleApiTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Test
    void adminInvitesPersonAndTheInvitationEmailCarriesTheLink() {
        Account admin = api.signUp();
        UUID team = api.team(admin, "Platform");
        String email = ApiFixtures.uniqueEmail("Grace");

        ApiResponse invited = api.invite(
                admin,
                Map.of(
                        "name",
                        "Grace Hopper",
                        "email",
                        email,
                        "title",
                        "Engineer",
                        "teamId",
                        team.toString(),
                        "region",
                        "EMEA",
                        "managerId",
                        admin.personId().toString()));

        invited.expect(201);
        JsonNode person = invited.json();
        assertThat(person.get("name").asString()).isEqualTo("Grace Hopper");
        assertThat(person.get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(person.get("title").asString()).isEqualTo("Engineer");
        assertThat(person.get("teamId").asString()).isEqualTo(team.toString());
        assertThat(person.get("region").asString()).isEqualTo("EMEA");
        assertThat(person.get("managerId").asString())
                .isEqualTo(admin.personId().toString());
        assertThat(person.get("role").asString()).isEqualTo("MEMBER");
        assertThat(person.get("status").asString()).isEqualTo("INVITED");
        String token = api.invitationToken(email);
        assertThat(api.mailsTo(email))
                .singleElement()
                .satisfies(body -> assertThat(body)
                        .contains("Grace Hopper")
                        .contains(admin.name())
                        .contains("/invitations/" + token));
    }

    @Test
    void memberMayNotInvite() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        String email = ApiFixtures.uniqueEmail("intruder");

        api.invite(member, Map.of("name", "Someone", "email", email)).expectProblem(403);

        assertThat(api.peopleWithEmail(email)).isZero();
        assertThat(api.mailsTo(email)).isEmpty();
    }

    @Test
    void refusesSecondPersonWithTheSameEmail() {
        Account admin = api.signUp();
        Account member = api.join(admin);

        JsonNode problem = api.invite(
                        admin, Map.of("name", "Twin", "email", member.email().toUpperCase()))
                .expectProblem(422);

        assertThat(problem.get("reason").asString()).isEqualTo("EMAIL_TAKEN");
        assertThat(api.peopleWithEmail(member.email())).isEqualTo(1);
    }

    @Test
    void acceptingAnInvitationActivatesThePersonOnce() {
        Account admin = api.signUp();
        String email = ApiFixtures.uniqueEmail("linus");
        UUID id = api.invite(admin, Map.of("name", "Linus", "email", email))
                .expect(201)
                .id();
        String token = api.invitationToken(email);

        ApiResponse accepted = api.accept(token, "Granite-owl-58");

        accepted.expect(200);
        assertThat(accepted.id()).isEqualTo(id);
        assertThat(accepted.text("status")).isEqualTo("ACTIVE");
        assertThat(accepted.text("email")).isEqualTo(email);
        String apiToken = api.token(email, "Granite-owl-58");
        assertThat(api.get(apiToken, "/api/v1/me").expect(200).id()).isEqualTo(id);

        api.accept(token, "Another-owl-77").expectProblem(410);
        api.post(null, "/api/v1/tokens", Map.of("email", email, "password", "Another-owl-77"))
                .expectProblem(401);
    }

    @Test
    void unknownInvitationAnswers404() {
        api.accept("no-such-invitation-token", ApiFixtures.PASSWORD).expectProblem(404);
    }

    @Test
    void invitationExpiresAfterSevenDays() {
        clock.freeze();
        Account admin = api.signUp();
        String early = ApiFixtures.uniqueEmail("early");
        String late = ApiFixtures.uniqueEmail("late");
        api.invite(admin, Map.of("name", "Early", "email", early)).expect(201);
        api.invite(admin, Map.of("name", "Late", "email", late)).expect(201);
        String earlyToken = api.invitationToken(early);
        String lateToken = api.invitationToken(late);

        clock.advance(Duration.ofDays(7).minusMinutes(1));
        api.accept(earlyToken, ApiFixtures.PASSWORD).expect(200);

        clock.advance(Duration.ofMinutes(2));
        api.accept(lateToken, ApiFixtures.PASSWORD).expectProblem(410);
        api.post(null, "/api/v1/tokens", Map.of("email", late, "password", ApiFixtures.PASSWORD))
                .expectProblem(401);
    }

    @Test
    void newInvitationRetiresTheEarlierLink() {
        Account admin = api.signUp();
        String email = ApiFixtures.uniqueEmail("resent");
        UUID id = api.invite(admin, Map.of("name", "Resent", "email", email))
                .expect(201)
                .id();
        String first = api.invitationToken(email);

        api.post(admin.token(), "/api/v1/people/" + id + "/invitation", null).expect(202);
        String second = api.invitationTokenOtherThan(email, first);

        api.accept(first, ApiFixtures.PASSWORD).expectProblem(410);
        api.accept(second, ApiFixtures.PASSWORD).expect(200);
    }

    @Test
    void listsThePeopleOfTheCallersOrganizationOnly() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        Account stranger = api.signUp();

        List<String> ids = ids(api.get(member.token(), "/api/v1/people").expect(200));

        assertThat(ids)
                .containsExactlyInAnyOrder(
                        admin.personId().toString(), member.personId().toString());
        assertThat(api.get(member.token(), "/api/v1/people/" + admin.personId())
                        .expect(200)
                        .text("email"))
                .isEqualTo(admin.email());
        api.get(stranger.token(), "/api/v1/people/" + member.personId()).expectProblem(404);
        assertThat(ids(api.get(stranger.token(), "/api/v1/people").expect(200)))
                .containsExactly(stranger.personId().toString());
    }

    @Test
    void adminChangesReportingLineTeamRegionAndTitle() {
        Account admin = api.signUp();
        Account member = api.join(admin, Map.of("title", "Analyst", "region", "APAC"));
        UUID team = api.team(admin, "Data");

        ApiResponse changed = api.patch(
                admin.token(),
                "/api/v1/people/" + member.personId(),
                Map.of(
                        "managerId",
                        admin.personId().toString(),
                        "teamId",
                        team.toString(),
                        "region",
                        "EMEA",
                        "title",
                        "Lead analyst"));

        changed.expect(200);
        JsonNode person = api.get(member.token(), "/api/v1/people/" + member.personId())
                .expect(200)
                .json();
        assertThat(person.get("managerId").asString())
                .isEqualTo(admin.personId().toString());
        assertThat(person.get("teamId").asString()).isEqualTo(team.toString());
        assertThat(person.get("region").asString()).isEqualTo("EMEA");
        assertThat(person.get("title").asString()).isEqualTo("Lead analyst");

        Map<String, Object> clear = new HashMap<>();
        clear.put("managerId", null);
        clear.put("title", null);
        api.patch(admin.token(), "/api/v1/people/" + member.personId(), clear).expect(200);
        person = api.get(member.token(), "/api/v1/people/" + member.personId())
                .expect(200)
                .json();
        assertThat(person.get("managerId").isNull()).isTrue();
        assertThat(person.get("title").isNull()).isTrue();
        assertThat(person.get("region").asString()).isEqualTo("EMEA");
    }

    @Test
    void memberMayNotChangePeople() {
        Account admin = api.signUp();
        Account member = api.join(admin);

        api.patch(member.token(), "/api/v1/people/" + member.personId(), Map.of("title", "Chief"))
                .expectProblem(403);

        assertThat(api.get(member.token(), "/api/v1/me")
                        .expect(200)
                        .json()
                        .get("title")
                        .isNull())
                .isTrue();
    }

    @Test
    void keepsAtLeastOneAdminAndLetsAdminsPromoteMembers() {
        Account admin = api.signUp();
        Account member = api.join(admin);

        JsonNode problem = api.patch(admin.token(), "/api/v1/people/" + admin.personId(), Map.of("role", "MEMBER"))
                .expectProblem(422);
        assertThat(problem.get("reason").asString()).isEqualTo("LAST_ADMIN");

        api.patch(admin.token(), "/api/v1/people/" + member.personId(), Map.of("role", "ADMIN"))
                .expect(200);
        api.invite(member, Map.of("name", "Invited by a new admin", "email", ApiFixtures.uniqueEmail("new")))
                .expect(201);
        api.patch(admin.token(), "/api/v1/people/" + admin.personId(), Map.of("role", "MEMBER"))
                .expect(200);
        api.invite(admin, Map.of("name", "Invited by a former admin", "email", ApiFixtures.uniqueEmail("old")))
                .expectProblem(403);
    }

    @Test
    void refusesReportingLoop() {
        Account admin = api.signUp();
        Account a = api.join(admin);
        Account b = api.join(admin, Map.of("managerId", a.personId().toString()));
        Account c = api.join(admin, Map.of("managerId", b.personId().toString()));

        JsonNode problem = api.patch(
                        admin.token(),
                        "/api/v1/people/" + a.personId(),
                        Map.of("managerId", c.personId().toString()))
                .expectProblem(422);

        assertThat(problem.get("reason").asString()).isEqualTo("REPORTING_LOOP");
        assertThat(problem.get("field").asString()).isEqualTo("managerId");
        assertThat(api.get(admin.token(), "/api/v1/people/" + a.personId())
                        .expect(200)
                        .json()
                        .get("managerId")
                        .isNull())
                .isTrue();
    }

    @Test
    void refusesToMakeSomeoneTheirOwnManager() {
        Account admin = api.signUp();
        Account a = api.join(admin);

        JsonNode problem = api.patch(
                        admin.token(),
                        "/api/v1/people/" + a.personId(),
                        Map.of("managerId", a.personId().toString()))
                .expectProblem(422);

        assertThat(problem.get("reason").asString()).isEqualTo("REPORTING_LOOP");
    }

    @Test
    void adminFormsTeamsThatEveryoneCanList() {
        Account admin = api.signUp();
        Account lead = api.join(admin);

        ApiResponse created = api.post(
                admin.token(),
                "/api/v1/teams",
                Map.of("name", "Growth", "leadId", lead.personId().toString()));

        created.expect(201);
        assertThat(created.text("name")).isEqualTo("Growth");
        assertThat(created.text("leadId")).isEqualTo(lead.personId().toString());
        UUID team = created.id();
        api.team(admin, "Alpha");
        JsonNode teams = api.get(lead.token(), "/api/v1/teams").expect(200).json();
        assertThat(teams.findValuesAsString("name")).containsExactly("Alpha", "Growth");
        assertThat(api.get(lead.token(), "/api/v1/me").text("teamId")).isEqualTo(team.toString());
    }

    @Test
    void refusesDuplicateTeamName() {
        Account admin = api.signUp();
        api.team(admin, "Sales");

        JsonNode problem = api.post(admin.token(), "/api/v1/teams", Map.of("name", "Sales"))
                .expectProblem(422);

        assertThat(problem.get("reason").asString()).isEqualTo("TEAM_NAME_TAKEN");
        assertThat(api.get(admin.token(), "/api/v1/teams").json().findValuesAsString("name"))
                .containsExactly("Sales");
    }

    @Test
    void adminRenamesTeamAndChangesOrClearsItsLead() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        UUID platform = api.team(admin, "Platform");
        api.team(admin, "Design");

        ApiResponse renamed = api.patch(
                admin.token(),
                "/api/v1/teams/" + platform,
                Map.of("name", " Core ", "leadId", member.personId().toString()));

        renamed.expect(200);
        assertThat(renamed.text("name")).isEqualTo("Core");
        assertThat(renamed.text("leadId")).isEqualTo(member.personId().toString());
        assertThat(api.get(member.token(), "/api/v1/me").text("teamId"))
                .as("a lead without a team joins it")
                .isEqualTo(platform.toString());

        Map<String, Object> noLead = new HashMap<>();
        noLead.put("leadId", null);
        ApiResponse cleared = api.patch(admin.token(), "/api/v1/teams/" + platform, noLead);

        cleared.expect(200);
        assertThat(cleared.text("leadId")).isNull();
        assertThat(cleared.text("name")).isEqualTo("Core");
    }

    @Test
    void refusesTeamChangesThatBreakTheRulesAndChangesNothing() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        UUID platform = api.team(admin, "Platform");
        api.team(admin, "Design");
        JsonNode before =
                api.get(admin.token(), "/api/v1/teams/" + platform).expect(200).json();

        JsonNode taken = api.patch(admin.token(), "/api/v1/teams/" + platform, Map.of("name", "Design"))
                .expectProblem(422);
        ApiResponse blank = api.patch(admin.token(), "/api/v1/teams/" + platform, Map.of("name", " "));
        ApiResponse unknownField = api.patch(admin.token(), "/api/v1/teams/" + platform, Map.of("size", 5));
        JsonNode unknownLead = api.patch(
                        admin.token(),
                        "/api/v1/teams/" + platform,
                        Map.of("leadId", UUID.randomUUID().toString()))
                .expectProblem(422);

        assertThat(taken.get("reason").asString()).isEqualTo("TEAM_NAME_TAKEN");
        blank.expectProblem(400);
        assertThat(blank.errorFields()).containsExactly("name");
        unknownField.expectProblem(400);
        assertThat(unknownField.errorFields()).containsExactly("size");
        assertThat(unknownLead.get("reason").asString()).isEqualTo("UNKNOWN_PERSON");
        api.patch(member.token(), "/api/v1/teams/" + platform, Map.of("name", "Rebels"))
                .expectProblem(403);
        api.patch(admin.token(), "/api/v1/teams/" + UUID.randomUUID(), Map.of("name", "Ghosts"))
                .expectProblem(404);
        assertThat(api.get(admin.token(), "/api/v1/teams/" + platform)
                        .expect(200)
                        .json())
                .isEqualTo(before);
    }

    @Test
    void memberMayNotFormTeams() {
        Account admin = api.signUp();
        Account member = api.join(admin);

        api.post(member.token(), "/api/v1/teams", Map.of("name", "Rebels")).expectProblem(403);

        assertThat(api.get(admin.token(), "/api/v1/teams").json().get("items").size())
                .isZero();
    }

    private static List<String> ids(ApiResponse response) {
        return response.json().findValuesAsString("id");
    }
}
