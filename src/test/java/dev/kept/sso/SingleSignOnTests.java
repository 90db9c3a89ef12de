package dev.kept.sso;

import static dev.kept.sso.SsoFixtures.verified;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.sso.SsoFixtures.Browser;
import dev.kept.sso.SsoFixtures.Landing;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signing in through a real OpenID Connect provider: a first sign-in creates the person (just in
 * time) or lets an invited person join, a known person signs in and is found by the provider's
 * subject afterwards; every refusal (an unverified e-mail, a domain not allowed, a wrong issuer, an
 * issuer that does not answer, a replayed answer, a deactivated person, a disabled provider) lands
 * on the sign-in page with its message and creates nobody; an organization that signs in only
 * through SSO refuses passwords.
 */
@KeptApiTest
class SingleSignOnTests {

    private static MockOAuth2Server server;

    @Autowired
    ApiFixtures api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    Account admin;
    UUID provider;
    String app;

    @BeforeAll
    static void startTheProvider() {
        server = SsoFixtures.startServer();
    }

    @AfterAll
    static void stopTheProvider() {
        server.shutdown();
    }

    @BeforeEach
    void anOrganizationWithAProvider() {
        app = "http://localhost:" + environment.getRequiredProperty("local.server.port");
        admin = api.signUp();
        provider = SsoFixtures.addProvider(api, admin, SsoFixtures.issuer(server), List.of("example.test"));
    }

    private Browser browser() {
        return new Browser(app);
    }

    private static String path(String location) {
        URI uri = URI.create(location);
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private long peopleInOrganization() {
        return jdbc.sql("select count(*) from person where organization_id = :org")
                .param("org", admin.organizationId())
                .query(Long.class)
                .single();
    }

    private Map<String, Object> person(String email) {
        return jdbc.sql(
                        "select id, role, status, password_hash from person where organization_id = :org and email = :email")
                .param("org", admin.organizationId())
                .param("email", email)
                .query()
                .singleRow();
    }

    /** A refused sign-in: the sign-in page with its reason and message, and nobody new in the organization. */
    private void refused(Browser browser, Landing landing, String reason, String message, long peopleBefore) {
        assertThat(path(landing.location())).isEqualTo("/login?sso=" + reason);
        assertThat(browser.page(path(landing.location()))).contains(message);
        assertThat(peopleInOrganization()).isEqualTo(peopleBefore);
        assertThat(browser.get("/settings/profile").statusCode())
                .as("not signed in")
                .isEqualTo(302);
    }

    @Test
    void aFirstSignInCreatesTheMemberJustInTime() {
        String email = ApiFixtures.uniqueEmail("jit");
        SsoFixtures.nextSignIn(server, "subject-" + UUID.randomUUID(), verified(email, "Jo Just-in-time"));
        Browser browser = browser();

        Landing landing = browser.signInWith(provider);

        assertThat(path(landing.location())).isEqualTo("/");
        assertThat(browser.page("/")).contains("Jo Just-in-time").contains("Sign out");
        Map<String, Object> created = person(email);
        assertThat(created.get("role")).isEqualTo("MEMBER");
        assertThat(created.get("status")).isEqualTo("ACTIVE");
        assertThat(created.get("password_hash")).isNull();
    }

    @Test
    void anInvitedPersonJoinsThroughSignOnAndIsLinked() {
        String email = ApiFixtures.uniqueEmail("invited");
        UUID invited = api.invite(admin, Map.of("name", "Ivy Invited", "email", email))
                .expect(201)
                .id();
        String subject = "subject-" + UUID.randomUUID();
        SsoFixtures.nextSignIn(server, subject, verified(email, "Ivy From The Provider"));
        long before = peopleInOrganization();

        Landing landing = browser().signInWith(provider);

        assertThat(path(landing.location())).isEqualTo("/");
        assertThat(person(email).get("id")).isEqualTo(invited);
        assertThat(person(email).get("status")).isEqualTo("ACTIVE");
        assertThat(peopleInOrganization()).isEqualTo(before);
        assertThat(jdbc.sql("select person_id from sso_identity where organization_id = :org and subject = :subject")
                        .param("org", admin.organizationId())
                        .param("subject", subject)
                        .query(UUID.class)
                        .single())
                .isEqualTo(invited);
    }

    @Test
    void anExistingMemberSignsInAndIsFoundBySubjectAfterwards() {
        Account member = api.join(admin);
        String subject = "subject-" + UUID.randomUUID();
        SsoFixtures.nextSignIn(server, subject, verified(member.email(), member.name()));
        long before = peopleInOrganization();

        Browser first = browser();
        assertThat(path(first.signInWith(provider).location())).isEqualTo("/");
        assertThat(first.page("/settings/profile")).contains(member.name());

        // the provider now gives the same subject another address: still the same person
        String renamed = ApiFixtures.uniqueEmail("renamed");
        SsoFixtures.nextSignIn(server, subject, verified(renamed, member.name()));
        Browser later = browser();
        assertThat(path(later.signInWith(provider).location())).isEqualTo("/");
        assertThat(later.page("/settings/profile")).contains(member.name());
        assertThat(api.peopleWithEmail(renamed)).isZero();
        assertThat(peopleInOrganization()).isEqualTo(before);
    }

    @Test
    void aChangedIssuerTakesEffectAtTheNextSignIn() {
        String email = ApiFixtures.uniqueEmail("moved");
        SsoFixtures.nextSignIn(server, "subject-" + UUID.randomUUID(), verified(email, "Mo Ved"));
        assertThat(path(browser().signInWith(provider).location())).isEqualTo("/");

        // the organization moves to another realm of its provider: Kept reads the new one at once
        Map<String, Object> moved = new java.util.LinkedHashMap<>();
        moved.put("issuer", server.issuerUrl("moved").toString());
        api.patch(admin.token(), "/api/v1/sso/providers/" + provider, moved).expect(200);
        String subject = "subject-" + UUID.randomUUID();
        server.enqueueCallback(new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback(
                "moved", subject, "JWT", List.of(SsoFixtures.CLIENT_ID), verified(email, "Mo Ved"), 3600));
        Browser browser = browser();
        Landing landing = browser.signInWith(provider);

        assertThat(landing.callback()).isNotNull();
        assertThat(path(landing.location())).isEqualTo("/");
        assertThat(jdbc.sql("select count(*) from sso_identity where issuer = :issuer and subject = :subject")
                        .param("issuer", server.issuerUrl("moved").toString())
                        .param("subject", subject)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(api.peopleWithEmail(email)).isEqualTo(1);
    }

    @Test
    void anUnverifiedEmailIsRefused() {
        String email = ApiFixtures.uniqueEmail("unverified");
        Map<String, Object> claims = verified(email, "Una Verified");
        claims.put("email_verified", false);
        SsoFixtures.nextSignIn(server, "subject-" + UUID.randomUUID(), claims);
        long before = peopleInOrganization();
        Browser browser = browser();

        refused(
                browser,
                browser.signInWith(provider),
                "unverified",
                "did not confirm that your e-mail address is verified",
                before);
        assertThat(api.peopleWithEmail(email)).isZero();
    }

    @Test
    void anEmailWithoutTheVerifiedClaimIsRefused() {
        String email = ApiFixtures.uniqueEmail("unsaid");
        Map<String, Object> claims = verified(email, "Una Said");
        claims.remove("email_verified");
        SsoFixtures.nextSignIn(server, "subject-" + UUID.randomUUID(), claims);
        long before = peopleInOrganization();
        Browser browser = browser();

        refused(browser, browser.signInWith(provider), "unverified", "is verified", before);
    }

    @Test
    void entraDomainVerificationCountsAsVerified() {
        String email = ApiFixtures.uniqueEmail("entra");
        Map<String, Object> claims = verified(email, "Ena Entra");
        claims.remove("email_verified");
        claims.put("xms_edov", true);
        SsoFixtures.nextSignIn(server, "subject-" + UUID.randomUUID(), claims);

        assertThat(path(browser().signInWith(provider).location())).isEqualTo("/");
        assertThat(api.peopleWithEmail(email)).isEqualTo(1);
    }

    @Test
    void anEmailOfAnotherDomainIsRefused() {
        String email = ApiFixtures.unique("outsider") + "@elsewhere.test";
        SsoFixtures.nextSignIn(server, "subject-" + UUID.randomUUID(), verified(email, "Otto Outsider"));
        long before = peopleInOrganization();
        Browser browser = browser();

        refused(browser, browser.signInWith(provider), "domain", "not of a domain this identity provider", before);
        assertThat(api.peopleWithEmail(email)).isZero();
    }

    @Test
    void anIdTokenOfAnotherIssuerIsRefused() {
        String email = ApiFixtures.uniqueEmail("forged");
        Map<String, Object> claims = verified(email, "Fay Forged");
        claims.put("iss", "https://issuer.example.test/other");
        SsoFixtures.nextSignIn(server, "subject-" + UUID.randomUUID(), claims);
        long before = peopleInOrganization();
        Browser browser = browser();

        refused(browser, browser.signInWith(provider), "invalid", "could not be trusted", before);
        assertThat(api.peopleWithEmail(email)).isZero();
    }

    @Test
    void anIssuerThatDoesNotAnswerIsRefusedBeforeLeavingKept() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        UUID silent = SsoFixtures.addProvider(
                api, admin, "http://127.0.0.1:" + closed + "/realms/nowhere", List.of("example.test"));
        long before = peopleInOrganization();
        Browser browser = browser();

        Landing landing = browser.signInWith(silent);

        assertThat(landing.callback()).isNull();
        refused(browser, landing, "unavailable", "does not answer", before);
    }

    @Test
    void aClientSecretThatCannotBeDecryptedStopsTheSignInWithAMessage() {
        // as after a change of kept.sso.secret-key: the stored secret no longer opens
        jdbc.sql("update sso_provider set client_secret = :other where id = :id")
                .param(
                        "other",
                        new SecretBox(java.util.Base64.getDecoder().decode(SecretBox.newKey()))
                                .seal(SsoFixtures.CLIENT_SECRET, provider.toString()))
                .param("id", provider)
                .update();
        long before = peopleInOrganization();
        Browser browser = browser();

        Landing landing = browser.signInWith(provider);

        assertThat(landing.callback()).isNull();
        refused(browser, landing, "unavailable", "not available", before);
    }

    @Test
    void aReplayedAnswerOfTheProviderIsRefused() {
        String email = ApiFixtures.uniqueEmail("replayed");
        SsoFixtures.nextSignIn(server, "subject-" + UUID.randomUUID(), verified(email, "Ray Played"));
        Landing first = browser().signInWith(provider);
        assertThat(path(first.location())).isEqualTo("/");
        long before = peopleInOrganization();

        // the same code and state again, from another browser (and from the first one's own session)
        Browser attacker = browser();
        Landing replayed = new Landing(first.callback(), Browser.location(attacker.get(first.callback())));
        refused(attacker, replayed, "expired", "already used or has expired", before);
    }

    @Test
    void aDeactivatedPersonIsRefused() {
        Account leaver = api.join(admin);
        api.post(admin.token(), "/api/v1/people/" + leaver.personId() + "/deactivate", Map.of())
                .expect(200);
        SsoFixtures.nextSignIn(server, "subject-" + UUID.randomUUID(), verified(leaver.email(), leaver.name()));
        long before = peopleInOrganization();
        Browser browser = browser();

        refused(browser, browser.signInWith(provider), "deactivated", "Your account was deactivated", before);
        assertThat(person(leaver.email()).get("status")).isEqualTo("DEACTIVATED");
    }

    @Test
    void aDisabledProviderSignsNobodyIn() {
        api.patch(admin.token(), "/api/v1/sso/providers/" + provider, Map.of("enabled", false))
                .expect(200);
        long before = peopleInOrganization();
        Browser browser = browser();

        refused(browser, browser.signInWith(provider), "unavailable", "not available", before);
    }

    @Test
    void anOrganizationThatSignsInOnlyThroughSsoRefusesPasswords() {
        Account member = api.join(admin);
        api.send(
                        org.springframework.http.HttpMethod.PUT,
                        admin.token(),
                        "/api/v1/sso/settings",
                        Map.of("ssoOnly", true))
                .expect(200);

        Browser browser = browser();
        String form = browser.page("/login");
        assertThat(form).contains("Sign in with single sign-on");
        assertThat(passwordSignIn(browser, member)).isEqualTo("/login?sso=password");
        assertThat(browser.page("/login?sso=password"))
                .contains("Your organization signs in only through single sign-on");
        api.post(null, "/api/v1/tokens", Map.of("email", member.email(), "password", member.password()))
                .expect(401);

        // through the provider the same person signs in
        SsoFixtures.nextSignIn(server, "subject-" + UUID.randomUUID(), verified(member.email(), member.name()));
        assertThat(path(browser.signInWith(provider).location())).isEqualTo("/");
    }

    /** Where the sign-in form sends a browser after this member's e-mail and password. */
    private static String passwordSignIn(Browser browser, Account member) {
        return path(Browser.location(
                browser.postForm("/login", "/login", Map.of("email", member.email(), "password", member.password()))));
    }
}
