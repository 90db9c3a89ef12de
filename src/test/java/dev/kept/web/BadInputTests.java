package dev.kept.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Bad input anywhere in the API gets 400, 404, 415 or 422 with a problem document, never a 500,
 * and changes nothing: each case runs against a fresh organization whose admin has one commitment,
 * and everything the admin can see is compared before and after.
 */
@KeptApiTest
class BadInputTests {

    /** An address no case may ever create a person with. */
    private static final String PROBE_EMAIL = ApiFixtures.uniqueEmail("probe");

    private static final Object ABSENT = new Object();

    @Autowired
    ApiFixtures api;

    /**
     * One bad request. Paths may name {@code {commitment}} (the caller's commitment), {@code {me}}
     * (the caller) and {@code {unknown}} (an id that exists nowhere).
     */
    record BadRequest(
            String description,
            HttpMethod method,
            String path,
            Object body,
            MediaType contentType,
            boolean anonymous,
            int status,
            String field) {

        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<BadRequest> badRequests() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String commitments = "/api/v1/commitments";
        String one = commitments + "/{commitment}";
        return Stream.of(
                // making a commitment
                post("what is empty", commitments, draft("what", ""), 400, "what"),
                post("what is blank", commitments, draft("what", "   "), 400, "what"),
                post("what is too long", commitments, draft("what", "w".repeat(501)), 400, "what"),
                post("what is missing", commitments, draft("what", ABSENT), 400, "what"),
                post("doneWhen is empty", commitments, draft("doneWhen", ""), 400, "doneWhen"),
                post("doneWhen is too long", commitments, draft("doneWhen", "d".repeat(1001)), 400, "doneWhen"),
                post("why is too long", commitments, draft("why", "y".repeat(2001)), 400, "why"),
                post("due is missing", commitments, draft("due", ABSENT), 400, "due"),
                post(
                        "due is in the past",
                        commitments,
                        draft("due", today.minusDays(1).toString()),
                        422,
                        "due"),
                post(
                        "due is far too far",
                        commitments,
                        draft("due", today.plusYears(10).plusDays(2).toString()),
                        422,
                        "due"),
                post("due is not a date", commitments, draft("due", "next friday"), 400, "due"),
                post("due is an impossible date", commitments, draft("due", "2031-02-30"), 400, "due"),
                post("due has the wrong type", commitments, draft("due", true), 400, "due"),
                post("visibility is unknown", commitments, draft("visibility", "SECRET"), 400, "visibility"),
                post("visibility is missing", commitments, draft("visibility", ABSENT), 400, "visibility"),
                post(
                        "what contains a NUL character",
                        commitments,
                        draft("what", "Ship\u0000it to every customer"),
                        400,
                        "what"),
                post("what has the wrong type", commitments, draft("what", Map.of("text", "x")), 400, "what"),
                post("what is a list", commitments, draft("what", List.of("a", "b")), 400, "what"),
                post(
                        "an unknown field is sent",
                        commitments,
                        draft("ownerId", UUID.randomUUID().toString()),
                        400,
                        "ownerId"),
                post("the JSON is malformed", commitments, "{\"what\": \"Ship it\",", 400, null),
                post("the body is not JSON", commitments, "ship it by friday", 400, null),
                post("the body is empty", commitments, "", 400, null),
                post("the body is a JSON array", commitments, "[]", 400, null),
                post("the body is JSON null", commitments, "null", 400, null),
                new BadRequest(
                        "the body is plain text",
                        HttpMethod.POST,
                        commitments,
                        "what=ship",
                        MediaType.TEXT_PLAIN,
                        false,
                        415,
                        null),
                post("what is a number", commitments, draft("what", 42), 400, "what"),
                post("due is a number", commitments, draft("due", 20310101), 400, "due"),
                new BadRequest(
                        "an unknown address", HttpMethod.GET, "/api/v1/nothing-here", null, null, false, 404, null),
                new BadRequest(
                        "a method the address does not take",
                        HttpMethod.DELETE,
                        commitments,
                        null,
                        null,
                        false,
                        405,
                        null),
                // editing a commitment
                patch("an edit has no version", one, map("what", "Edited without a version"), 400, "version"),
                patch(
                        "an edit's version is not a number",
                        one,
                        map("version", "abc", "what", "Edited"),
                        400,
                        "version"),
                patch("an edit empties what", one, map("version", 0, "what", ""), 400, "what"),
                patch("an edit blanks doneWhen", one, map("version", 0, "doneWhen", "  "), 400, "doneWhen"),
                patch("an edit makes what too long", one, map("version", 0, "what", "w".repeat(501)), 400, "what"),
                patch(
                        "an edit moves due into the past",
                        one,
                        map("version", 0, "due", today.minusDays(3).toString()),
                        422,
                        "due"),
                patch(
                        "an edit sets an unknown visibility",
                        one,
                        map("version", 0, "visibility", "EVERYONE"),
                        400,
                        "visibility"),
                patch(
                        "an edit sets a field that cannot be edited",
                        one,
                        map("version", 0, "status", "CLOSED"),
                        400,
                        "status"),
                patch(
                        "an edit puts a NUL character in why",
                        one,
                        map("version", 0, "why", "Because\u0000"),
                        400,
                        "why"),
                patch("an edit is malformed JSON", one, "{\"version\": 0, \"what\": }", 400, null),
                patch(
                        "an edit of an unknown commitment",
                        commitments + "/{unknown}",
                        map("version", 0, "what", "Edited"),
                        404,
                        null),
                patch(
                        "an edit of a malformed id",
                        commitments + "/not-a-uuid",
                        map("version", 0, "what", "Edited"),
                        404,
                        null),
                // progress and verification
                post(
                        "percent is over 100",
                        one + "/progress",
                        map("percent", 101, "confidence", "ON_TRACK"),
                        400,
                        "percent"),
                post(
                        "percent is negative",
                        one + "/progress",
                        map("percent", -1, "confidence", "ON_TRACK"),
                        400,
                        "percent"),
                post(
                        "percent is not a number",
                        one + "/progress",
                        map("percent", "half", "confidence", "ON_TRACK"),
                        400,
                        "percent"),
                post(
                        "percent has a fraction",
                        one + "/progress",
                        map("percent", 12.5, "confidence", "ON_TRACK"),
                        400,
                        "percent"),
                post("confidence is missing", one + "/progress", map("percent", 10), 400, "confidence"),
                post("confidence is unknown", one + "/progress", map("confidence", "GREAT"), 400, "confidence"),
                post(
                        "a progress note is too long",
                        one + "/progress",
                        map("confidence", "ON_TRACK", "note", "n".repeat(2001)),
                        400,
                        "note"),
                post(
                        "progress on an unknown commitment",
                        commitments + "/{unknown}/progress",
                        map("confidence", "ON_TRACK"),
                        404,
                        null),
                post(
                        "progress on a malformed id",
                        commitments + "/42/progress",
                        map("confidence", "ON_TRACK"),
                        404,
                        null),
                post(
                        "outcome is unknown",
                        one + "/verification",
                        map("outcome", "WON", "reflection", "Went well"),
                        400,
                        "outcome"),
                post("outcome is missing", one + "/verification", map("reflection", "Went well"), 400, "outcome"),
                post(
                        "reflection is empty",
                        one + "/verification",
                        map("outcome", "KEPT", "reflection", ""),
                        400,
                        "reflection"),
                post(
                        "reflection is too long",
                        one + "/verification",
                        map("outcome", "KEPT", "reflection", "r".repeat(4001)),
                        400,
                        "reflection"),
                post(
                        "verification of an unknown commitment",
                        commitments + "/{unknown}/verification",
                        map("outcome", "KEPT", "reflection", "Done"),
                        404,
                        null),
                // reading commitments
                get("an unknown commitment", commitments + "/{unknown}", 404, null),
                get("a malformed commitment id", commitments + "/not-a-uuid", 404, null),
                get("an unknown status filter", commitments + "?status=DONE", 400, "status"),
                get("a malformed owner filter", commitments + "?owner=nobody", 400, "owner"),
                get("a limit of zero", commitments + "?limit=0", 400, "limit"),
                get("a limit that is too large", commitments + "?limit=100000", 400, "limit"),
                get("a limit that is not a number", commitments + "?limit=all", 400, "limit"),
                get("a negative offset", commitments + "?offset=-1", 400, "offset"),
                // people
                post(
                        "an invitee's name is empty",
                        "/api/v1/people",
                        map("name", "", "email", PROBE_EMAIL),
                        400,
                        "name"),
                post(
                        "an invitee's name is too long",
                        "/api/v1/people",
                        map("name", "n".repeat(121), "email", PROBE_EMAIL),
                        400,
                        "name"),
                post(
                        "an invitee's e-mail is not an address",
                        "/api/v1/people",
                        map("name", "Probe", "email", "not-an-email"),
                        400,
                        "email"),
                post(
                        "an invitee's e-mail is too long",
                        "/api/v1/people",
                        map("name", "Probe", "email", "e".repeat(250) + "@x.test"),
                        400,
                        "email"),
                post(
                        "an invitee's team is unknown",
                        "/api/v1/people",
                        map(
                                "name",
                                "Probe",
                                "email",
                                PROBE_EMAIL,
                                "teamId",
                                UUID.randomUUID().toString()),
                        422,
                        "teamId"),
                post(
                        "an invitee's manager is unknown",
                        "/api/v1/people",
                        map(
                                "name",
                                "Probe",
                                "email",
                                PROBE_EMAIL,
                                "managerId",
                                UUID.randomUUID().toString()),
                        422,
                        "managerId"),
                post(
                        "an invitee's manager id is malformed",
                        "/api/v1/people",
                        map("name", "Probe", "email", PROBE_EMAIL, "managerId", "boss"),
                        400,
                        "managerId"),
                post(
                        "an invitation sets a role",
                        "/api/v1/people",
                        map("name", "Probe", "email", PROBE_EMAIL, "role", "ADMIN"),
                        400,
                        "role"),
                patch(
                        "a person's manager id is malformed",
                        "/api/v1/people/{me}",
                        map("managerId", "abc"),
                        400,
                        "managerId"),
                patch(
                        "a person's manager is unknown",
                        "/api/v1/people/{me}",
                        map("managerId", UUID.randomUUID().toString()),
                        422,
                        "managerId"),
                patch(
                        "a person's team is unknown",
                        "/api/v1/people/{me}",
                        map("teamId", UUID.randomUUID().toString()),
                        422,
                        "teamId"),
                patch("a person's role is unknown", "/api/v1/people/{me}", map("role", "KING"), 400, "role"),
                patch(
                        "a person's title is too long",
                        "/api/v1/people/{me}",
                        map("title", "t".repeat(121)),
                        400,
                        "title"),
                patch("a person's title has the wrong type", "/api/v1/people/{me}", map("title", 7), 400, "title"),
                patch(
                        "a person's e-mail cannot be changed",
                        "/api/v1/people/{me}",
                        map("email", PROBE_EMAIL),
                        400,
                        "email"),
                patch("a person edit is a JSON array", "/api/v1/people/{me}", "[]", 400, null),
                patch("a person edit is malformed JSON", "/api/v1/people/{me}", "{\"title\": ", 400, null),
                patch("an unknown person", "/api/v1/people/{unknown}", map("title", "Boss"), 404, null),
                get("a person that does not exist", "/api/v1/people/{unknown}", 404, null),
                get("a malformed person id", "/api/v1/people/not-a-uuid", 404, null),
                patch(
                        "a person's title contains a NUL character",
                        "/api/v1/people/{me}",
                        map("title", "Chief\u0000"),
                        400,
                        "title"),
                patch(
                        "an organization setting that is not true or false",
                        "/api/v1/organization",
                        map("apiTokensMayNeverExpire", "yes"),
                        400,
                        "apiTokensMayNeverExpire"),
                patch(
                        "an organization setting that does not exist",
                        "/api/v1/organization",
                        map("name", "Renamed"),
                        400,
                        "name"),
                // teams and tokens
                post("a team name is empty", "/api/v1/teams", map("name", ""), 400, "name"),
                post("a team name is too long", "/api/v1/teams", map("name", "t".repeat(81)), 400, "name"),
                post(
                        "a team lead is unknown",
                        "/api/v1/teams",
                        map("name", "Probe team", "leadId", UUID.randomUUID().toString()),
                        422,
                        "leadId"),
                get("a team that does not exist", "/api/v1/teams/{unknown}", 404, null),
                new BadRequest(
                        "revoking an unknown token",
                        HttpMethod.DELETE,
                        "/api/v1/tokens/{unknown}",
                        null,
                        null,
                        false,
                        404,
                        null),
                new BadRequest(
                        "revoking a malformed token id",
                        HttpMethod.DELETE,
                        "/api/v1/tokens/x",
                        null,
                        null,
                        false,
                        404,
                        null),
                post("a team name contains a NUL character", "/api/v1/teams", map("name", "Team\u0000"), 400, "name"),
                // public calls
                anonymous(
                        "sign-up with a malformed e-mail",
                        "/api/v1/signup",
                        signUp("email", "not-an-email"),
                        400,
                        "email"),
                anonymous(
                        "sign-up without an organization",
                        "/api/v1/signup",
                        signUp("organization", ""),
                        400,
                        "organization"),
                anonymous(
                        "sign-up with an organization name that is too long",
                        "/api/v1/signup",
                        signUp("organization", "o".repeat(121)),
                        400,
                        "organization"),
                anonymous(
                        "sign-up with an unknown time zone",
                        "/api/v1/signup",
                        signUp("timeZone", "Mars/Olympus_Mons"),
                        422,
                        "timeZone"),
                anonymous(
                        "sign-up with a NUL character in the organization",
                        "/api/v1/signup",
                        signUp("organization", "Org\u0000"),
                        400,
                        "organization"),
                anonymous(
                        "a token request with a NUL character in the e-mail",
                        "/api/v1/tokens",
                        map("email", "probe\u0000@example.test", "password", ApiFixtures.PASSWORD),
                        400,
                        "email"),
                anonymous("sign-up with an unknown field", "/api/v1/signup", signUp("role", "OWNER"), 400, "role"),
                anonymous(
                        "a token request without a password",
                        "/api/v1/tokens",
                        map("email", PROBE_EMAIL),
                        400,
                        "password"),
                anonymous(
                        "accepting an invitation without a password",
                        "/api/v1/invitations/abc",
                        map(),
                        400,
                        "password"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersBadInputWithProblemAndChangesNothing(BadRequest bad) {
        Account caller = api.signUp();
        UUID commitment = api.commit(caller, LocalDate.now(ZoneOffset.UTC).plusDays(14), "PRIVATE");
        Map<String, Object> before = everythingVisibleTo(caller, commitment);
        String path = bad.path()
                .replace("{commitment}", commitment.toString())
                .replace("{me}", caller.personId().toString())
                .replace("{unknown}", UUID.randomUUID().toString());

        ApiResponse response = api.send(
                bad.method(),
                bad.anonymous() ? null : caller.token(),
                path,
                bad.body(),
                bad.contentType() == null ? MediaType.APPLICATION_JSON : bad.contentType());

        JsonNode problem = response.expectProblem(bad.status());
        if (bad.field() != null) {
            assertThat(response.errorFields())
                    .as("field errors of %s", response)
                    .contains(bad.field());
        }
        if (bad.status() == 422) {
            assertThat(problem.get("reason").asString()).isNotBlank();
        }
        assertThat(everythingVisibleTo(caller, commitment)).isEqualTo(before);
        assertThat(api.peopleWithEmail(PROBE_EMAIL)).isZero();
    }

    private Map<String, Object> everythingVisibleTo(Account caller, UUID commitment) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("commitments owned", api.commitmentsOwnedBy(caller.personId()));
        state.put(
                "commitment",
                api.get(caller.token(), "/api/v1/commitments/" + commitment)
                        .expect(200)
                        .json());
        state.put(
                "commitment list",
                api.get(caller.token(), "/api/v1/commitments").expect(200).json());
        state.put(
                "people", api.get(caller.token(), "/api/v1/people").expect(200).json());
        state.put("teams", api.get(caller.token(), "/api/v1/teams").expect(200).json());
        return state;
    }

    private static BadRequest post(String description, String path, Object body, int status, String field) {
        return new BadRequest(description, HttpMethod.POST, path, body, null, false, status, field);
    }

    private static BadRequest patch(String description, String path, Object body, int status, String field) {
        return new BadRequest(description, HttpMethod.PATCH, path, body, null, false, status, field);
    }

    private static BadRequest get(String description, String path, int status, String field) {
        return new BadRequest(description, HttpMethod.GET, path, null, null, false, status, field);
    }

    private static BadRequest anonymous(String description, String path, Object body, int status, String field) {
        return new BadRequest(description, HttpMethod.POST, path, body, null, true, status, field);
    }

    /** A JSON object from name-value pairs; values may be null. */
    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Clear terms for a new commitment with one field changed, or left out with {@link #ABSENT}. */
    private static Map<String, Object> draft(String field, Object value) {
        Map<String, Object> terms =
                ApiFixtures.clearTerms(LocalDate.now(ZoneOffset.UTC).plusDays(14), "PRIVATE");
        return with(terms, field, value);
    }

    private static Map<String, Object> signUp(String field, Object value) {
        return with(
                map(
                        "organization",
                        "Probe org",
                        "name",
                        "Probe",
                        "email",
                        PROBE_EMAIL,
                        "password",
                        ApiFixtures.PASSWORD),
                field,
                value);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        if (value == ABSENT) {
            body.remove(field);
        } else {
            body.put(field, value);
        }
        return body;
    }
}
