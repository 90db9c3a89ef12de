package dev.kept.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person changes their password with the current one: a wrong one is refused and throttled like
 * a sign-in, their other sessions end while the one they changed it in goes on, their API tokens
 * end when they ask, and in an organization that signs in only through single sign-on there is no
 * password to change.
 */
@KeptApiTest
class PasswordChangeTests {

    private static final String NEW_PASSWORD = "a new and better passphrase";

    @Autowired
    ApiFixtures api;

    @Autowired
    JdbcClient jdbc;

    private static Map<String, Object> change(String current, String next, boolean endTokens) {
        return Map.of("currentPassword", current, "newPassword", next, "endApiTokens", endTokens);
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndLeavesThePasswordAsItWas() {
        Account person = api.join(api.signUp());

        assertThat(api.post(person.token(), "/api/v1/me/password", change("not my password", NEW_PASSWORD, false))
                        .expectProblem(422)
                        .toString())
                .contains("currentPassword");

        String session = api.pageSession(person);
        ApiResponse page = api.postForm(
                session,
                "/settings/password",
                "/settings/password",
                Map.of(
                        "currentPassword", "still not my password",
                        "password", NEW_PASSWORD,
                        "confirmation", NEW_PASSWORD));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("The current password is wrong.");
        api.token(person.email(), person.password());
    }

    @Test
    void wrongCurrentPasswordsAreThrottledLikeSignIns() {
        Account person = api.join(api.signUp());

        int status = 0;
        for (int attempt = 0; attempt < 12 && status != 429; attempt++) {
            status = api.post(person.token(), "/api/v1/me/password", change("guess " + attempt, NEW_PASSWORD, false))
                    .status();
        }

        assertThat(status).isEqualTo(429);
        assertThat(api.post(person.token(), "/api/v1/me/password", change(person.password(), NEW_PASSWORD, false))
                        .status())
                .as("even the right password waits")
                .isEqualTo(429);
    }

    @Test
    void theOtherSessionsEndAtTheirNextRequestWhileTheCurrentOneGoesOn() {
        Account person = api.join(api.signUp());
        String other = api.pageSession(person);
        String current = api.pageSession(person);
        api.page(other, "/commitments").expect(200);

        ApiResponse changed = api.postForm(
                current,
                "/settings/password",
                "/settings/password",
                Map.of(
                        "currentPassword", person.password(),
                        "password", NEW_PASSWORD,
                        "confirmation", NEW_PASSWORD));

        assertThat(changed.status()).isEqualTo(302);
        String renewed = renewedSession(changed, current);
        assertThat(renewed).as("the session goes on under a new id").isNotEqualTo(current);
        api.page(renewed, "/commitments").expect(200);
        ApiResponse ended = api.page(other, "/commitments");
        assertThat(ended.status()).isEqualTo(302);
        assertThat(ended.headers().getLocation().getPath()).isEqualTo("/login");
        api.page(renewed, "/commitments").expect(200);
        api.token(person.email(), NEW_PASSWORD);
        Account withNewPassword = new Account(
                person.organizationId(),
                person.personId(),
                person.name(),
                person.email(),
                NEW_PASSWORD,
                person.token());
        api.page(api.pageSession(withNewPassword), "/commitments").expect(200);
        assertThat(api.get(person.token(), "/api/v1/me").status())
                .as("tokens go on unless asked")
                .isEqualTo(200);
    }

    @Test
    void tokensAreRevokedWhenAskedTheOneOfTheCallToo() {
        Account person = api.join(api.signUp());
        String another = api.token(person.email(), person.password());

        var answer = api.post(person.token(), "/api/v1/me/password", change(person.password(), NEW_PASSWORD, true))
                .expect(200)
                .json();

        assertThat(answer.get("apiTokensRevoked").asInt()).isGreaterThanOrEqualTo(2);
        api.get(person.token(), "/api/v1/me").expectProblem(401);
        api.get(another, "/api/v1/me").expectProblem(401);
        api.get(api.token(person.email(), NEW_PASSWORD), "/api/v1/me").expect(200);
    }

    @Test
    void aWeakOrMismatchedNewPasswordIsRefusedOnTheFormAndInTheApi() {
        Account person = api.join(api.signUp());

        assertThat(api.post(person.token(), "/api/v1/me/password", change(person.password(), "short", false))
                        .expectProblem(422)
                        .toString())
                .contains("password");
        ApiResponse page = api.postForm(
                api.pageSession(person),
                "/settings/password",
                "/settings/password",
                Map.of("currentPassword", person.password(), "password", NEW_PASSWORD, "confirmation", "other"));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("The two passwords are not the same.");
    }

    @Test
    void aMemberOfAnOrganizationThatSignsInOnlyThroughSingleSignOnHasNoPasswordToChange() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        String session = api.pageSession(member);
        jdbc.sql("insert into sso_setting (organization_id, sso_only) values (:org, true)")
                .param("org", admin.organizationId())
                .update();

        assertThat(api.post(member.token(), "/api/v1/me/password", change(member.password(), NEW_PASSWORD, false))
                        .expectProblem(403)
                        .get("detail")
                        .asString())
                .contains("single sign-on");
        assertThat(api.page(session, "/settings/password").expect(200).body())
                .contains("signs in through single sign-on")
                .doesNotContain("currentPassword");
    }

    private static String renewedSession(ApiResponse answer, String before) {
        return answer.headers().getOrEmpty("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst()
                .orElse(before);
    }
}
