package dev.kept.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Member;
import dev.kept.ApiFixtures.Response;
import dev.kept.MovableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pages' security as a browser meets it, over HTTP at the server's real port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.TestConfig.class)
class PageSecurityHttpTests {

    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]+)\"");
    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

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
    void servesTheSignUpPageWithAPolicyThatAllowsNoInlineScript() {
        Response page = api.exchange(HttpMethod.GET, "/signup", new HttpHeaders(), null);

        assertThat(page.status()).isEqualTo(200);
        String policy = page.headers().getFirst("Content-Security-Policy");
        assertThat(policy).as("Content-Security-Policy").isNotBlank();
        Map<String, String> directives = Arrays.stream(policy.split(";"))
                .map(String::trim)
                .filter(directive -> !directive.isEmpty())
                .collect(Collectors.toMap(
                        directive -> directive.split("\\s+", 2)[0],
                        directive -> directive.contains(" ") ? directive.split("\\s+", 2)[1] : ""));
        assertThat(directives).containsKey("script-src");
        assertThat(directives.get("script-src"))
                .doesNotContain("'unsafe-inline'")
                .doesNotContain("'unsafe-eval'")
                .doesNotContain("*");
        assertThat(page.body()).as("the page keeps to its policy").doesNotContainPattern(INLINE_SCRIPT);
        assertThat(page.body()).doesNotContainPattern(EVENT_HANDLER);
    }

    @Test
    void givesANewSessionIdAtSignIn() {
        Member ada = api.signUp();
        Response loginPage = api.exchange(HttpMethod.GET, "/login", new HttpHeaders(), null);
        String before = sessionIdIn(loginPage);
        String csrf = csrfTokenIn(loginPage.body());

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + before);
        Response signedIn = api.exchange(
                HttpMethod.POST,
                "/login",
                headers,
                form(Map.of("email", ada.email(), "password", ApiFixtures.PASSWORD, "_csrf", csrf)));

        assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(302);
        assertThat(URI.create(signedIn.headers().getFirst(HttpHeaders.LOCATION)).getPath())
                .isEqualTo("/");
        String after = sessionIdIn(signedIn);
        assertThat(after).isNotEqualTo(before);
        assertThat(page("/settings/tokens", after).status())
                .as("signed in with the new session id")
                .isEqualTo(200);
        assertThat(page("/settings/tokens", before).status())
                .as("the old session id signs nobody in")
                .isEqualTo(302);
    }

    private Response page(String path, String sessionId) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + sessionId);
        return api.exchange(HttpMethod.GET, path, headers, null);
    }

    private static String sessionIdIn(Response response) {
        List<String> cookies = response.headers().getOrEmpty(HttpHeaders.SET_COOKIE);
        return cookies.stream()
                .map(SESSION_COOKIE::matcher)
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no JSESSIONID cookie set in " + cookies));
    }

    private static String csrfTokenIn(String html) {
        Matcher input = CSRF_INPUT.matcher(html);
        assertThat(input.find()).as("a _csrf field on the page").isTrue();
        Matcher value = VALUE.matcher(input.group());
        assertThat(value.find()).as("a value in %s", input.group()).isTrue();
        return value.group(1);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
