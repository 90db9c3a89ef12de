package dev.kept.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Every number, date and instant the API reads from a query, a path or a JSON body, out of range or
 * malformed: 400 with a problem naming the field (a path id that cannot exist: 404, like an unknown
 * one), never a 500 from the database. Java parses years up to 999999999 and epoch milliseconds of
 * any long; the database stores far less.
 */
@KeptApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutOfRangeValuesTests {

    private static final String FAR_FUTURE_DAY = "+999999999-12-31";
    private static final String FAR_PAST_INSTANT = "-999999999-01-01T00:00:00Z";

    @Autowired
    ApiFixtures api;

    private Account caller;
    private UUID commitment;

    /** One request; paths may name {@code {commitment}} (the caller's) and {@code {unknown}}. */
    record Case(String description, HttpMethod method, String path, Object body, int status, String field) {

        @Override
        public String toString() {
            return description;
        }
    }

    @BeforeAll
    void signUp() {
        caller = api.signUp();
        commitment = api.commit(caller, LocalDate.now(ZoneOffset.UTC).plusDays(14), "PRIVATE");
    }

    static Stream<Case> cases() {
        return Stream.of(
                // the kudos feed: a cursor (an instant and an id) to page on from, and a page size
                get("cursor is the smallest long", "/api/v1/kudos?cursor=-9223372036854775808", "cursor"),
                get(
                        "cursor is in the year -999999999",
                        "/api/v1/kudos?cursor=" + kudosCursor(FAR_PAST_INSTANT),
                        "cursor"),
                get(
                        "cursor is in the year 999999999",
                        "/api/v1/kudos?cursor=" + kudosCursor("+999999999-12-31T00:00:00Z"),
                        "cursor"),
                get("cursor is in the year 0", "/api/v1/kudos?cursor=" + kudosCursor("0000-12-31T23:59:59Z"), "cursor"),
                get("cursor is not an instant", "/api/v1/kudos?cursor=" + kudosCursor("yesterday"), "cursor"),
                get("limit is past the longs", "/api/v1/kudos?limit=9223372036854775808", "limit"),
                // check-ins between two dates or instants
                get("from is in the year -999999999", "/api/v1/checkins?from=" + FAR_PAST_INSTANT, "from"),
                get("from is in the year 0", "/api/v1/checkins?from=0000-01-01", "from"),
                get("from is in the year 10000", "/api/v1/checkins?from=%2B10000-01-01T00:00:00Z", "from"),
                get("from is not a date", "/api/v1/checkins?from=soon", "from"),
                get("to is in the year -999999999", "/api/v1/checkins?to=" + FAR_PAST_INSTANT, "to"),
                // the commitment list
                get("limit is past the integers", "/api/v1/commitments?limit=2147483648", "limit"),
                get("offset is below the integers", "/api/v1/commitments?offset=-2147483649", "offset"),
                new Case(
                        "a week in the year 99999",
                        HttpMethod.GET,
                        "/api/v1/me/moves?week=99999-W01",
                        null,
                        422,
                        "week"),
                // numbers in a path are ids: one that cannot exist answers like an unknown one
                new Case(
                        "a milestone number past the integers",
                        HttpMethod.PATCH,
                        "/api/v1/commitments/{commitment}/milestones/99999999999",
                        Map.of("done", true),
                        404,
                        null),
                // dates and instants in a JSON body
                post(
                        "a commitment due in the year 999999999",
                        "/api/v1/commitments",
                        Map.of("due", FAR_FUTURE_DAY),
                        "due"),
                post("a commitment due in the year -1", "/api/v1/commitments", Map.of("due", "-0001-12-31"), "due"),
                post("a goal due in the year 999999999", "/api/v1/goals", Map.of("due", FAR_FUTURE_DAY), "due"),
                post(
                        "an expectation due in the year 999999999",
                        "/api/v1/expectations",
                        Map.of("due", FAR_FUTURE_DAY),
                        "due"),
                post(
                        "a milestone due in the year 999999999",
                        "/api/v1/commitments/{commitment}/milestones",
                        Map.of("title", "Half way", "due", FAR_FUTURE_DAY),
                        "due"),
                post(
                        "a next step due in the year 999999999",
                        "/api/v1/checkins/{unknown}/next-steps",
                        Map.of("due", FAR_FUTURE_DAY),
                        "due"),
                post(
                        "a check-in moved to the year -999999999",
                        "/api/v1/checkins/{unknown}/attendance",
                        Map.of("status", "MOVED", "movedTo", FAR_PAST_INSTANT),
                        "movedTo"),
                post(
                        "a program open until the year -999999999",
                        "/api/v1/matching/programs",
                        Map.of("optInUntil", FAR_PAST_INSTANT),
                        "optInUntil"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersOutOfRangeValuesWithAProblemNamingTheField(Case request) {
        long commitmentsBefore = api.commitmentsOwnedBy(caller.personId());
        String path = request.path()
                .replace("{commitment}", commitment.toString())
                .replace("{unknown}", UUID.randomUUID().toString());

        ApiResponse response = api.send(request.method(), caller.token(), path, request.body());

        response.expectProblem(request.status());
        if (request.field() != null) {
            assertThat(response.errorFields())
                    .as("field errors of %s", response)
                    .contains(request.field());
        }
        assertThat(api.commitmentsOwnedBy(caller.personId())).isEqualTo(commitmentsBefore);
    }

    private static String kudosCursor(String position) {
        return new dev.kept.shared.Cursor(position, UUID.randomUUID()).encode();
    }

    private static Case get(String description, String path, String field) {
        return new Case(description, HttpMethod.GET, path, null, 400, field);
    }

    private static Case post(String description, String path, Object body, String field) {
        return new Case(description, HttpMethod.POST, path, body, 400, field);
    }
}
