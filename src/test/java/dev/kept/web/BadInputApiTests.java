package dev.kept.web;

import static dev.kept.ApiFixtures.assertProblem;
import static dev.kept.ApiFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Member;
import dev.kept.ApiFixtures.Response;
import dev.kept.MovableClock;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input anywhere in the API is answered with a problem document (400, 404, 409 or 422, never
 * 500) and changes nothing the caller can see. Paths and bodies name what the test sets up with
 * placeholders: {@code {commitment}}, {@code {team}}, {@code {me}}, {@code {myEmail}},
 * {@code {random}} (an id nobody has), {@code {due}}, {@code {past}}, {@code {farAway}} and
 * {@code {newEmail}} (an address that must not end up registered).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.TestConfig.class)
class BadInputApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Object ABSENT = new Object();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    private ApiFixtures api;
    private Member admin;
    private Map<String, String> placeholders;

    /** One bad request and how it must be answered: the status, and the field or reason to blame. */
    record BadRequest(
            String description, HttpMethod method, String path, String body, int status, String field, String reason) {

        BadRequest blaming(String blamed) {
            return new BadRequest(description, method, path, body, status, blamed, reason);
        }

        BadRequest because(String why) {
            return new BadRequest(description, method, path, body, status, field, why);
        }

        @Override
        public String toString() {
            return description + " → " + status;
        }
    }

    static Stream<BadRequest> badRequests() {
        return Stream.of(
                // making a commitment
                bad("an empty what", POST, "/api/v1/commitments", draft("what", ""), 400)
                        .blaming("what"),
                bad("a blank done-when", POST, "/api/v1/commitments", draft("doneWhen", "   "), 400)
                        .blaming("doneWhen"),
                bad("a what over 500 characters", POST, "/api/v1/commitments", draft("what", "w".repeat(501)), 400)
                        .blaming("what"),
                bad(
                                "a done-when over 1000 characters",
                                POST,
                                "/api/v1/commitments",
                                draft("doneWhen", "3 ".repeat(501)),
                                400)
                        .blaming("doneWhen"),
                bad("a why over 2000 characters", POST, "/api/v1/commitments", draft("why", "y".repeat(2001)), 400)
                        .blaming("why"),
                bad("no due date", POST, "/api/v1/commitments", draft("due", ABSENT), 400)
                        .blaming("due"),
                bad("a due date in the past", POST, "/api/v1/commitments", draft("due", "{past}"), 422)
                        .blaming("due")
                        .because("DUE_IN_PAST"),
                bad("a due date over ten years away", POST, "/api/v1/commitments", draft("due", "{farAway}"), 422)
                        .blaming("due")
                        .because("DUE_TOO_FAR"),
                bad("a due date in words", POST, "/api/v1/commitments", draft("due", "next friday"), 400)
                        .blaming("due"),
                bad("a due date that does not exist", POST, "/api/v1/commitments", draft("due", "2027-02-30"), 400)
                        .blaming("due"),
                bad("a due date given as a number", POST, "/api/v1/commitments", draft("due", 5), 400)
                        .blaming("due"),
                bad("an unknown visibility", POST, "/api/v1/commitments", draft("visibility", "SECRET"), 400)
                        .blaming("visibility"),
                bad("no visibility", POST, "/api/v1/commitments", draft("visibility", ABSENT), 400)
                        .blaming("visibility"),
                bad("a what that is an object", POST, "/api/v1/commitments", draft("what", Map.of("a", 1)), 400)
                        .blaming("what"),
                bad("a what given as a number", POST, "/api/v1/commitments", draft("what", 5), 400)
                        .blaming("what"),
                bad("an unknown field", POST, "/api/v1/commitments", draft("ownerId", "{random}"), 400)
                        .blaming("ownerId"),
                bad("a NUL character in what", POST, "/api/v1/commitments", draft("what", "Write\u0000it"), 400)
                        .blaming("what"),
                bad("malformed JSON", POST, "/api/v1/commitments", "{\"what\": \"Publish", 400),
                bad("a JSON array for a commitment", POST, "/api/v1/commitments", "[]", 400),
                bad("no body for a commitment", POST, "/api/v1/commitments", null, 400),
                // reading and revising one
                bad("an unknown commitment id", GET, "/api/v1/commitments/{random}", null, 404),
                bad("a malformed commitment id", GET, "/api/v1/commitments/not-an-id", null, 404),
                bad("a revision of an unknown id", PATCH, "/api/v1/commitments/{random}", revision(), 404),
                bad("a revision of a malformed id", PATCH, "/api/v1/commitments/12345", revision(), 404),
                bad(
                                "a revision without version",
                                PATCH,
                                "/api/v1/commitments/{commitment}",
                                revision("version", ABSENT),
                                400)
                        .blaming("version"),
                bad("a version in words", PATCH, "/api/v1/commitments/{commitment}", revision("version", "one"), 400)
                        .blaming("version"),
                bad("a revision to a blank what", PATCH, "/api/v1/commitments/{commitment}", revision("what", " "), 400)
                        .blaming("what"),
                bad(
                                "a revision to a due date in the past",
                                PATCH,
                                "/api/v1/commitments/{commitment}",
                                revision("due", "{past}"),
                                422)
                        .because("DUE_IN_PAST"),
                bad(
                                "a revision of a field that cannot be set",
                                PATCH,
                                "/api/v1/commitments/{commitment}",
                                revision("status", "CLOSED"),
                                400)
                        .blaming("status"),
                bad("a stale revision", PATCH, "/api/v1/commitments/{commitment}", revision("version", 7), 409),
                bad("a revision without body", PATCH, "/api/v1/commitments/{commitment}", null, 400),
                // progress
                bad(
                                "a percent of 101",
                                POST,
                                "/api/v1/commitments/{commitment}/progress",
                                progress("percent", 101),
                                400)
                        .blaming("percent"),
                bad(
                                "a negative percent",
                                POST,
                                "/api/v1/commitments/{commitment}/progress",
                                progress("percent", -1),
                                400)
                        .blaming("percent"),
                bad(
                                "a percent in words",
                                POST,
                                "/api/v1/commitments/{commitment}/progress",
                                progress("percent", "lots"),
                                400)
                        .blaming("percent"),
                bad(
                                "a percent with a fraction",
                                POST,
                                "/api/v1/commitments/{commitment}/progress",
                                progress("percent", 12.5),
                                400)
                        .blaming("percent"),
                bad(
                                "an unknown confidence",
                                POST,
                                "/api/v1/commitments/{commitment}/progress",
                                progress("confidence", "SURE"),
                                400)
                        .blaming("confidence"),
                bad(
                                "progress without confidence",
                                POST,
                                "/api/v1/commitments/{commitment}/progress",
                                progress("confidence", ABSENT),
                                400)
                        .blaming("confidence"),
                bad(
                                "a note over 2000 characters",
                                POST,
                                "/api/v1/commitments/{commitment}/progress",
                                progress("note", "n".repeat(2001)),
                                400)
                        .blaming("note"),
                bad("progress on an unknown id", POST, "/api/v1/commitments/{random}/progress", progress(), 404),
                bad("progress on a malformed id", POST, "/api/v1/commitments/x/progress", progress(), 404),
                bad("progress without body", POST, "/api/v1/commitments/{commitment}/progress", null, 400),
                // verification
                bad(
                                "an unknown outcome",
                                POST,
                                "/api/v1/commitments/{commitment}/verification",
                                verification("outcome", "DONE"),
                                400)
                        .blaming("outcome"),
                bad(
                                "a blank reflection",
                                POST,
                                "/api/v1/commitments/{commitment}/verification",
                                verification("reflection", " "),
                                400)
                        .blaming("reflection"),
                bad(
                                "a reflection over 4000 characters",
                                POST,
                                "/api/v1/commitments/{commitment}/verification",
                                verification("reflection", "r".repeat(4001)),
                                400)
                        .blaming("reflection"),
                bad(
                        "a verification of an unknown id",
                        POST,
                        "/api/v1/commitments/{random}/verification",
                        verification(),
                        404),
                bad("a wrong method", HttpMethod.PUT, "/api/v1/commitments/{commitment}", revision(), 405),
                bad("an unknown address", GET, "/api/v1/commitments/{commitment}/history", null, 404),
                // the list
                bad("an unknown status filter", GET, "/api/v1/commitments?status=DONE", null, 400)
                        .blaming("status"),
                bad("a malformed owner filter", GET, "/api/v1/commitments?owner=ada", null, 400)
                        .blaming("owner"),
                bad("a limit of 0", GET, "/api/v1/commitments?limit=0", null, 400)
                        .blaming("limit"),
                bad("a limit over 1000", GET, "/api/v1/commitments?limit=1001", null, 400)
                        .blaming("limit"),
                bad("a negative offset", GET, "/api/v1/commitments?offset=-1", null, 400)
                        .blaming("offset"),
                // inviting people
                bad("an invitation without name", POST, "/api/v1/people", invitation("name", ""), 400)
                        .blaming("name"),
                bad("an invitation to no address", POST, "/api/v1/people", invitation("email", "not an address"), 400)
                        .blaming("email"),
                bad(
                                "an invitation to an address over 254 characters",
                                POST,
                                "/api/v1/people",
                                invitation("email", "e".repeat(250) + "@example.org"),
                                400)
                        .blaming("email"),
                bad("an invitation into an unknown team", POST, "/api/v1/people", invitation("teamId", "{random}"), 422)
                        .blaming("teamId")
                        .because("UNKNOWN_TEAM"),
                bad(
                                "an invitation under an unknown manager",
                                POST,
                                "/api/v1/people",
                                invitation("managerId", "{random}"),
                                422)
                        .blaming("managerId")
                        .because("UNKNOWN_PERSON"),
                bad(
                                "an invitation with a malformed team",
                                POST,
                                "/api/v1/people",
                                invitation("teamId", "platform"),
                                400)
                        .blaming("teamId"),
                bad("an invitation to a taken address", POST, "/api/v1/people", invitation("email", "{myEmail}"), 422)
                        .blaming("email")
                        .because("EMAIL_TAKEN"),
                bad("an invitation that sets a role", POST, "/api/v1/people", invitation("role", "ADMIN"), 400)
                        .blaming("role"),
                // changing people
                bad("a change of e-mail", PATCH, "/api/v1/people/{me}", body("email", "{newEmail}"), 400)
                        .blaming("email"),
                bad("a manager that is a number", PATCH, "/api/v1/people/{me}", body("managerId", 5), 400)
                        .blaming("managerId"),
                bad("a title over 120 characters", PATCH, "/api/v1/people/{me}", body("title", "t".repeat(121)), 400)
                        .blaming("title"),
                bad("an unknown role", PATCH, "/api/v1/people/{me}", body("role", "OWNER"), 400)
                        .blaming("role"),
                bad("a NUL character in a title", PATCH, "/api/v1/people/{me}", body("title", "Boss\u0000"), 400)
                        .blaming("title"),
                bad("oneself as manager", PATCH, "/api/v1/people/{me}", body("managerId", "{me}"), 422)
                        .blaming("managerId")
                        .because("REPORTING_LOOP"),
                bad("an unknown manager", PATCH, "/api/v1/people/{me}", body("managerId", "{random}"), 422)
                        .blaming("managerId")
                        .because("UNKNOWN_PERSON"),
                bad("the last admin made a member", PATCH, "/api/v1/people/{me}", body("role", "MEMBER"), 422)
                        .blaming("role")
                        .because("LAST_ADMIN"),
                bad("a change of an unknown person", PATCH, "/api/v1/people/{random}", body("title", "Boss"), 404),
                bad("a change of a malformed person id", PATCH, "/api/v1/people/me", body("title", "Boss"), 404),
                bad("an unknown person", GET, "/api/v1/people/{random}", null, 404),
                bad("a change of a person without body", PATCH, "/api/v1/people/{me}", null, 400),
                // teams
                bad("a blank team name", POST, "/api/v1/teams", body("name", " "), 400)
                        .blaming("name"),
                bad("a team name over 80 characters", POST, "/api/v1/teams", body("name", "t".repeat(81)), 400)
                        .blaming("name"),
                bad("an unknown team lead", POST, "/api/v1/teams", body("name", "Design", "leadId", "{random}"), 422)
                        .blaming("leadId")
                        .because("UNKNOWN_PERSON"),
                bad("a rename to a blank name", PATCH, "/api/v1/teams/{team}", body("name", ""), 400)
                        .blaming("name"),
                bad("an unknown team", GET, "/api/v1/teams/{random}", null, 404),
                // tokens
                bad("a revocation of an unknown token", DELETE, "/api/v1/tokens/{random}", null, 404),
                bad("a revocation of a malformed token id", DELETE, "/api/v1/tokens/all", null, 404),
                bad("a token request without password", POST, "/api/v1/tokens", body("email", "{myEmail}"), 400)
                        .blaming("password"),
                bad(
                                "a token request with a NUL character",
                                POST,
                                "/api/v1/tokens",
                                body("email", "{myEmail}\u0000", "password", ApiFixtures.PASSWORD),
                                400)
                        .blaming("email"),
                // signing up
                bad("a sign-up without organization", POST, "/api/v1/signup", signUp("organization", ""), 400)
                        .blaming("organization"),
                bad(
                                "a sign-up with an organization over 120 characters",
                                POST,
                                "/api/v1/signup",
                                signUp("organization", "o".repeat(121)),
                                400)
                        .blaming("organization"),
                bad("a sign-up with no address", POST, "/api/v1/signup", signUp("email", "ada at example"), 400)
                        .blaming("email"),
                bad(
                                "a sign-up in an unknown time zone",
                                POST,
                                "/api/v1/signup",
                                signUp("timeZone", "Mars/Olympus"),
                                422)
                        .blaming("timeZone")
                        .because("TIME_ZONE"),
                bad("a sign-up with a NUL character", POST, "/api/v1/signup", signUp("name", "Ada\u0000"), 400)
                        .blaming("name"));
    }

    @BeforeEach
    void setUp() {
        api = new ApiFixtures(port, jdbc, clock);
        admin = api.signUp();
        String commitment = api.commit(admin, "PRIVATE", 10).get("id").asString();
        String team =
                api.post("/api/v1/teams", admin, json("name", "Platform")).id().toString();
        placeholders = Map.of(
                "{commitment}", commitment,
                "{team}", team,
                "{me}", admin.id().toString(),
                "{myEmail}", admin.email(),
                "{random}", UUID.randomUUID().toString(),
                "{due}", api.today().plusDays(7).toString(),
                "{past}", api.today().minusDays(3).toString(),
                "{farAway}", api.today().plusYears(10).plusDays(1).toString(),
                "{newEmail}", ApiFixtures.uniqueEmail("new"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersWithAProblemAndChangesNothing(BadRequest bad) {
        JsonNode before = whatTheCallerSees();

        Response answer = api.send(bad.method(), fill(bad.path()), admin, bad.body() == null ? null : fill(bad.body()));

        assertProblem(answer, bad.status());
        if (bad.field() != null) {
            assertThat(answer.errorFields()).as("fields blamed in %s", answer).contains(bad.field());
        }
        if (bad.reason() != null) {
            assertThat(answer.json().path("reason").asString()).isEqualTo(bad.reason());
        }
        assertThat(whatTheCallerSees()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from person where email = :email")
                        .param("email", placeholders.get("{newEmail}"))
                        .query(Long.class)
                        .single())
                .as("people registered with the new address")
                .isZero();
    }

    private JsonNode whatTheCallerSees() {
        ObjectNode seen = JsonNodeFactory.instance.objectNode();
        seen.set("commitments", ok(api.get("/api/v1/commitments", admin)));
        seen.set("commitment", ok(api.get("/api/v1/commitments/" + placeholders.get("{commitment}"), admin)));
        seen.set("me", ok(api.get("/api/v1/me", admin)));
        seen.set("people", ok(api.get("/api/v1/people", admin)));
        seen.set("teams", ok(api.get("/api/v1/teams", admin)));
        return seen;
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private String fill(String text) {
        String filled = text;
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            filled = filled.replace(placeholder.getKey(), placeholder.getValue());
        }
        return filled;
    }

    private static BadRequest bad(String description, HttpMethod method, String path, String body, int status) {
        return new BadRequest(description, method, path, body, status, null, null);
    }

    private static String draft(Object... changes) {
        return with(
                json(
                        "what", "Publish the onboarding checklist",
                        "doneWhen", "3 new hires used it",
                        "due", "{due}",
                        "why", "New engineers ship in their first week",
                        "visibility", "PRIVATE"),
                changes);
    }

    private static String revision(Object... changes) {
        return with(json("version", 0, "what", "Publish the onboarding checklist today"), changes);
    }

    private static String progress(Object... changes) {
        return with(json("percent", 50, "confidence", "ON_TRACK", "note", "Halfway"), changes);
    }

    private static String verification(Object... changes) {
        return with(json("outcome", "KEPT", "reflection", "Done as promised"), changes);
    }

    private static String invitation(Object... changes) {
        return with(json("name", "Grace", "email", "{newEmail}"), changes);
    }

    private static String signUp(Object... changes) {
        return with(
                json(
                        "organization", "Acme",
                        "name", "Ada",
                        "email", "{newEmail}",
                        "password", ApiFixtures.PASSWORD),
                changes);
    }

    private static String body(Object... fields) {
        return with(json(), fields);
    }

    /** A valid body with some fields changed, added, or left out ({@link #ABSENT}). */
    private static String with(Map<String, Object> valid, Object... changes) {
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == ABSENT) {
                valid.remove((String) changes[i]);
            } else {
                valid.put((String) changes[i], changes[i + 1]);
            }
        }
        return JSON.writeValueAsString(valid);
    }
}
