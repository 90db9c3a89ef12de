package dev.kept.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider for the tests (NAV's mock-oauth2-server on a random port), a
 * provider of an organization pointing at it, and a browser-like client that follows the
 * authorization-code flow with its own cookies.
 */
final class SsoFixtures {

    static final String ISSUER_ID = "kept";
    static final String CLIENT_ID = "kept-client";
    static final String CLIENT_SECRET = "client-secret-never-shown";

    private SsoFixtures() {}

    static MockOAuth2Server startServer() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    static String issuer(MockOAuth2Server server) {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** Adds an enabled provider to the admin's organization, for these domains; answers its id. */
    static UUID addProvider(ApiFixtures api, Account admin, String issuer, List<String> domains) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", ApiFixtures.unique("Acme SSO"));
        body.put("issuer", issuer);
        body.put("clientId", CLIENT_ID);
        body.put("clientSecret", CLIENT_SECRET);
        body.put("domains", domains);
        return api.post(admin.token(), "/api/v1/sso/providers", body)
                .expect(201)
                .id();
    }

    /** The claims a provider issues for a person with a verified e-mail. */
    static Map<String, Object> verified(String email, String name) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("email", email);
        claims.put("email_verified", true);
        claims.put("name", name);
        return claims;
    }

    /** The provider's next token is for this subject with these claims. */
    static void nextSignIn(MockOAuth2Server server, String subject, Map<String, Object> claims) {
        server.enqueueCallback(
                new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
    }

    /** Where a sign-in ended: the callback address the provider sent the browser to, and the last redirect. */
    record Landing(String callback, String location) {}

    /** A browser: its own cookies, and redirects followed one at a time. */
    static final class Browser {

        private final String app;
        private final HttpClient http;

        Browser(String app) {
            this.app = app;
            this.http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        }

        HttpResponse<String> get(String address) {
            URI uri = address.startsWith("http") ? URI.create(address) : URI.create(app + address);
            return send(HttpRequest.newBuilder(uri).GET());
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * Starts a sign-in with the provider and follows the redirects through the provider (which
         * signs in at once, as enqueued) back to Kept, up to Kept's last answer.
         */
        Landing signInWith(UUID providerId) {
            String callback = null;
            HttpResponse<String> answer = get("/oauth2/authorization/" + providerId);
            for (int hop = 0; hop < 5 && answer.statusCode() == 302; hop++) {
                String next = location(answer);
                if (next.startsWith(app + "/login/oauth2/code/")) {
                    callback = next;
                    return new Landing(callback, location(get(next)));
                }
                if (!next.startsWith("http") || next.startsWith(app)) {
                    return new Landing(null, next);
                }
                answer = get(next);
            }
            throw new AssertionError(
                    "the sign-in did not come back to Kept: " + answer.statusCode() + " " + answer.body());
        }

        /** Posts a form of the page {@code from} (with its CSRF token) to {@code to}. */
        HttpResponse<String> postForm(String from, String to, Map<String, String> fields) {
            Matcher csrf =
                    Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page(from));
            assertThat(csrf.find()).as("a CSRF token on %s", from).isTrue();
            Map<String, String> body = new LinkedHashMap<>(fields);
            body.put("_csrf", csrf.group(1));
            String form = body.entrySet().stream()
                    .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(app + to))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        /** The page a redirect leads to, fetched with this browser's cookies; it must answer 200. */
        String page(String location) {
            HttpResponse<String> answer = get(location);
            assertThat(answer.statusCode()).as("GET %s", location).isEqualTo(200);
            return answer.body();
        }

        static String location(HttpResponse<String> answer) {
            assertThat(answer.statusCode()).as("a redirect: %s", answer.body()).isEqualTo(302);
            return answer.headers().firstValue("Location").orElseThrow();
        }
    }
}
