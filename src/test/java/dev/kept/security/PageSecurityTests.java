package dev.kept.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** The pages, as a browser uses them: security headers, CSRF protection, a new session at sign-in. */
@KeptApiTest
class PageSecurityTests {

    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]+)\"");
    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_EVENT_HANDLER =
            Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @Autowired
    ApiFixtures api;

    record Page(int status, HttpHeaders headers, String body) {

        Optional<String> sessionId() {
            return headers.getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                    .filter(cookie -> cookie.startsWith("JSESSIONID="))
                    .map(cookie -> cookie.substring("JSESSIONID=".length(), cookie.indexOf(';')))
                    .findFirst();
        }

        String csrfToken() {
            Matcher input = CSRF_INPUT.matcher(body);
            assertThat(input.find()).as("a hidden _csrf input in %s", body).isTrue();
            Matcher value = VALUE.matcher(input.group());
            assertThat(value.find()).isTrue();
            return value.group(1);
        }

        String location() {
            return headers.getFirst(HttpHeaders.LOCATION);
        }
    }

    @Test
    void signUpPageHasAContentSecurityPolicyWithoutInlineScript() {
        Page page = get("/signup", null);

        assertThat(page.status()).isEqualTo(200);
        String policy = page.headers().getFirst("Content-Security-Policy");
        assertThat(policy).as("Content-Security-Policy header").isNotBlank();
        List<String> scriptSources = Arrays.stream(policy.split(";"))
                .map(String::strip)
                .filter(directive -> directive.startsWith("script-src ") || directive.startsWith("default-src "))
                .toList();
        assertThat(scriptSources).anySatisfy(directive -> assertThat(directive).startsWith("script-src "));
        assertThat(scriptSources)
                .allSatisfy(directive -> assertThat(directive)
                        .doesNotContain("'unsafe-inline'")
                        .doesNotContain("'unsafe-eval'")
                        .doesNotContain("*"));
        assertThat(page.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(INLINE_SCRIPT.matcher(page.body()).find())
                .as("an inline <script> in the sign-up page")
                .isFalse();
        assertThat(INLINE_EVENT_HANDLER.matcher(page.body()).find())
                .as("an inline event handler (onclick=...) in the sign-up page, which the policy would block")
                .isFalse();
    }

    @Test
    void refusesSignUpFormWithoutCsrfToken() {
        String email = ApiFixtures.uniqueEmail("forged");

        Page response = post("/signup", signUpForm(email), null);

        assertThat(response.status()).isEqualTo(403);
        assertThat(api.peopleWithEmail(email)).isZero();
    }

    @Test
    void acceptsSignUpFormWithTheCsrfTokenOfThePage() {
        String email = ApiFixtures.uniqueEmail("browser");
        Page form = get("/signup", null);
        String session = form.sessionId().orElseThrow();
        MultiValueMap<String, String> fields = signUpForm(email);
        fields.add("_csrf", form.csrfToken());

        Page response = post("/signup", fields, session);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).endsWith("/");
        assertThat(api.peopleWithEmail(email)).isEqualTo(1);
    }

    @Test
    void renewsTheSessionIdAtFormSignIn() {
        Account admin = api.signUp();
        Page login = get("/login", null);
        assertThat(login.status()).isEqualTo(200);
        String anonymousSession = login.sessionId().orElseThrow();
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("email", admin.email());
        fields.add("password", admin.password());
        fields.add("_csrf", login.csrfToken());

        Page signedIn = post("/login", fields, anonymousSession);

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error").endsWith("/");
        String newSession = signedIn.sessionId().orElseThrow();
        assertThat(newSession).isNotEqualTo(anonymousSession);
        assertThat(get("/settings/tokens", newSession).status()).isEqualTo(200);
        Page withOldSession = get("/settings/tokens", anonymousSession);
        assertThat(withOldSession.status()).isEqualTo(302);
        assertThat(withOldSession.location()).endsWith("/login");
    }

    private static MultiValueMap<String, String> signUpForm(String email) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("organization", ApiFixtures.unique("Org"));
        fields.add("name", "Browser User");
        fields.add("email", email);
        fields.add("password", ApiFixtures.PASSWORD);
        fields.add("timeZone", "Europe/Paris");
        return fields;
    }

    private Page get(String path, String session) {
        return exchange(api.http().method(HttpMethod.GET).uri(path).accept(MediaType.TEXT_HTML), session);
    }

    private Page post(String path, MultiValueMap<String, String> fields, String session) {
        return exchange(
                api.http()
                        .method(HttpMethod.POST)
                        .uri(path)
                        .accept(MediaType.TEXT_HTML)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(fields),
                session);
    }

    private static Page exchange(RestClient.RequestHeadersSpec<?> request, String session) {
        if (session != null) {
            request.header(HttpHeaders.COOKIE, "JSESSIONID=" + session);
        }
        return request.exchange((req, res) -> {
            try {
                return new Page(
                        res.getStatusCode().value(),
                        HttpHeaders.copyOf(res.getHeaders()),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
