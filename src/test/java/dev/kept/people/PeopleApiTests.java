package dev.kept.people;

import static dev.kept.ApiFixtures.assertProblem;
import static dev.kept.ApiFixtures.json;
import static dev.kept.ApiFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Invitee;
import dev.kept.ApiFixtures.Member;
import dev.kept.ApiFixtures.Response;
import dev.kept.MovableClock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.TestConfig.class)
class PeopleApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    private ApiFixtures api;
    private Member admin;

    @BeforeEach
    void signUp() {
        api = new ApiFixtures(port, jdbc, clock);
        admin = api.signUp();
    }

    @Test
    void invitesAPersonAndEmailsThemTheirLink() {
        UUID team = api.post("/api/v1/teams", admin, json("name", "Platform")).id();
        String email = uniqueEmail("grace");

        Response invited = api.post(
                "/api/v1/people",
                admin,
                json(
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
                        admin.id().toString()));

        assertThat(invited.status()).isEqualTo(201);
        JsonNode grace = invited.json();
        assertThat(grace.get("name").asString()).isEqualTo("Grace Hopper");
        assertThat(grace.get("email").asString()).isEqualTo(email);
        assertThat(grace.get("title").asString()).isEqualTo("Engineer");
        assertThat(grace.get("teamId").asString()).isEqualTo(team.toString());
        assertThat(grace.get("region").asString()).isEqualTo("EMEA");
        assertThat(grace.get("managerId").asString()).isEqualTo(admin.id().toString());
        assertThat(grace.get("role").asString()).isEqualTo("MEMBER");
        assertThat(grace.get("status").asString()).isEqualTo("INVITED");
        assertThat(api.invitationToken(email)).isNotBlank();
    }

    @Test
    void keepsMembersFromInvitingPeople() {
        Member grace = api.join(admin, "Grace");
        String email = uniqueEmail("mallory");

        Response refused = api.post("/api/v1/people", grace, json("name", "Mallory", "email", email));

        assertProblem(refused, 403);
        assertThat(api.get("/api/v1/people", admin).json().findValuesAsString("email"))
                .doesNotContain(email)
                .hasSize(2);
    }

    @Test
    void listsAndShowsOnlyThePeopleOfTheCallersOrganization() {
        Invitee grace = api.invite(admin, "Grace");
        Member stranger = api.signUp();

        Response everyone = api.get("/api/v1/people", admin);

        assertThat(everyone.status()).isEqualTo(200);
        assertThat(everyone.ids()).containsExactlyInAnyOrder(admin.id(), grace.id());
        assertThat(api.get("/api/v1/people/" + grace.id(), admin)
                        .json()
                        .get("email")
                        .asString())
                .isEqualTo(grace.email());
        assertProblem(api.get("/api/v1/people/" + grace.id(), stranger), 404);
    }

    @Test
    void changesAReportingLineAndClearsItWithNull() {
        Invitee grace = api.invite(admin, "Grace", "title", "Engineer");
        UUID team = api.post("/api/v1/teams", admin, json("name", "Platform")).id();

        Response managed = api.patch(
                "/api/v1/people/" + grace.id(),
                admin,
                json("managerId", admin.id().toString(), "teamId", team.toString(), "region", "APAC"));

        assertThat(managed.status()).isEqualTo(200);
        assertThat(managed.json().get("managerId").asString())
                .isEqualTo(admin.id().toString());
        assertThat(managed.json().get("teamId").asString()).isEqualTo(team.toString());
        assertThat(managed.json().get("region").asString()).isEqualTo("APAC");
        assertThat(managed.json().get("title").asString())
                .as("a field left out stays")
                .isEqualTo("Engineer");

        Response cleared = api.patch("/api/v1/people/" + grace.id(), admin, json("managerId", null, "teamId", null));

        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("managerId").isNull()).isTrue();
        assertThat(cleared.json().get("teamId").isNull()).isTrue();
        assertThat(cleared.json().get("region").asString()).isEqualTo("APAC");
        JsonNode stored = api.get("/api/v1/people/" + grace.id(), admin).json();
        assertThat(stored.get("managerId").isNull()).isTrue();
    }

    @Test
    void refusesAReportingLoop() {
        Invitee a = api.invite(admin, "Alice");
        Invitee b = api.invite(admin, "Bob", "managerId", a.id().toString());
        Invitee c = api.invite(admin, "Carol", "managerId", b.id().toString());

        Response loop = api.patch("/api/v1/people/" + a.id(), admin, json("managerId", c.id().toString()));

        assertProblem(loop, 422);
        assertThat(loop.json().get("reason").asString()).isEqualTo("REPORTING_LOOP");
        assertThat(loop.errorFields()).containsExactly("managerId");
        assertThat(api.get("/api/v1/people/" + a.id(), admin)
                        .json()
                        .get("managerId")
                        .isNull())
                .isTrue();
    }

    @Test
    void refusesToMakeSomeoneTheirOwnManager() {
        Invitee grace = api.invite(admin, "Grace", "managerId", admin.id().toString());

        Response loop = api.patch(
                "/api/v1/people/" + grace.id(),
                admin,
                json("managerId", grace.id().toString()));

        assertProblem(loop, 422);
        assertThat(loop.json().get("reason").asString()).isEqualTo("REPORTING_LOOP");
        assertThat(api.get("/api/v1/people/" + grace.id(), admin)
                        .json()
                        .get("managerId")
                        .asString())
                .isEqualTo(admin.id().toString());
    }

    @Test
    void keepsMembersFromChangingPeople() {
        Member grace = api.join(admin, "Grace");

        Response refused = api.patch("/api/v1/people/" + grace.id(), grace, json("role", "ADMIN"));

        assertProblem(refused, 403);
        assertThat(api.get("/api/v1/me", grace).json().get("role").asString()).isEqualTo("MEMBER");
    }

    @Test
    void formsTeamsAndListsThem() {
        Invitee grace = api.invite(admin, "Grace");

        Response platform = api.post(
                "/api/v1/teams",
                admin,
                json("name", "Platform", "leadId", grace.id().toString()));
        Response design = api.post("/api/v1/teams", admin, json("name", "Design"));

        assertThat(platform.status()).isEqualTo(201);
        assertThat(platform.json().get("name").asString()).isEqualTo("Platform");
        assertThat(platform.json().get("leadId").asString())
                .isEqualTo(grace.id().toString());
        Response teams = api.get("/api/v1/teams", admin);
        assertThat(teams.status()).isEqualTo(200);
        assertThat(teams.json().findValuesAsString("name")).containsExactly("Design", "Platform");
        assertThat(teams.ids()).containsExactlyInAnyOrder(platform.id(), design.id());
        assertThat(api.get("/api/v1/people/" + grace.id(), admin)
                        .json()
                        .get("teamId")
                        .asString())
                .as("a lead without a team joins the team")
                .isEqualTo(platform.id().toString());
    }

    @Test
    void refusesADuplicateTeamName() {
        api.post("/api/v1/teams", admin, json("name", "Platform"));

        Response duplicate = api.post("/api/v1/teams", admin, json("name", " Platform "));

        assertProblem(duplicate, 422);
        assertThat(duplicate.json().get("reason").asString()).isEqualTo("TEAM_NAME_TAKEN");
        assertThat(duplicate.errorFields()).containsExactly("name");
        assertThat(api.get("/api/v1/teams", admin).json().size()).isEqualTo(1);
    }

    @Test
    void keepsMembersFromFormingTeams() {
        Member grace = api.join(admin, "Grace");

        assertProblem(api.post("/api/v1/teams", grace, json("name", "Rogue")), 403);
        assertThat(api.get("/api/v1/teams", admin).json().size()).isZero();
    }
}
