package dev.kept.security;

import static dev.kept.ApiFixtures.PASSWORD;
import static dev.kept.ApiFixtures.assertProblem;
import static dev.kept.ApiFixtures.json;
import static dev.kept.ApiFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Member;
import dev.kept.ApiFixtures.Response;
import dev.kept.MovableClock;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.TestConfig.class)
class AccountApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    private ApiFixtures api;

    @BeforeEach
    void fixtures() {
        api = new ApiFixtures(port, jdbc, clock);
    }

    @Test
    void signsUpAnOrganizationWithItsFirstAdmin() {
        String email = uniqueEmail("ada");

        Response signedUp = api.post(
                "/api/v1/signup",
                null,
                json(
                        "organization",
                        " Acme ",
                        "name",
                        "Ada Lovelace",
                        "email",
                        email.toUpperCase(),
                        "password",
                        PASSWORD));

        assertThat(signedUp.status()).isEqualTo(201);
        assertThat(signedUp.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        JsonNode organization = signedUp.json().get("organization");
        assertThat(UUID.fromString(organization.get("id").asString())).isNotNull();
        assertThat(organization.get("name").asString()).isEqualTo("Acme");
        JsonNode person = signedUp.json().get("person");
        assertThat(person.get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(person.get("email").asString()).isEqualTo(email);
        assertThat(person.get("role").asString()).isEqualTo("ADMIN");

        Response me = api.send(HttpMethod.GET, "/api/v1/me", api.token(email, PASSWORD), null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id")).isEqualTo(person.get("id"));
    }

    @Test
    void showsTheCallerAsAPerson() {
        Member ada = api.signUp();

        Response me = api.get("/api/v1/me", ada);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.id()).isEqualTo(ada.id());
        assertThat(me.json().get("email").asString()).isEqualTo(ada.email());
        assertThat(me.json().get("role").asString()).isEqualTo("ADMIN");
        assertThat(me.json().get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void refusesCallsWithoutAKnownToken() {
        assertProblem(api.get("/api/v1/me", null), 401);
        assertProblem(api.send(HttpMethod.GET, "/api/v1/me", "kept_" + UUID.randomUUID(), null), 401);
    }

    @Test
    void createsATokenAndRevokesIt() {
        Member ada = api.signUp();
        Response created = api.post("/api/v1/tokens", null, json("email", ada.email(), "password", PASSWORD));
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().get("token").asString();
        assertThat(api.send(HttpMethod.GET, "/api/v1/me", token, null).status()).isEqualTo(200);

        Response revoked = api.delete("/api/v1/tokens/" + created.id(), ada);

        assertThat(revoked.status()).isEqualTo(204);
        Response refused = api.send(HttpMethod.GET, "/api/v1/me", token, null);
        assertProblem(refused, 401);
        assertThat(api.get("/api/v1/me", ada).status())
                .as("the token used to revoke stays valid")
                .isEqualTo(200);
        assertProblem(api.delete("/api/v1/tokens/" + created.id(), ada), 404);
    }

    @Test
    void answersAnotherPersonsTokenIdLikeAnUnknownOne() {
        Member ada = api.signUp();
        Member grace = api.join(ada, "Grace");
        Response created = api.post("/api/v1/tokens", null, json("email", ada.email(), "password", PASSWORD));
        String adasToken = created.json().get("token").asString();

        Response othersToken = api.delete("/api/v1/tokens/" + created.id(), grace);
        Response unknownToken = api.delete("/api/v1/tokens/" + UUID.randomUUID(), grace);

        assertProblem(othersToken, 404);
        assertProblem(unknownToken, 404);
        assertThat(othersToken.problemWithoutInstance()).isEqualTo(unknownToken.problemWithoutInstance());
        assertThat(api.send(HttpMethod.GET, "/api/v1/me", adasToken, null).status())
                .isEqualTo(200);
    }

    @Test
    void answersAWrongPasswordAndAnUnknownEmailTheSameWay() {
        Member ada = api.signUp();

        Response wrongPassword =
                api.post("/api/v1/tokens", null, json("email", ada.email(), "password", "not the password 1"));
        Response unknownEmail =
                api.post("/api/v1/tokens", null, json("email", uniqueEmail("nobody"), "password", PASSWORD));

        assertProblem(wrongPassword, 401);
        assertProblem(unknownEmail, 401);
        assertThat(wrongPassword.problemWithoutInstance()).isEqualTo(unknownEmail.problemWithoutInstance());
        assertThat(wrongPassword.headers().get(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo(unknownEmail.headers().get(HttpHeaders.WWW_AUTHENTICATE));
    }

    @Test
    void slowsDownRepeatedFailuresEvenForTheRightPasswordUntilTheWaitIsOver() {
        Member ada = api.signUp();
        for (int attempt = 1; attempt <= 5; attempt++) {
            Response failed = api.post(
                    "/api/v1/tokens", null, json("email", ada.email(), "password", "wrong guess number " + attempt));
            assertThat(failed.status()).as("failed attempt %d", attempt).isEqualTo(401);
        }

        Response throttled = api.post("/api/v1/tokens", null, json("email", ada.email(), "password", PASSWORD));

        assertProblem(throttled, 429);
        String retryAfter = throttled.headers().getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(retryAfter).as("Retry-After").isNotNull().matches("[1-9][0-9]*");

        clock.advance(Duration.ofSeconds(Long.parseLong(retryAfter) + 1));

        Response afterTheWait = api.post("/api/v1/tokens", null, json("email", ada.email(), "password", PASSWORD));
        assertThat(afterTheWait.status()).as("%s", afterTheWait).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unacceptablePasswords")
    void refusesAnUnacceptablePasswordAtSignUp(String description, String password, String message) {
        String email = uniqueEmail("ada");

        Response refused = api.post(
                "/api/v1/signup",
                null,
                json("organization", "Acme", "name", "Ada", "email", email, "password", password));

        assertProblem(refused, 400);
        assertThat(refused.json().get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asString()).isEqualTo("password");
            assertThat(error.get("message").asString()).contains(message);
        });
        assertThat(jdbc.sql("select count(*) from person where email = :email")
                        .param("email", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    static Stream<Arguments> unacceptablePasswords() {
        return Stream.of(
                Arguments.of("shorter than 8 characters", "Tr0ub4d", "at least 8"),
                Arguments.of(
                        "longer than 128 characters",
                        "correct horse battery staple ".repeat(5).substring(0, 129),
                        "at most 128"),
                Arguments.of("a common password", "password123", "too common"));
    }
}
