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
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The identity providers over the API: admins only, validated, paged, the client secret stored
 * encrypted and never answered, and the SSO-only switch that cannot lock an organization out.
 */
@KeptApiTest
class SsoApiTests {

    private static final String ISSUER = "https://login.example.test/realms/acme";
    private static final String SECRET = "the-client-secret-42";

    @Autowired
    ApiFixtures api;

    @Autowired
    JdbcClient jdbc;

    Account admin;

    @BeforeEach
    void anOrganization() {
        admin = api.signUp();
    }

    private static Map<String, Object> provider(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("issuer", ISSUER);
        body.put("clientId", "kept");
        body.put("clientSecret", SECRET);
        body.put("domains", List.of("Example.TEST", "@example.org"));
        return body;
    }

    private static Map<String, Object> provider(String field, Object value) {
        Map<String, Object> body = provider("Acme");
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, value);
        }
        return body;
    }

    private UUID create(String name) {
        return api.post(admin.token(), "/api/v1/sso/providers", provider(name))
                .expect(201)
                .id();
    }

    private JsonNode refused(Map<String, Object> body, int status) {
        return api.post(admin.token(), "/api/v1/sso/providers", body).expectProblem(status);
    }

    private ApiFixtures.Account member() {
        return api.join(admin);
    }

    @Test
    void anAdminAddsAProviderWhoseSecretIsStoredEncryptedAndNeverAnswered() {
        var created = api.post(admin.token(), "/api/v1/sso/providers", provider("Acme"))
                .expect(201);

        assertThat(created.headers().getLocation()).isNotNull();
        JsonNode body = created.json();
        assertThat(body.get("clientSecretSet").asBoolean()).isTrue();
        assertThat(body.has("clientSecret")).isFalse();
        assertThat(created.body()).doesNotContain(SECRET);
        assertThat(body.get("domains").toString()).isEqualTo("[\"example.test\",\"example.org\"]");
        assertThat(body.get("enabled").asBoolean()).isTrue();
        String stored = jdbc.sql("select client_secret from sso_provider where id = :id")
                .param("id", created.id())
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain(SECRET);
        assertThat(api.get(admin.token(), "/api/v1/sso/providers/" + created.id())
                        .expect(200)
                        .body())
                .doesNotContain(SECRET);
    }

    @Test
    void refusesAnIssuerThatIsNoHttpsAddress() {
        for (String issuer : List.of(
                "http://login.example.test/realms/acme",
                "login.example.test",
                "ftp://login.example.test",
                "https://login.example.test/?tenant=1",
                "https://")) {
            JsonNode problem = refused(provider("issuer", issuer), 422);
            assertThat(problem.get("reason").asString()).as(issuer).isEqualTo("BAD_ISSUER");
            assertThat(problem.get("field").asString()).isEqualTo("issuer");
        }
    }

    @Test
    void allowsHttpOnThisMachineOnly() {
        api.post(admin.token(), "/api/v1/sso/providers", provider("issuer", "http://localhost:8081/realms/dev"))
                .expect(201);
        api.post(admin.token(), "/api/v1/sso/providers", provider("issuer", "http://127.0.0.1:8081/realms/dev"))
                .expect(201);
    }

    @Test
    void refusesMissingFieldsAndBadDomains() {
        assertThat(api.post(admin.token(), "/api/v1/sso/providers", provider("clientId", null))
                        .expect(400)
                        .errorFields())
                .contains("clientId");
        assertThat(api.post(admin.token(), "/api/v1/sso/providers", provider("domains", List.of()))
                        .expect(400)
                        .errorFields())
                .contains("domains");
        assertThat(refused(provider("domains", List.of("example.com", "not a domain")), 422)
                        .get("reason")
                        .asString())
                .isEqualTo("BAD_DOMAIN");
        assertThat(refused(provider("clientSecret", null), 422).get("reason").asString())
                .isEqualTo("SECRET_REQUIRED");
        assertThat(jdbc.sql("select count(*) from sso_provider where organization_id = :org")
                        .param("org", admin.organizationId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyAdminsSeeAndChangeProviders() {
        UUID id = create("Acme");
        Account member = member();

        api.get(member.token(), "/api/v1/sso/providers").expectProblem(403);
        api.get(member.token(), "/api/v1/sso/providers/" + id).expectProblem(403);
        api.post(member.token(), "/api/v1/sso/providers", provider("Mine")).expectProblem(403);
        api.delete(member.token(), "/api/v1/sso/providers/" + id).expectProblem(403);
        api.send(HttpMethod.PUT, member.token(), "/api/v1/sso/settings", Map.of("ssoOnly", true))
                .expectProblem(403);
        api.get(api.signUp().token(), "/api/v1/sso/providers/" + id).expectProblem(404);
    }

    @Test
    void listsProvidersAPageAtATime() {
        create("First");
        create("Second");
        create("Third");

        List<JsonNode> pages = api.pagesOf(admin.token(), "/api/v1/sso/providers?limit=2");

        assertThat(pages).hasSize(2);
        assertThat(ApiFixtures.itemsOf(pages).stream().map(p -> p.get("name").asString()))
                .containsExactly("First", "Second", "Third");
        api.expectPagingRefused(admin.token(), "/api/v1/sso/providers");
    }

    @Test
    void aChangeWithoutASecretKeepsTheStoredOne() {
        UUID id = create("Acme");
        String before = jdbc.sql("select client_secret from sso_provider where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        Map<String, Object> changed = provider("clientSecret", null);
        changed.put("name", "Acme renamed");

        JsonNode body = api.send(HttpMethod.PUT, admin.token(), "/api/v1/sso/providers/" + id, changed)
                .expect(200)
                .json();

        assertThat(body.get("name").asString()).isEqualTo("Acme renamed");
        assertThat(body.get("clientSecretSet").asBoolean()).isTrue();
        assertThat(jdbc.sql("select client_secret from sso_provider where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(before);
        JsonNode patched = api.patch(admin.token(), "/api/v1/sso/providers/" + id, Map.of("enabled", false))
                .expect(200)
                .json();
        assertThat(patched.get("enabled").asBoolean()).isFalse();
        assertThat(patched.get("name").asString()).isEqualTo("Acme renamed");
        api.patch(admin.token(), "/api/v1/sso/providers/" + id, Map.of("issuer", "http://evil.example.test"))
                .expectProblem(422);
    }

    @Test
    void ssoOnlyNeedsAnEnabledProviderAndKeepsTheLastOne() {
        JsonNode locked = api.send(HttpMethod.PUT, admin.token(), "/api/v1/sso/settings", Map.of("ssoOnly", true))
                .expectProblem(422);
        assertThat(locked.get("reason").asString()).isEqualTo("NO_ENABLED_PROVIDER");
        UUID id = create("Acme");

        JsonNode settings = api.send(HttpMethod.PUT, admin.token(), "/api/v1/sso/settings", Map.of("ssoOnly", true))
                .expect(200)
                .json();
        assertThat(settings.get("ssoOnly").asBoolean()).isTrue();
        assertThat(settings.get("enabledProviders").asLong()).isEqualTo(1);

        assertThat(api.patch(admin.token(), "/api/v1/sso/providers/" + id, Map.of("enabled", false))
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("LAST_PROVIDER");
        assertThat(api.delete(admin.token(), "/api/v1/sso/providers/" + id)
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("LAST_PROVIDER");

        api.send(HttpMethod.PUT, admin.token(), "/api/v1/sso/settings", Map.of("ssoOnly", false))
                .expect(200);
        api.delete(admin.token(), "/api/v1/sso/providers/" + id).expect(204);
        api.get(admin.token(), "/api/v1/sso/providers/" + id).expectProblem(404);
    }
}
