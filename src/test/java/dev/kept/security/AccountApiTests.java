package dev.kept.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@KeptApiTest
class AccountApiTests {

    @Autowired
    ApiFixtures api;

    @Test
    void signUpAnswersTheOrganizationAndItsFirstAdmin() {
        String organization = ApiFixtures.unique("Acme");
        String email = ApiFixtures.uniqueEmail("Founder");

        ApiResponse response = api.post(
                null,
                "/api/v1/signup",
                Map.of(
                        "organization",
                        organization,
                        "name",
                        "Ada Founder",
                        "email",
                        email,
                        "password",
                        "Quiet-lake-91"));

        response.expect(201);
        assertThat(response.contentType().isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        JsonNode body = response.json();
        assertThat(UUID.fromString(body.at("/organization/id").asString())).isNotNull();
        assertThat(body.at("/organization/name").asString()).isEqualTo(organization);
        assertThat(UUID.fromString(body.at("/person/id").asString())).isNotNull();
        assertThat(body.at("/person/name").asString()).isEqualTo("Ada Founder");
        assertThat(body.at("/person/email").asString()).isEqualTo(email.toLowerCase());
        assertThat(body.at("/person/role").asString()).isEqualTo("ADMIN");
        assertThat(body.toString()).doesNotContain("Quiet-lake-91").doesNotContainIgnoringCase("passwordHash");
    }

    @Test
    void issuesTokenThatAuthenticatesTheCaller() {
        Account admin = api.signUp();

        ApiResponse issued = api.post(
                null, "/api/v1/tokens", Map.of("email", admin.email(), "password", admin.password(), "name", "cli"));

        issued.expect(201);
        assertThat(UUID.fromString(issued.text("id"))).isNotNull();
        String token = issued.text("token");
        assertThat(token).isNotBlank();
        ApiResponse me = api.get(token, "/api/v1/me").expect(200);
        assertThat(me.id()).isEqualTo(admin.personId());
        assertThat(me.text("email")).isEqualTo(admin.email());
        assertThat(me.text("name")).isEqualTo(admin.name());
        assertThat(me.text("role")).isEqualTo("ADMIN");
    }

    @Test
    void signInIgnoresTheCaseOfTheEmail() {
        Account admin = api.signUp();

        api.post(null, "/api/v1/tokens", Map.of("email", admin.email().toUpperCase(), "password", admin.password()))
                .expect(201);
    }

    @Test
    void revokedTokenNoLongerWorks() {
        Account admin = api.signUp();
        ApiResponse issued = api.post(
                        null, "/api/v1/tokens", Map.of("email", admin.email(), "password", admin.password()))
                .expect(201);
        String token = issued.text("token");
        api.get(token, "/api/v1/me").expect(200);

        ApiResponse revoked = api.delete(token, "/api/v1/tokens/" + issued.text("id"));

        revoked.expect(204);
        assertThat(revoked.body()).isEmpty();
        api.get(token, "/api/v1/me").expectProblem(401);
        api.get(admin.token(), "/api/v1/me").expect(200);
        api.delete(admin.token(), "/api/v1/tokens/" + issued.text("id")).expectProblem(404);
    }

    @Test
    void cannotRevokeSomeoneElsesToken() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        String memberTokenId = api.post(
                        null, "/api/v1/tokens", Map.of("email", member.email(), "password", member.password()))
                .expect(201)
                .text("id");

        ApiResponse othersToken = api.delete(admin.token(), "/api/v1/tokens/" + memberTokenId);
        ApiResponse unknownToken = api.delete(admin.token(), "/api/v1/tokens/" + UUID.randomUUID());

        othersToken.expectProblem(404);
        unknownToken.expectProblem(404);
        assertThat(withoutInstance(othersToken)).isEqualTo(withoutInstance(unknownToken));
        api.get(member.token(), "/api/v1/me").expect(200);
    }

    @Test
    void refusesApiCallsWithoutAValidToken() {
        api.get(null, "/api/v1/me").expectProblem(401);
        api.get("kept_not-a-real-token", "/api/v1/me").expectProblem(401);
        api.get(null, "/api/v1/commitments").expectProblem(401);
    }

    private static JsonNode withoutInstance(ApiResponse problem) {
        return ((ObjectNode) problem.json()).without("instance");
    }
}
