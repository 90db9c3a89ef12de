package dev.kept.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kept.ApiFixtures;
import dev.kept.ApiResponse;
import dev.kept.TwoInstances;
import dev.kept.people.Accounts;
import dev.kept.people.SignUp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limits on sign-in, sign-up and token creation, on two instances that share one database as
 * two servers behind a load balancer do: together they let no more attempts through than one
 * instance would, however the attempts are spread over them and however many arrive at once. Each
 * test is its own client address (the instances trust {@code X-Forwarded-For} from 127.0.0.1, as
 * behind a proxy), so the tests do not count against each other.
 */
class RateLimitTests {

    private static final int SIGN_UPS = 6;
    private static final int TOKENS = 3;
    private static final int FAILED_SIGN_INS = 4;
    private static final int FREE_ATTEMPTS = 3;
    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TwoInstances two;
    private static List<RestClient> clients;

    @BeforeAll
    static void startTwoInstances() {
        two = TwoInstances.start(
                "server.forward-headers-strategy=native",
                "kept.rate-limit.sign-up.attempts=" + SIGN_UPS,
                "kept.rate-limit.tokens.attempts=" + TOKENS,
                "kept.rate-limit.sign-in.attempts=" + FAILED_SIGN_INS,
                "kept.login.free-attempts=" + FREE_ATTEMPTS);
        HttpClient jdk = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        clients = two.beans(Environment.class).stream()
                .map(environment -> RestClient.builder()
                        .baseUrl("http://localhost:" + environment.getRequiredProperty("local.server.port"))
                        .requestFactory(new JdkClientHttpRequestFactory(jdk))
                        .build())
                .toList();
    }

    @AfterAll
    static void stopThem() {
        if (two != null) {
            two.close();
        }
    }

    @BeforeEach
    void freezeTime() {
        two.clock().freeze();
    }

    @AfterEach
    void clockBack() {
        two.clock().reset();
    }

    @Test
    void twoInstancesTogetherLetNoMoreSignUpsFromOneAddressThroughThanTheLimit() throws Exception {
        String address = newAddress();
        String prefix = ApiFixtures.unique("Org");

        List<ApiResponse> answers =
                atOnce(16, i -> api(i % 2, HttpMethod.POST, "/api/v1/signup", signUp(prefix + "-" + i), address));

        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(SIGN_UPS);
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 201)
                .hasSize(16 - SIGN_UPS)
                .allSatisfy(refused -> {
                    assertThat(refused.expectProblem(429).get("detail").asString())
                            .startsWith("Too many sign-ups from your network. Wait ");
                    assertThat(Long.parseLong(refused.headers().getFirst(HttpHeaders.RETRY_AFTER)))
                            .isBetween(1L, 3600L);
                });
        assertThat(jdbc().sql("select count(*) from organization where name like :prefix")
                        .param("prefix", prefix + "-%")
                        .query(Long.class)
                        .single())
                .isEqualTo(SIGN_UPS);
    }

    @Test
    void twoInstancesTogetherLetNoMoreFailedSignInsForOneEmailThroughThanOne() throws Exception {
        String email = signedUp();

        // each from another address: only the account's own slow-down holds them back
        List<ApiResponse> answers = atOnce(
                12,
                i -> api(
                        i % 2,
                        HttpMethod.POST,
                        "/api/v1/tokens",
                        Map.of("email", email, "password", "Wrong-password-" + i),
                        newAddress()));

        assertThat(answers).filteredOn(answer -> answer.status() == 401).hasSize(FREE_ATTEMPTS);
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 401)
                .hasSize(12 - FREE_ATTEMPTS)
                .allSatisfy(refused -> assertThat(
                                refused.expectProblem(429).get("detail").asString())
                        .isEqualTo("Too many failed attempts for this account. Wait 1 second, then try again."));
        two.clock().advance(Duration.ofSeconds(1));
        api(
                        1,
                        HttpMethod.POST,
                        "/api/v1/tokens",
                        Map.of("email", email, "password", ApiFixtures.PASSWORD),
                        newAddress())
                .expect(201);
    }

    @Test
    void twoInstancesTogetherCreateNoMoreTokensForOneAddressThanTheLimit() throws Exception {
        String address = newAddress();
        List<String> emails = IntStream.range(0, 10).mapToObj(i -> signedUp()).toList();

        List<ApiResponse> answers = atOnce(
                10,
                i -> api(
                        i % 2,
                        HttpMethod.POST,
                        "/api/v1/tokens",
                        Map.of("email", emails.get(i), "password", ApiFixtures.PASSWORD),
                        address));

        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(TOKENS);
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 201)
                .hasSize(10 - TOKENS)
                .allSatisfy(refused -> {
                    assertThat(refused.expectProblem(429).get("detail").asString())
                            .startsWith("Too many API tokens created from your network.");
                    assertThat(refused.headers().getFirst(HttpHeaders.RETRY_AFTER))
                            .isEqualTo("3600");
                });
        two.clock().advance(Duration.ofHours(1));
        api(
                        0,
                        HttpMethod.POST,
                        "/api/v1/tokens",
                        Map.of("email", emails.get(0), "password", ApiFixtures.PASSWORD),
                        address)
                .expect(201);
    }

    @Test
    void twoInstancesTogetherLetNoMoreFailedSignInsFromOneAddressThroughOnTheForm() throws Exception {
        String address = newAddress();
        List<Page> forms = List.of(page(0, "/login", null, address), page(1, "/login", null, address));

        List<Page> answers = atOnce(10, i -> {
            Page form = forms.get(i % 2);
            return post(
                    i % 2,
                    "/login",
                    signInForm(ApiFixtures.uniqueEmail("nobody"), "Wrong-password", form),
                    form,
                    address);
        });

        assertThat(answers)
                .filteredOn(answer -> answer.status() == 302)
                .hasSize(FAILED_SIGN_INS)
                .allSatisfy(wrong -> assertThat(wrong.headers().getFirst(HttpHeaders.LOCATION))
                        .endsWith("/login?error"));
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 302)
                .hasSize(10 - FAILED_SIGN_INS)
                .allSatisfy(refused -> {
                    assertThat(refused.status()).isEqualTo(429);
                    assertThat(refused.headers().getFirst(HttpHeaders.RETRY_AFTER))
                            .isEqualTo("900");
                    assertThat(refused.body())
                            .contains("Too many failed sign-ins from your network. Wait 900 seconds, then try again.")
                            .contains("name=\"_csrf\"");
                });
    }

    @Test
    void aSuccessfulSignInGivesItsAttemptBack() {
        String address = newAddress();
        String email = signedUp();
        for (int i = 0; i < FAILED_SIGN_INS - 1; i++) {
            wrongPassword(i % 2, ApiFixtures.uniqueEmail("nobody"), address);
        }

        for (int i = 0; i < 10; i++) {
            assertThat(signIn(i % 2).check(email, ApiFixtures.PASSWORD, address))
                    .isNotNull();
        }

        wrongPassword(0, ApiFixtures.uniqueEmail("nobody"), address);
        assertThatThrownBy(() -> signIn(1).check(email, ApiFixtures.PASSWORD, address))
                .isInstanceOfSatisfying(
                        TooManyAttemptsException.class,
                        refused -> assertThat(refused.messageCode()).isEqualTo("limit.address.SIGN_IN"));
        two.clock().advance(Duration.ofMinutes(15));
        assertThat(signIn(1).check(email, ApiFixtures.PASSWORD, address)).isNotNull();
    }

    @Test
    void theSignUpPageAnswers429WithTheWaitOnTheForm() throws Exception {
        String address = newAddress();
        String prefix = ApiFixtures.unique("Org");
        for (int i = 0; i < SIGN_UPS; i++) {
            api(0, HttpMethod.POST, "/api/v1/signup", signUp(prefix + "-" + i), address)
                    .expect(201);
        }
        two.clock().advance(Duration.ofMinutes(20));
        Page form = page(1, "/signup", null, address);
        String email = ApiFixtures.uniqueEmail("late");
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        signUp(prefix + "-late", email).forEach((name, value) -> fields.add(name, value));
        fields.add("_csrf", form.csrfToken());

        Page refused = post(1, "/signup", fields, form, address);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2400");
        assertThat(refused.body())
                .contains("Too many sign-ups from your network. Wait 2400 seconds, then try again.")
                .doesNotContain("Please fix the fields marked below");
        assertThat(jdbc().sql("select count(*) from person where email = :email")
                        .param("email", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theTokensPageAnswers429WithTheWaitOnTheForm() throws Exception {
        String address = newAddress();
        String email = signedUp();
        for (int i = 0; i < TOKENS; i++) {
            api(0, HttpMethod.POST, "/api/v1/tokens", Map.of("email", email, "password", ApiFixtures.PASSWORD), address)
                    .expect(201);
        }
        Page login = page(1, "/login", null, address);
        Page signedIn = post(1, "/login", signInForm(email, ApiFixtures.PASSWORD, login), login, address);
        assertThat(signedIn.status()).isEqualTo(302);
        Page tokens = page(1, "/settings/tokens", signedIn.session(), address);
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("name", "one too many");
        fields.add("expiry", "30");
        fields.add("scope", "READ_ONLY");
        fields.add("_csrf", tokens.csrfToken());

        Page refused = post(1, "/settings/tokens", fields, tokens, address);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3600");
        assertThat(refused.body())
                .contains("Too many API tokens created from your network. Wait 3600 seconds, then try again.")
                .doesNotContain("issued-token");
    }

    // --- helpers -------------------------------------------------------------------------------

    /** A client address of its own for each test. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (n / 250) + "." + (n % 250 + 1);
    }

    /** The e-mail of a new organization's admin, signed up without going through the limits. */
    private static String signedUp() {
        String email = ApiFixtures.uniqueEmail("admin");
        two.bean(0, Accounts.class)
                .signUp(new SignUp(ApiFixtures.unique("Org"), "Ada", email, ApiFixtures.PASSWORD, "Europe/Paris"));
        return email;
    }

    private static Map<String, String> signUp(String organization) {
        return signUp(organization, ApiFixtures.uniqueEmail("founder"));
    }

    private static Map<String, String> signUp(String organization, String email) {
        return Map.of(
                "organization",
                organization,
                "name",
                "Ada",
                "email",
                email,
                "password",
                ApiFixtures.PASSWORD,
                "timeZone",
                "Europe/Paris");
    }

    private static SignIn signIn(int instance) {
        return two.bean(instance, SignIn.class);
    }

    private static void wrongPassword(int instance, String email, String address) {
        assertThatThrownBy(() -> signIn(instance).check(email, "Wrong-password", address))
                .isInstanceOf(BadCredentialsException.class);
    }

    private static JdbcClient jdbc() {
        return two.bean(0, JdbcClient.class);
    }

    /** Runs the calls at the same moment, each on a thread of its own, and answers in order. */
    private static <T> List<T> atOnce(int count, IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                calls.add(() -> {
                    start.await();
                    return call.apply(n);
                });
            }
            List<Future<T>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ApiResponse api(int instance, HttpMethod method, String path, Object body, String address) {
        return clients.get(instance)
                .method(method)
                .uri(path)
                .accept(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8))
                .exchange((request, response) -> new ApiResponse(
                        response.getStatusCode().value(),
                        HttpHeaders.copyOf(response.getHeaders()),
                        read(response.getBody())));
    }

    /** A page as a browser gets it, with the session it runs in. */
    record Page(int status, HttpHeaders headers, String body, String session) {

        String csrfToken() {
            Matcher input = CSRF_INPUT.matcher(body);
            assertThat(input.find()).as("a hidden _csrf input in %s", body).isTrue();
            return input.group(1);
        }
    }

    private static MultiValueMap<String, String> signInForm(String email, String password, Page form) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("email", email);
        fields.add("password", password);
        fields.add("_csrf", form.csrfToken());
        return fields;
    }

    private static Page page(int instance, String path, String session, String address) {
        return browse(
                clients.get(instance).method(HttpMethod.GET).uri(path).accept(MediaType.TEXT_HTML), session, address);
    }

    private static Page post(
            int instance, String path, MultiValueMap<String, String> fields, Page from, String address) {
        return browse(
                clients.get(instance)
                        .method(HttpMethod.POST)
                        .uri(path)
                        .accept(MediaType.TEXT_HTML)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(fields),
                from.session(),
                address);
    }

    private static Page browse(RestClient.RequestHeadersSpec<?> request, String session, String address) {
        request.header("X-Forwarded-For", address);
        if (session != null) {
            request.header(HttpHeaders.COOKIE, "JSESSIONID=" + session);
        }
        return request.exchange((req, res) -> {
            HttpHeaders headers = HttpHeaders.copyOf(res.getHeaders());
            String newSession = headers.getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                    .filter(cookie -> cookie.startsWith("JSESSIONID="))
                    .map(cookie -> cookie.substring("JSESSIONID=".length(), cookie.indexOf(';')))
                    .findFirst()
                    .orElse(session);
            return new Page(res.getStatusCode().value(), headers, read(res.getBody()), newSession);
        });
    }

    private static String read(java.io.InputStream body) {
        try {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
