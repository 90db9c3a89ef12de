package dev.kept.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin's single sign-on page with its validation messages, and the sign-in step that finds a provider by e-mail. */
@KeptApiTest
class SsoPagesTests {

    @Autowired
    ApiFixtures api;

    Account admin;
    String session;
    String domain;

    @BeforeEach
    void anAdminOnTheSsoPage() {
        admin = api.signUp();
        session = api.pageSession(admin);
        domain = ApiFixtures.unique("acme").toLowerCase() + ".test";
    }

    private Map<String, String> form(String issuer) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Acme Keycloak");
        fields.put("issuer", issuer);
        fields.put("clientId", "kept");
        fields.put("clientSecret", "page-secret-17");
        fields.put("domains", domain + ", " + "sub." + domain);
        fields.put("enabled", "true");
        return fields;
    }

    @Test
    void theAdminAddsAProviderAndSeesItWithoutItsSecret() {
        var added = api.postForm(
                session, "/admin/sso", "/admin/sso/providers", form("https://id.example.test/realms/acme"));

        assertThat(added.status()).isEqualTo(302);
        String page = api.page(session, "/admin/sso").expect(200).body();
        assertThat(page)
                .contains("Acme Keycloak was saved.")
                .contains("https://id.example.test/realms/acme")
                .contains(domain)
                .doesNotContain("page-secret-17");
        assertThat(page).contains("/login/oauth2/code/");
    }

    @Test
    void theFormSaysWhatIsWrong() {
        Map<String, String> fields = form("http://id.example.test/realms/acme");
        fields.put("clientId", "");

        var answer = api.postForm(session, "/admin/sso", "/admin/sso/providers", fields)
                .expect(200);

        assertThat(answer.body())
                .contains("The identity provider was not saved")
                .contains("must not be blank");
        var issuer = api.postForm(session, "/admin/sso", "/admin/sso/providers", form("http://id.example.test/x"))
                .expect(200);
        assertThat(issuer.body()).contains("must be an https address");
        Map<String, String> badDomain = form("https://id.example.test/realms/acme");
        badDomain.put("domains", "not a domain!");
        assertThat(api.postForm(session, "/admin/sso", "/admin/sso/providers", badDomain)
                        .expect(200)
                        .body())
                .contains("is not an e-mail domain");
        assertThat(api.get(admin.token(), "/api/v1/sso/providers")
                        .expect(200)
                        .json()
                        .get("items"))
                .isEmpty();
    }

    @Test
    void ssoOnlyCannotBeTurnedOnWithoutAProvider() {
        var answer = api.postForm(session, "/admin/sso", "/admin/sso/settings", Map.of("ssoOnly", "true"));

        assertThat(answer.status()).isEqualTo(302);
        assertThat(api.page(session, "/admin/sso").expect(200).body())
                .contains("Add and enable an identity provider before making it the only way in.");
    }

    @Test
    void theSignInPageFindsTheProvidersOfAnEmailsDomain() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Acme Okta");
        body.put("issuer", "https://acme.okta.example.test");
        body.put("clientId", "kept");
        body.put("clientSecret", "s");
        body.put("domains", List.of(domain));
        UUID id = api.post(admin.token(), "/api/v1/sso/providers", body)
                .expect(201)
                .id();

        String found =
                api.page("", "/login/sso?email=someone@" + domain).expect(200).body();
        assertThat(found).contains("Sign in with Acme Okta").contains("/oauth2/authorization/" + id);
        String none = api.page("", "/login/sso?email=someone@nobody-" + domain)
                .expect(200)
                .body();
        assertThat(none).contains("No single sign-on is set up for this e-mail").doesNotContain("Acme Okta");

        api.patch(admin.token(), "/api/v1/sso/providers/" + id, Map.of("enabled", false))
                .expect(200);
        assertThat(api.page("", "/login/sso?email=someone@" + domain)
                        .expect(200)
                        .body())
                .doesNotContain("Acme Okta");
    }
}
