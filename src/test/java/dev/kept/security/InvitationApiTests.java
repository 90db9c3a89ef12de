package dev.kept.security;

import static dev.kept.ApiFixtures.PASSWORD;
import static dev.kept.ApiFixtures.assertProblem;
import static dev.kept.ApiFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Invitee;
import dev.kept.ApiFixtures.Member;
import dev.kept.ApiFixtures.Response;
import dev.kept.MovableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.TestConfig.class)
class InvitationApiTests {

    private static final Duration VALIDITY = Duration.ofDays(7);

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
    void activatesTheInvitedPersonOnceTheySetAPassword() {
        Invitee grace = api.invite(admin, "Grace");
        String token = api.invitationToken(grace.email());

        Response accepted = api.post("/api/v1/invitations/" + token, null, json("password", PASSWORD));

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.id()).isEqualTo(grace.id());
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(accepted.json().get("role").asString()).isEqualTo("MEMBER");
        assertThat(api.token(grace.email(), PASSWORD)).startsWith("kept_");
    }

    @Test
    void refusesAnInvitationLinkUsedBefore() {
        Invitee grace = api.invite(admin, "Grace");
        String token = api.invitationToken(grace.email());
        api.post("/api/v1/invitations/" + token, null, json("password", PASSWORD));

        Response again = api.post("/api/v1/invitations/" + token, null, json("password", "another good phrase 7"));

        assertProblem(again, 410);
        assertThat(api.token(grace.email(), PASSWORD))
                .as("the first password stands")
                .isNotBlank();
    }

    @Test
    void answersAnUnknownInvitationLinkWithNotFound() {
        assertProblem(api.post("/api/v1/invitations/no-such-invitation", null, json("password", PASSWORD)), 404);
    }

    @Test
    void acceptsAnInvitationUntilItExpiresAndRefusesItAfter() {
        Invitee early = api.invite(admin, "Early");
        Invitee late = api.invite(admin, "Late");
        String earlyToken = api.invitationToken(early.email());
        String lateToken = api.invitationToken(late.email());

        clock.advance(VALIDITY.minusMinutes(1));
        Response beforeExpiry = api.post("/api/v1/invitations/" + earlyToken, null, json("password", PASSWORD));
        clock.advance(Duration.ofMinutes(2));
        Response afterExpiry = api.post("/api/v1/invitations/" + lateToken, null, json("password", PASSWORD));

        assertThat(beforeExpiry.status()).as("%s", beforeExpiry).isEqualTo(200);
        assertProblem(afterExpiry, 410);
        assertThat(api.get("/api/v1/people/" + late.id(), admin)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("INVITED");
    }

    @Test
    void replacesAnEarlierLinkWhenTheAdminSendsANewOne() {
        Invitee grace = api.invite(admin, "Grace");
        String first = api.invitationToken(grace.email());

        assertThat(api.post("/api/v1/people/" + grace.id() + "/invitation", admin, null)
                        .status())
                .isEqualTo(202);
        List<String> tokens = api.invitationTokens(grace.email(), 2);
        String second = tokens.stream()
                .filter(token -> !token.equals(first))
                .findFirst()
                .orElseThrow();

        assertProblem(api.post("/api/v1/invitations/" + first, null, json("password", PASSWORD)), 410);
        assertThat(api.post("/api/v1/invitations/" + second, null, json("password", PASSWORD))
                        .status())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.kept.security.AccountApiTests#unacceptablePasswords")
    void refusesAnUnacceptablePasswordAndKeepsTheLinkUsable(String description, String password, String message) {
        Invitee grace = api.invite(admin, "Grace");
        String token = api.invitationToken(grace.email());

        Response refused = api.post("/api/v1/invitations/" + token, null, json("password", password));

        assertProblem(refused, 400);
        assertThat(refused.json().get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asString()).isEqualTo("password");
            assertThat(error.get("message").asString()).contains(message);
        });
        assertThat(api.get("/api/v1/people/" + grace.id(), admin)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("INVITED");
        assertThat(api.post("/api/v1/invitations/" + token, null, json("password", PASSWORD))
                        .status())
                .isEqualTo(200);
    }
}
