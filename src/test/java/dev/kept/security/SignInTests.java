package dev.kept.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Signing in for a token: answers that reveal nothing, and throttling of repeated failures. */
@KeptApiTest
class SignInTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Test
    void answersTheSameForAWrongPasswordAndAnUnknownEmail() {
        Account admin = api.signUp();
        String invited = ApiFixtures.uniqueEmail("invited");
        api.invite(admin, Map.of("name", "Not yet active", "email", invited)).expect(201);

        ApiResponse wrongPassword = signIn(admin.email(), "Not-the-password-1");
        ApiResponse unknownEmail = signIn(ApiFixtures.uniqueEmail("nobody"), "Not-the-password-1");
        ApiResponse notYetActive = signIn(invited, "Not-the-password-1");

        wrongPassword.expectProblem(401);
        assertThat(unknownEmail.status()).isEqualTo(wrongPassword.status());
        assertThat(notYetActive.status()).isEqualTo(wrongPassword.status());
        assertThat(unknownEmail.contentType()).isEqualTo(wrongPassword.contentType());
        assertThat(withoutInstance(unknownEmail)).isEqualTo(withoutInstance(wrongPassword));
        assertThat(withoutInstance(notYetActive)).isEqualTo(withoutInstance(wrongPassword));
        assertThat(wrongPassword.body()).doesNotContainIgnoringCase(admin.email());
    }

    @Test
    void throttlesAnEmailAfterFiveFailuresUntilTheWaitIsOver() {
        clock.freeze();
        Account admin = api.signUp();
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(admin.email(), "Wrong-password-" + attempt).expectProblem(401);
        }

        ApiResponse throttled = signIn(admin.email(), admin.password());

        throttled.expectProblem(429);
        String retryAfter = throttled.headers().getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(retryAfter).matches("[1-9][0-9]*");
        signIn(admin.email(), "Wrong-password-6").expectProblem(429);
        signIn(admin.email().toUpperCase(), admin.password()).expectProblem(429);

        clock.advance(Duration.ofSeconds(Long.parseLong(retryAfter)).plusMillis(1));

        signIn(admin.email(), admin.password()).expect(201);
    }

    @Test
    void throttlingOneEmailLeavesOthersAlone() {
        clock.freeze();
        Account admin = api.signUp();
        Account colleague = api.join(admin);
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(admin.email(), "Wrong-password-" + attempt).expectProblem(401);
        }
        signIn(admin.email(), admin.password()).expectProblem(429);

        signIn(colleague.email(), colleague.password()).expect(201);
    }

    @Test
    void successfulSignInForgetsEarlierFailures() {
        clock.freeze();
        Account admin = api.signUp();
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(admin.email(), "Wrong-password-" + attempt).expectProblem(401);
        }
        signIn(admin.email(), admin.password()).expect(201);

        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(admin.email(), "Wrong-password-" + attempt).expectProblem(401);
        }
        signIn(admin.email(), admin.password()).expect(201);
    }

    private ApiResponse signIn(String email, String password) {
        return api.post(null, "/api/v1/tokens", Map.of("email", email, "password", password));
    }

    private static JsonNode withoutInstance(ApiResponse response) {
        ObjectNode body = (ObjectNode) response.json();
        body.remove("instance");
        return body;
    }
}
