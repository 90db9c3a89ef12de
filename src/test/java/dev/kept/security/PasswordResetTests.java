package dev.kept.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Someone who forgot their password asks for a link by e-mail: the same answer whether or not the
 * address has an account, throttled per e-mail; the link works once and for an hour, ends every
 * session of the person; a deactivated person and a member of an organization that signs in only
 * through single sign-on are sent nothing.
 */
@KeptApiTest
class PasswordResetTests {

    private static final Pattern LINK = Pattern.compile("/reset-password/([A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "a freshly chosen passphrase";

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private ApiResponse ask(String email) {
        return api.post(null, "/api/v1/password-resets", Map.of("email", email));
    }

    private String linkTokenFor(String email) {
        return await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> tokensIn(api.mailsTo(email)), tokens -> !tokens.isEmpty())
                .get(0);
    }

    private static List<String> tokensIn(List<String> mails) {
        return mails.stream()
                .map(LINK::matcher)
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .toList();
    }

    /** Asks for a colleague's link after, and waits for it: a mail to the first would be out by then too. */
    private void awaitAMailAfter(Account colleague) {
        ask(colleague.email()).expect(202);
        linkTokenFor(colleague.email());
    }

    private ApiResponse anonymousPage(String path) {
        return api.http()
                .get()
                .uri(path)
                .exchange((req, res) -> new ApiResponse(
                        res.getStatusCode().value(),
                        HttpHeaders.copyOf(res.getHeaders()),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    @Test
    void aLinkWorksOnceEndsEverySessionAndTheNewPasswordSignsIn() {
        Account person = api.join(api.signUp());
        String session = api.pageSession(person);

        ApiResponse asked = ask(person.email()).expect(202);
        String token = linkTokenFor(person.email());

        assertThat(anonymousPage("/reset-password/" + token).expect(200).body()).contains("Choose a new password");
        api.post(null, "/api/v1/password-resets/" + token, Map.of("password", NEW_PASSWORD))
                .expect(204);
        assertThat(api.page(session, "/commitments").status())
                .as("the session ended")
                .isEqualTo(302);
        api.token(person.email(), NEW_PASSWORD);
        assertThat(api.post(null, "/api/v1/password-resets/" + token, Map.of("password", "yet another passphrase"))
                        .expectProblem(410)
                        .get("detail")
                        .asString())
                .contains("already used or has expired");
        assertThat(anonymousPage("/reset-password/" + token).status()).isEqualTo(410);
        assertThat(asked.body()).contains("If an account of Kept uses this address");
    }

    @Test
    void theResetPageSetsThePasswordAndSendsThePersonToSignIn() {
        Account person = api.join(api.signUp());
        String session = api.pageSession(person);
        ask(person.email()).expect(202);
        String token = linkTokenFor(person.email());

        ApiResponse mismatch = api.postForm(
                session,
                "/reset-password/" + token,
                "/reset-password/" + token,
                Map.of("password", NEW_PASSWORD, "confirmation", "something else"));
        assertThat(mismatch.status()).isEqualTo(422);
        ApiResponse done = api.postForm(
                session,
                "/reset-password/" + token,
                "/reset-password/" + token,
                Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.headers().getLocation().toString()).contains("/login?reset");
        assertThat(api.page(session, "/commitments").status()).isEqualTo(302);
    }

    @Test
    void aLinkNoLongerWorksAfterAnHour() {
        Account person = api.join(api.signUp());
        clock.freeze();
        ask(person.email()).expect(202);
        String token = linkTokenFor(person.email());

        clock.advance(Duration.ofMinutes(59));
        anonymousPage("/reset-password/" + token).expect(200);
        clock.advance(Duration.ofMinutes(1));

        api.post(null, "/api/v1/password-resets/" + token, Map.of("password", NEW_PASSWORD))
                .expectProblem(410);
        assertThat(anonymousPage("/reset-password/" + token).status()).isEqualTo(410);
        api.token(person.email(), person.password());
    }

    @Test
    void anUnknownLinkIsNotFound() {
        api.post(null, "/api/v1/password-resets/no-such-link", Map.of("password", NEW_PASSWORD))
                .expectProblem(404);
        assertThat(anonymousPage("/reset-password/no-such-link").body()).contains("This link is not known");
    }

    @Test
    void anUnknownAddressIsAnsweredAsAKnownOneIs() {
        Account person = api.join(api.signUp());

        ApiResponse known = ask(person.email());
        ApiResponse unknown = ask(ApiFixtures.uniqueEmail("nobody"));

        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(unknown.contentType()).isEqualTo(known.contentType());
    }

    @Test
    void requestsForOneAddressAreThrottled() {
        String email = ApiFixtures.uniqueEmail("someone");

        int status = 0;
        for (int attempt = 0; attempt < 12 && status != 429; attempt++) {
            status = ask(email).status();
        }

        assertThat(status).isEqualTo(429);
        assertThat(ask(email).headers().getFirst("Retry-After")).isNotBlank();
    }

    @Test
    void aDeactivatedPersonIsSentNothing() {
        Account admin = api.signUp();
        Account leaver = api.join(admin);
        api.post(admin.token(), "/api/v1/people/" + leaver.personId() + "/deactivate", null)
                .expect(200);

        ask(leaver.email()).expect(202);

        awaitAMailAfter(api.join(admin));
        assertThat(tokensIn(api.mailsTo(leaver.email()))).isEmpty();
    }

    @Test
    void aMemberOfAnOrganizationThatSignsInOnlyThroughSingleSignOnIsSentNothingAndCannotUseALink() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        ask(member.email()).expect(202);
        String earlier = linkTokenFor(member.email());
        jdbc.sql("insert into sso_setting (organization_id, sso_only) values (:org, true)")
                .param("org", admin.organizationId())
                .update();

        ask(member.email()).expect(202);

        awaitAMailAfter(api.join(api.signUp()));
        assertThat(tokensIn(api.mailsTo(member.email()))).containsExactly(earlier);
        api.post(null, "/api/v1/password-resets/" + earlier, Map.of("password", NEW_PASSWORD))
                .expectProblem(403);
        assertThat(anonymousPage("/reset-password/" + earlier).body()).contains("single sign-on");
    }

    @Test
    void aWeakPasswordIsRefusedAndTheLinkStillWorks() {
        Account person = api.join(api.signUp());
        ask(person.email()).expect(202);
        String token = linkTokenFor(person.email());

        assertThat(api.post(null, "/api/v1/password-resets/" + token, Map.of("password", "short"))
                        .expectProblem(422)
                        .toString())
                .contains("password");
        api.post(null, "/api/v1/password-resets/" + token, Map.of("password", NEW_PASSWORD))
                .expect(204);
    }
}
