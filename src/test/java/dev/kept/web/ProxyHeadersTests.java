package dev.kept.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.KeptApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

/**
 * The session cookie over real HTTP, as a browser gets it: HttpOnly and SameSite=Lax always; Secure,
 * with Strict-Transport-Security, when a proxy in front says the browser came in over https, and
 * neither over plain http.
 */
@KeptApiTest
class ProxyHeadersTests {

    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    @Autowired
    ApiFixtures api;

    @Test
    void givesAnHttpOnlyLaxCookieWithoutSecureOrHstsOverPlainHttp() {
        HttpHeaders headers = signInPage(null);

        assertThat(sessionCookie(headers)).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        assertThat(headers.get("Strict-Transport-Security")).isNull();
    }

    @Test
    void marksTheCookieSecureAndSendsHstsBehindATlsProxy() {
        HttpHeaders headers = signInPage("https");

        assertThat(sessionCookie(headers)).contains("HttpOnly", "SameSite=Lax", "Secure");
        assertThat(headers.getFirst("Strict-Transport-Security")).contains("max-age=");
    }

    @Test
    void believesAProxyThatSaysTheBrowserCameInOverPlainHttp() {
        HttpHeaders headers = signInPage("http");

        assertThat(sessionCookie(headers)).doesNotContain("Secure");
        assertThat(headers.get("Strict-Transport-Security")).isNull();
    }

    private HttpHeaders signInPage(String forwardedProto) {
        var request = api.http().get().uri("/login");
        if (forwardedProto != null) {
            request.header(FORWARDED_PROTO, forwardedProto);
        }
        return request.exchange((req, res) -> {
            assertThat(res.getStatusCode().value()).isEqualTo(200);
            return HttpHeaders.copyOf(res.getHeaders());
        });
    }

    private static List<String> sessionCookie(HttpHeaders headers) {
        String cookie = headers.getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + headers));
        return List.of(cookie.split(";\\s*"));
    }
}
