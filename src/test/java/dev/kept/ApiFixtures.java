package dev.kept;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the API of the running application the way a client does: sign up an organization, get
 * tokens, invite people and accept their invitations (with the link from the e-mail), form teams
 * and make commitments. Every organization and e-mail address it makes up is unique, so tests also
 * pass on a database that already holds data.
 */
public final class ApiFixtures {

    /** A password that meets the policy. */
    public static final String PASSWORD = "Quiet-river-stones-42";

    private static final Pattern INVITATION_LINK = Pattern.compile("/invitations/([A-Za-z0-9_-]+)");
    private static final Pattern LIMIT = Pattern.compile("[?&]limit=(\\d+)");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(60);

    private final Environment environment;
    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile RestClient client;

    public ApiFixtures(Environment environment, JdbcClient jdbc) {
        this.environment = environment;
        this.jdbc = jdbc;
    }

    /** Someone who can call the API: their ids, how they sign in, and a token. */
    public record Account(
            UUID organizationId,
            UUID personId,
            String name,
            String email,
            String password,
            String token,
            UUID partnershipId) {

        public Account(UUID organizationId, UUID personId, String name, String email, String password, String token) {
            this(organizationId, personId, name, email, password, token, null);
        }

        /** The same account, remembering the partnership it came with (a guest's). */
        public Account withPartnership(UUID partnership) {
            return new Account(organizationId, personId, name, email, password, token, partnership);
        }
    }

    /** A name or e-mail part nobody else uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static String uniqueEmail(String prefix) {
        return unique(prefix) + "@example.test";
    }

    // --- HTTP --------------------------------------------------------------------------------

    /** A client for the running server that follows no redirects and keeps no cookies. */
    public RestClient http() {
        RestClient current = client;
        if (current == null) {
            String port = environment.getRequiredProperty("local.server.port");
            HttpClient jdk = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            current = RestClient.builder()
                    .baseUrl("http://localhost:" + port)
                    .requestFactory(new JdkClientHttpRequestFactory(jdk))
                    .build();
            client = current;
        }
        return current;
    }

    public ApiResponse get(String token, String path) {
        return send(HttpMethod.GET, token, path, null);
    }

    /**
     * Asks a paginated list for what every list refuses (limit 0, 101 and x, a forged cursor), and
     * for each of {@code more} (a query parameter as {@code name=value}): each must answer 400
     * naming that parameter under errors.
     */
    public void expectPagingRefused(String token, String path, String... more) {
        List<String> bad = new java.util.ArrayList<>(List.of("limit=0", "limit=101", "limit=x", "cursor=not-a-cursor"));
        bad.addAll(List.of(more));
        for (String query : bad) {
            JsonNode problem =
                    get(token, path + (path.contains("?") ? "&" : "?") + query).expectProblem(400);
            org.assertj.core.api.Assertions.assertThat(
                            problem.get("errors").get(0).get("field").asString())
                    .as(query)
                    .isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    /**
     * Reads a paginated list to its end, following {@code next} from {@code path}: every page must
     * answer 200 with its {@code next} also in a {@code Link} header (none on the last page), and
     * hold no more items than the {@code limit} the path asks for, if it asks. The items of every
     * page, in order.
     */
    public List<JsonNode> followPages(String token, String path) {
        return new java.util.ArrayList<>(itemsOf(pagesOf(token, path)));
    }

    /** The items of {@code pages} ({@code {items, next}} each, as {@link #pagesOf} answers), in order. */
    public static List<JsonNode> itemsOf(List<JsonNode> pages) {
        return pages.stream().flatMap(page -> page.get("items").valueStream()).toList();
    }

    /**
     * Reads a paginated list to its end as {@link #followPages} does, with the same checks; the
     * pages themselves ({@code {items, next}}), in order, for a test that looks at each page.
     */
    public List<JsonNode> pagesOf(String token, String path) {
        Matcher limit = LIMIT.matcher(path);
        int most = limit.find() ? Integer.parseInt(limit.group(1)) : Integer.MAX_VALUE;
        List<JsonNode> pages = new java.util.ArrayList<>();
        String current = path;
        while (current != null) {
            ApiResponse answer = get(token, current).expect(200);
            JsonNode page = answer.json();
            pages.add(page);
            org.assertj.core.api.Assertions.assertThat(page.get("items").size())
                    .as("the items of " + current)
                    .isLessThanOrEqualTo(most);
            JsonNode next = page.get("next");
            org.assertj.core.api.Assertions.assertThat(answer.headers().getFirst(HttpHeaders.LINK))
                    .as("the Link header of " + current)
                    .isEqualTo(next.isNull() ? null : "<" + next.asString() + ">; rel=\"next\"");
            current = next.isNull()
                    ? null
                    : next.asString().substring(next.asString().indexOf("/api/v1/"));
        }
        return pages;
    }

    /**
     * Gets a path as the holder of {@code token} does, counting its SQL statements under {@code
     * key} with the {@link StatementCounter}; the answer must be a success.
     */
    public ApiResponse getCounted(String token, String path, String key) {
        RestClient.RequestHeadersSpec<?> request = http().get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(StatementCounter.HEADER, key);
        ApiResponse answer = request.exchange((req, res) -> new ApiResponse(
                res.getStatusCode().value(), HttpHeaders.copyOf(res.getHeaders()), read(res.getBody())));
        if (answer.status() >= 300) {
            throw new AssertionError("GET " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    /**
     * Signs {@code account} in on the login form, as a browser does, and answers the session's
     * cookie header ({@code JSESSIONID=...}) for {@link #getPageCounted}.
     */
    public String pageSession(Account account) {
        ApiResponse form = http().get()
                .uri("/login")
                .exchange((req, res) -> new ApiResponse(
                        res.getStatusCode().value(), HttpHeaders.copyOf(res.getHeaders()), read(res.getBody())));
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(form.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on /login");
        }
        String cookie = sessionCookie(form.headers());
        org.springframework.util.LinkedMultiValueMap<String, String> fields =
                new org.springframework.util.LinkedMultiValueMap<>();
        fields.add("email", account.email());
        fields.add("password", account.password());
        fields.add("_csrf", csrf.group(1));
        HttpHeaders signedIn = http().post()
                .uri("/login")
                .header(HttpHeaders.COOKIE, cookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(fields)
                .exchange((req, res) -> HttpHeaders.copyOf(res.getHeaders()));
        String location = signedIn.getFirst(HttpHeaders.LOCATION);
        if (location == null || location.contains("error")) {
            throw new AssertionError("signing in " + account.email() + " led to " + location);
        }
        return sessionCookie(signedIn);
    }

    private static String sessionCookie(HttpHeaders headers) {
        return headers.getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie"));
    }

    /** A page as a browser with this session cookie asks for it, whatever its status. */
    public ApiResponse page(String session, String path) {
        return http().get()
                .uri(path)
                .header(HttpHeaders.COOKIE, session)
                .exchange((req, res) -> new ApiResponse(
                        res.getStatusCode().value(), HttpHeaders.copyOf(res.getHeaders()), read(res.getBody())));
    }

    /** Posts a form from the page {@code from} (with its CSRF token) to {@code to}, with the session. */
    public ApiResponse postForm(String session, String from, String to, Map<String, String> fields) {
        ApiResponse form = page(session, from).expect(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on " + from);
        }
        org.springframework.util.LinkedMultiValueMap<String, String> body =
                new org.springframework.util.LinkedMultiValueMap<>();
        fields.forEach(body::add);
        body.add("_csrf", csrf.group(1));
        return http().post()
                .uri(to)
                .header(HttpHeaders.COOKIE, session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(body)
                .exchange((req, res) -> new ApiResponse(
                        res.getStatusCode().value(), HttpHeaders.copyOf(res.getHeaders()), read(res.getBody())));
    }

    /**
     * Gets a page with a session from {@link #pageSession}, counting its SQL statements under
     * {@code key} with the {@link StatementCounter}; the page must answer 200.
     */
    public ApiResponse getPageCounted(String session, String path, String key) {
        ApiResponse answer = http().get()
                .uri(path)
                .header(HttpHeaders.COOKIE, session)
                .header(StatementCounter.HEADER, key)
                .exchange((req, res) -> new ApiResponse(
                        res.getStatusCode().value(), HttpHeaders.copyOf(res.getHeaders()), read(res.getBody())));
        if (answer.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + answer.status());
        }
        return answer;
    }

    public ApiResponse post(String token, String path, Object body) {
        return send(HttpMethod.POST, token, path, body);
    }

    public ApiResponse patch(String token, String path, Object body) {
        return send(HttpMethod.PATCH, token, path, body);
    }

    public ApiResponse delete(String token, String path) {
        return send(HttpMethod.DELETE, token, path, null);
    }

    /**
     * Sends a request with a JSON body: a {@link String} is sent as it is (to send malformed JSON),
     * anything else is written as JSON, and null sends no body.
     */
    public ApiResponse send(HttpMethod method, String token, String path, Object body) {
        return send(method, token, path, body, MediaType.APPLICATION_JSON);
    }

    public ApiResponse send(HttpMethod method, String token, String path, Object body, MediaType contentType) {
        return send(method, token, path, body, contentType, null);
    }

    /** Sends as {@link #send(HttpMethod, String, String, Object)}, counting its statements under {@code key}. */
    public ApiResponse sendCounted(HttpMethod method, String token, String path, Object body, String key) {
        return send(method, token, path, body, MediaType.APPLICATION_JSON, key);
    }

    private ApiResponse send(
            HttpMethod method, String token, String path, Object body, MediaType contentType, String countKey) {
        RestClient.RequestBodySpec request = http().method(method).uri(path).accept(MediaType.APPLICATION_JSON);
        if (countKey != null) {
            request.header(StatementCounter.HEADER, countKey);
        }
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (body != null) {
            String text = body instanceof String raw ? raw : json.writeValueAsString(body);
            request.contentType(contentType).body(text.getBytes(StandardCharsets.UTF_8));
        }
        return request.exchange((req, res) -> new ApiResponse(
                res.getStatusCode().value(), HttpHeaders.copyOf(res.getHeaders()), read(res.getBody())));
    }

    private static String read(java.io.InputStream body) {
        try {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- accounts ----------------------------------------------------------------------------

    /** Signs up a new organization; its admin gets a token. */
    public Account signUp() {
        return signUp(unique("Org"), unique("Admin"), uniqueEmail("admin"));
    }

    public Account signUp(String organization, String name, String email) {
        ApiResponse response = post(
                        null,
                        "/api/v1/signup",
                        Map.of("organization", organization, "name", name, "email", email, "password", PASSWORD))
                .expect(201);
        JsonNode body = response.json();
        UUID organizationId = UUID.fromString(body.get("organization").get("id").asString());
        UUID personId = UUID.fromString(body.get("person").get("id").asString());
        return new Account(organizationId, personId, name, email, PASSWORD, token(email, PASSWORD));
    }

    public String token(String email, String password) {
        return post(null, "/api/v1/tokens", Map.of("email", email, "password", password))
                .expect(201)
                .text("token");
    }

    /** Invites a member (with any extra details: teamId, managerId ...), who accepts and gets a token. */
    public Account join(Account admin, Map<String, Object> details) {
        String name = unique("Member");
        String email = uniqueEmail("member");
        Map<String, Object> body = new LinkedHashMap<>(details);
        body.put("name", name);
        body.put("email", email);
        UUID personId = invite(admin, body).expect(201).id();
        accept(invitationToken(email), PASSWORD).expect(200);
        return new Account(admin.organizationId(), personId, name, email, PASSWORD, token(email, PASSWORD));
    }

    public Account join(Account admin) {
        return join(admin, Map.of());
    }

    public ApiResponse invite(Account admin, Map<String, Object> details) {
        return post(admin.token(), "/api/v1/people", details);
    }

    public ApiResponse accept(String invitationToken, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("password", password);
        return post(null, "/api/v1/invitations/" + invitationToken, body);
    }

    /** The token of the invitation e-mailed to this address, once the (asynchronous) e-mail is out. */
    public String invitationToken(String email) {
        return invitationTokenOtherThan(email, null);
    }

    /** The token of an invitation e-mailed to this address other than the given one. */
    public String invitationTokenOtherThan(String email, String earlier) {
        return await().atMost(MAIL_WAIT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10))
                .until(
                        () -> mailsTo(email).stream()
                                .map(ApiFixtures::invitationTokenIn)
                                .flatMap(Optional::stream)
                                .filter(token -> !token.equals(earlier))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** The bodies of the e-mails Kept wrote (not sent: no mail server in tests) to this address. */
    public List<String> mailsTo(String email) {
        return jdbc.sql("select body from outgoing_mail where recipient = :recipient")
                .param("recipient", email.toLowerCase(java.util.Locale.ROOT))
                .query(String.class)
                .list();
    }

    public static Optional<String> invitationTokenIn(String mailBody) {
        Matcher matcher = INVITATION_LINK.matcher(mailBody);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    public long peopleWithEmail(String email) {
        return jdbc.sql("select count(*) from person where email = :email")
                .param("email", email.toLowerCase(java.util.Locale.ROOT))
                .query(Long.class)
                .single();
    }

    // --- teams and commitments ---------------------------------------------------------------

    public UUID team(Account admin, String name) {
        return post(admin.token(), "/api/v1/teams", Map.of("name", name))
                .expect(201)
                .id();
    }

    /** A team of the admin's organization, led by {@code lead}. */
    public UUID team(Account admin, String name, Account lead) {
        return post(
                        admin.token(),
                        "/api/v1/teams",
                        Map.of("name", name, "leadId", lead.personId().toString()))
                .expect(201)
                .id();
    }

    /** The terms of a clear commitment (nothing for the clarity check to flag). */
    public static Map<String, Object> clearTerms(LocalDate due, String visibility) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("what", "Publish the onboarding checklist for new engineers");
        terms.put("doneWhen", "The checklist is published on the wiki and two new hires have used it");
        terms.put("due", due.toString());
        terms.put("why", "New engineers lose their first week looking for things");
        terms.put("visibility", visibility);
        return terms;
    }

    public JsonNode commit(Account owner, Map<String, Object> terms) {
        return post(owner.token(), "/api/v1/commitments", terms).expect(201).json();
    }

    public UUID commit(Account owner, LocalDate due, String visibility) {
        return UUID.fromString(
                commit(owner, clearTerms(due, visibility)).get("id").asString());
    }

    /** Every commitment this person owns, as stored: what a refused request must not change. */
    public long commitmentsOwnedBy(UUID personId) {
        return jdbc.sql("select count(*) from commitment where owner_id = :owner")
                .param("owner", personId)
                .query(Long.class)
                .single();
    }

    // --- partnerships ------------------------------------------------------------------------

    /** Invites a member of the same organization as a partner of the given kind (PEER, COACH, MENTOR). */
    public ApiResponse invitePartner(Account inviter, UUID partnerId, String kind) {
        return post(inviter.token(), "/api/v1/partnerships", Map.of("partnerId", partnerId.toString(), "kind", kind));
    }

    /** An active partnership: the inviter invites, the partner accepts. */
    public UUID partnership(Account inviter, Account partner, String kind) {
        UUID id = invitePartner(inviter, partner.personId(), kind).expect(201).id();
        post(partner.token(), "/api/v1/partnerships/" + id + "/accept", Map.of())
                .expect(200);
        return id;
    }

    /** Someone from outside, invited by e-mail, who sets a name and password and gets a token. */
    public Account guest(Account inviter, String kind) {
        String name = unique("Guest");
        String email = uniqueEmail("guest");
        UUID partnership = post(inviter.token(), "/api/v1/partnerships", Map.of("email", email, "kind", kind))
                .expect(201)
                .id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("password", PASSWORD);
        body.put("name", name);
        UUID personId = post(null, "/api/v1/invitations/" + invitationToken(email), body)
                .expect(200)
                .id();
        return new Account(inviter.organizationId(), personId, name, email, PASSWORD, token(email, PASSWORD))
                .withPartnership(partnership);
    }

    /** The texts of the in-app notifications this person has (the first page), newest first. */
    public List<String> notifications(Account account) {
        return await().atMost(MAIL_WAIT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> get(account.token(), "/api/v1/notifications"), r -> r.status() == 200)
                .json()
                .get("items")
                .valueStream()
                .map(n -> n.get("text").asString())
                .toList();
    }

    /** Waits until this person has a notification whose text contains the given words. */
    public String awaitNotification(Account account, String contains) {
        return await().atMost(MAIL_WAIT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10))
                .until(
                        () -> notifications(account).stream()
                                .filter(text -> text.contains(contains))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }
}
