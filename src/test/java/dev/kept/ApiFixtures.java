package dev.kept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives Kept through its real HTTP API on the port of a running test server: signs up
 * organizations, creates API tokens, invites people and accepts their invitations with the link
 * from the e-mail. Without {@code spring.mail.host} e-mails are kept in the {@code outgoing_mail}
 * table, written after the inviting transaction commits; the fixtures wait for them there.
 *
 * <p>Every e-mail address is unique, so tests can share a database that already holds data.
 */
public final class ApiFixtures {

    /** The password of every account the fixtures create. */
    public static final String PASSWORD = "correct horse battery staple";

    private static final Pattern INVITATION_LINK = Pattern.compile("/invitations/([A-Za-z0-9_-]+)");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    private final RestClient http;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper mapper = JsonMapper.builder().build();

    public ApiFixtures(int port, JdbcClient jdbc, Clock clock) {
        this.http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build()))
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A person who can call the API: a founding admin, or an invited person who accepted. */
    public record Member(UUID id, String name, String email, String token) {}

    /** A person invited but not yet active. */
    public record Invitee(UUID id, String name, String email) {}

    /** An answer of the server: its status, headers, body text and, when it is JSON, the parsed body. */
    public record Response(int status, HttpHeaders headers, String body, JsonNode json) {

        public UUID id() {
            return UUID.fromString(json.get("id").asString());
        }

        /** The problem document without {@code instance}, which only names the address asked for. */
        public JsonNode problemWithoutInstance() {
            return ((ObjectNode) json.deepCopy()).without("instance");
        }

        /** The fields named in the problem document's {@code errors}. */
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json.path("errors").forEach(error -> fields.add(error.path("field").asString()));
            return fields;
        }

        public List<UUID> ids() {
            List<UUID> ids = new ArrayList<>();
            json.forEach(item -> ids.add(UUID.fromString(item.get("id").asString())));
            return ids;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Asserts an RFC 9457 problem document with this status and a title. */
    public static void assertProblem(Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.headers().getContentType())
                .as("content type of %s", response)
                .isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .as("%s is application/problem+json", type)
                        .isTrue());
        assertThat(response.json()).as("problem document").isNotNull();
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("title").asString()).isNotBlank();
    }

    public static String uniqueEmail(String name) {
        return name.toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
    }

    /** A JSON object from alternating names and values; unlike {@code Map.of}, values may be null. */
    public static Map<String, Object> json(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    /** Today as the application sees it, for a person in the default time zone (UTC). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** Signs up a new organization; its admin gets an API token. */
    public Member signUp() {
        return signUp("Org " + UUID.randomUUID());
    }

    public Member signUp(String organization) {
        String email = uniqueEmail("admin");
        Response signedUp = post(
                "/api/v1/signup",
                null,
                json("organization", organization, "name", "Ada Admin", "email", email, "password", PASSWORD));
        assertThat(signedUp.status()).as("sign-up: %s", signedUp).isEqualTo(201);
        JsonNode person = signedUp.json().get("person");
        return new Member(
                UUID.fromString(person.get("id").asString()),
                person.get("name").asString(),
                email,
                token(email, PASSWORD));
    }

    /** Invites a person with a unique e-mail; more fields (teamId, managerId, title...) as names and values. */
    public Invitee invite(Member admin, String name, Object... fields) {
        String email = uniqueEmail(name);
        Map<String, Object> body = json(fields);
        body.put("name", name);
        body.put("email", email);
        Response invited = post("/api/v1/people", admin, body);
        assertThat(invited.status()).as("invitation: %s", invited).isEqualTo(201);
        return new Invitee(invited.id(), name, email);
    }

    /** Accepts the invitation with the link from the e-mail, then creates an API token. */
    public Member accept(Invitee invitee) {
        Response accepted =
                post("/api/v1/invitations/" + invitationToken(invitee.email()), null, json("password", PASSWORD));
        assertThat(accepted.status()).as("acceptance: %s", accepted).isEqualTo(200);
        return new Member(invitee.id(), invitee.name(), invitee.email(), token(invitee.email(), PASSWORD));
    }

    /** Invites a person and accepts for them: an active member with an API token. */
    public Member join(Member admin, String name, Object... fields) {
        return accept(invite(admin, name, fields));
    }

    /** The token of the one invitation e-mail sent to this address, once it has been written. */
    public String invitationToken(String email) {
        List<String> tokens = invitationTokens(email, 1);
        assertThat(tokens).as("invitation e-mails to %s", email).hasSize(1);
        return tokens.get(0);
    }

    /** The tokens of the invitation e-mails sent to this address, waiting until there are at least this many. */
    public List<String> invitationTokens(String email, int atLeast) {
        List<String> bodies = await().atMost(MAIL_WAIT)
                .until(
                        () -> jdbc.sql("select body from outgoing_mail where recipient = :recipient")
                                .param("recipient", email)
                                .query(String.class)
                                .list(),
                        found -> found.size() >= atLeast);
        return bodies.stream().map(ApiFixtures::invitationTokenIn).toList();
    }

    private static String invitationTokenIn(String body) {
        Matcher link = INVITATION_LINK.matcher(body);
        assertThat(link.find()).as("an invitation link in %s", body).isTrue();
        return link.group(1);
    }

    public String token(String email, String password) {
        Response created = post("/api/v1/tokens", null, json("email", email, "password", password));
        assertThat(created.status()).as("token: %s", created).isEqualTo(201);
        return created.json().get("token").asString();
    }

    /** A clear commitment of the owner, due in some days. */
    public JsonNode commit(Member owner, String visibility, int dueInDays) {
        Response made = post(
                "/api/v1/commitments",
                owner,
                json(
                        "what", "Publish the onboarding checklist for new engineers",
                        "doneWhen", "The checklist is in the handbook and 3 new hires used it",
                        "due", today().plusDays(dueInDays).toString(),
                        "why", "New engineers ship in their first week",
                        "visibility", visibility));
        assertThat(made.status()).as("commitment: %s", made).isEqualTo(201);
        return made.json();
    }

    public Response get(String path, Member as) {
        return send(HttpMethod.GET, path, as, null);
    }

    public Response post(String path, Member as, Object body) {
        return send(HttpMethod.POST, path, as, body);
    }

    public Response patch(String path, Member as, Object body) {
        return send(HttpMethod.PATCH, path, as, body);
    }

    public Response delete(String path, Member as) {
        return send(HttpMethod.DELETE, path, as, null);
    }

    /** Sends a request as the member (or anonymously); a String body is sent as it is, as JSON. */
    public Response send(HttpMethod method, String path, Member as, Object body) {
        return send(method, path, as == null ? null : as.token(), body);
    }

    public Response send(HttpMethod method, String path, String token, Object body) {
        RestClient.RequestBodySpec request = http.method(method).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON)
                    .body(body instanceof String raw ? raw : mapper.writeValueAsString(body));
        } else if (method == HttpMethod.POST || method == HttpMethod.PATCH) {
            request.contentType(MediaType.APPLICATION_JSON);
        }
        return response(request.retrieve().toEntity(String.class));
    }

    /** A request with any headers and body, for what the JSON helpers do not cover (forms, cookies). */
    public Response exchange(HttpMethod method, String path, HttpHeaders headers, String body) {
        RestClient.RequestBodySpec request = http.method(method).uri(path).headers(all -> all.addAll(headers));
        if (body != null) {
            request.body(body);
        }
        return response(request.retrieve().toEntity(String.class));
    }

    private Response response(ResponseEntity<String> entity) {
        String body = entity.getBody() == null ? "" : entity.getBody();
        MediaType type = entity.getHeaders().getContentType();
        JsonNode parsed = null;
        if (type != null
                && !body.isEmpty()
                && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                        || type.getSubtype().endsWith("+json"))) {
            parsed = mapper.readTree(body);
        }
        return new Response(entity.getStatusCode().value(), entity.getHeaders(), body, parsed);
    }
}
