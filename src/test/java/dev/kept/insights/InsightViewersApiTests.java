package dev.kept.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.StatementCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The people an admin allows to see the organization's effect study, managed over the API: the
 * list a page at a time, allowing (PUT) and withdrawing (DELETE) by person id, for admins only, with
 * every id that names no member refused naming the field.
 */
@KeptApiTest
class InsightViewersApiTests {

    private static final String VIEWERS = "/api/v1/insights/organization/viewers";
    private static final String STUDY = "/api/v1/insights/organization";

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    StatementCounter counter;

    Account admin;
    Account member;

    @BeforeEach
    void organization() {
        admin = api.signUp();
        member = api.join(admin);
    }

    @Test
    void allowsAMemberWhoThenSeesTheStudyAndWithdrawsThemAgain() {
        api.get(member.token(), STUDY).expectProblem(404);

        JsonNode allowed = put(admin, member.personId().toString()).expect(200).json();

        assertThat(allowed.get("personId").asString())
                .isEqualTo(member.personId().toString());
        assertThat(allowed.get("name").asString()).isEqualTo(member.name());
        assertThat(allowed.get("email").asString()).isEqualTo(member.email());
        Instant addedAt = Instant.parse(allowed.get("addedAt").asString());
        api.get(member.token(), STUDY).expect(200);
        List<JsonNode> listed = api.followPages(admin.token(), VIEWERS);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("personId").asString())
                .isEqualTo(member.personId().toString());
        assertThat(Instant.parse(listed.get(0).get("addedAt").asString())).isEqualTo(addedAt);

        api.delete(admin.token(), VIEWERS + "/" + member.personId()).expect(204);

        api.get(member.token(), STUDY).expectProblem(404);
        assertThat(api.followPages(admin.token(), VIEWERS)).isEmpty();
    }

    @Test
    void allowingOrWithdrawingTwiceAnswersTheSameAndChangesNothingMore() {
        clock.freeze();
        JsonNode first = put(admin, member.personId().toString()).expect(200).json();
        clock.advance(Duration.ofHours(1));

        JsonNode again = put(admin, member.personId().toString()).expect(200).json();

        assertThat(again).isEqualTo(first);
        assertThat(api.followPages(admin.token(), VIEWERS)).hasSize(1);

        api.delete(admin.token(), VIEWERS + "/" + member.personId()).expect(204);
        api.delete(admin.token(), VIEWERS + "/" + member.personId()).expect(204);
        // a member who was never allowed: nothing to withdraw, and nothing wrong with asking
        api.delete(admin.token(), VIEWERS + "/" + api.join(admin).personId()).expect(204);
        assertThat(api.followPages(admin.token(), VIEWERS)).isEmpty();
    }

    @Test
    void theApiAndThePageManageTheSameList() {
        put(admin, member.personId().toString()).expect(200);
        String session = api.pageSession(admin);

        assertThat(page(session, "/insights/organization/viewers").body()).contains(member.email());

        api.delete(admin.token(), VIEWERS + "/" + member.personId()).expect(204);
        assertThat(page(session, "/insights/organization/viewers").body()).doesNotContain(member.email());
    }

    @Test
    void onlyAdminsSeeOrChangeWhoMaySeeTheStudy() {
        Account allowed = api.join(admin);
        put(admin, allowed.personId().toString()).expect(200);
        Account guest = api.guest(member, "COACH");
        Account otherAdmin = api.signUp();

        // an allowed person sees the study, but does not manage who may, and neither does anyone else
        for (Account caller : List.of(allowed, member, guest)) {
            api.get(caller.token(), VIEWERS).expectProblem(404);
            put(caller, member.personId().toString()).expectProblem(404);
            put(caller, "not-an-id").expectProblem(404);
            api.delete(caller.token(), VIEWERS + "/" + allowed.personId()).expectProblem(404);
        }
        api.get(null, VIEWERS).expectProblem(401);
        api.send(HttpMethod.PUT, null, VIEWERS + "/" + member.personId(), null).expectProblem(401);
        // the admin of another organization manages theirs: ours are no members of it
        assertThat(api.followPages(otherAdmin.token(), VIEWERS)).isEmpty();
        put(otherAdmin, member.personId().toString()).expectProblem(422);
        api.delete(otherAdmin.token(), VIEWERS + "/" + allowed.personId()).expectProblem(422);

        api.get(member.token(), STUDY).expectProblem(404);
        api.get(allowed.token(), STUDY).expect(200);
        assertThat(api.followPages(admin.token(), VIEWERS))
                .singleElement()
                .satisfies(viewer -> assertThat(viewer.get("personId").asString())
                        .isEqualTo(allowed.personId().toString()));
    }

    @Test
    void aReadOnlyTokenListsButChangesNothing() {
        Map<String, Object> body = new HashMap<>();
        body.put("email", admin.email());
        body.put("password", admin.password());
        body.put("scope", "READ_ONLY");
        String reader = api.post(null, "/api/v1/tokens", body).expect(201).text("token");

        api.get(reader, VIEWERS).expect(200);
        put(
                        new Account(
                                admin.organizationId(),
                                admin.personId(),
                                admin.name(),
                                admin.email(),
                                admin.password(),
                                reader),
                        member.personId().toString())
                .expectProblem(403);

        assertThat(api.followPages(admin.token(), VIEWERS)).isEmpty();
    }

    @Test
    void refusesAnIdOfNoMemberNamingTheField() {
        Account guest = api.guest(member, "COACH");
        Account elsewhere = api.join(api.signUp());
        Map<String, String> refused = Map.of(
                UUID.randomUUID().toString(),
                "an unknown id",
                elsewhere.personId().toString(),
                "a member of another organization",
                guest.personId().toString(),
                "a guest",
                "not-an-id",
                "no id at all",
                "12345",
                "digits");

        for (Map.Entry<String, String> bad : refused.entrySet()) {
            for (ApiResponse answer :
                    List.of(put(admin, bad.getKey()), api.delete(admin.token(), VIEWERS + "/" + bad.getKey()))) {
                JsonNode problem = answer.expectProblem(422);
                assertThat(problem.get("reason").asString()).as(bad.getValue()).isEqualTo("UNKNOWN_PERSON");
                assertThat(problem.get("field").asString()).as(bad.getValue()).isEqualTo("personId");
                assertThat(answer.errorFields()).as(bad.getValue()).containsExactly("personId");
                assertThat(problem.get("detail").asString()).contains("no such member");
            }
        }
        api.get(guest.token(), STUDY).expectProblem(404);
        api.get(elsewhere.token(), STUDY).expectProblem(404);
        assertThat(api.followPages(admin.token(), VIEWERS)).isEmpty();
    }

    @Test
    void refusesBadPagingNamingTheField() {
        api.expectPagingRefused(admin.token(), VIEWERS);
    }

    @Test
    void pagesTheViewersTheMostRecentlyAllowedFirst() {
        clock.freeze();
        List<String> allowed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Account person = api.join(admin);
            put(admin, person.personId().toString()).expect(200);
            allowed.add(0, person.personId().toString());
            clock.advance(Duration.ofMinutes(1));
        }
        // two allowed in the same instant: the larger id first (as the databases order ids: by their hex)
        clock.advance(Duration.ofMinutes(1));
        List<String> together = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Account person = api.join(admin);
            put(admin, person.personId().toString()).expect(200);
            together.add(person.personId().toString());
        }
        together.sort(java.util.Comparator.reverseOrder());
        allowed.addAll(0, together);

        List<JsonNode> pages = api.pagesOf(admin.token(), VIEWERS + "?limit=2");

        assertThat(pages).hasSize(4);
        assertThat(ApiFixtures.itemsOf(pages).stream()
                        .map(viewer -> viewer.get("personId").asString())
                        .toList())
                .containsExactlyElementsOf(allowed);
        ApiResponse first = api.get(admin.token(), VIEWERS + "?limit=2").expect(200);
        String next = first.json().get("next").asString();
        assertThat(next).contains(VIEWERS).contains("limit=2").contains("cursor=");
        assertThat(first.headers().getFirst(HttpHeaders.LINK)).isEqualTo("<" + next + ">; rel=\"next\"");
        JsonNode whole = api.get(admin.token(), VIEWERS).expect(200).json();
        assertThat(whole.get("items")).hasSize(7);
        assertThat(whole.get("next").isNull()).isTrue();
    }

    @Test
    void listsAPageInTheSameStatementsForTenTimesAsManyViewers() {
        long small = statementsOfAPage(3);
        long large = statementsOfAPage(30);

        assertThat(large).isEqualTo(small);
    }

    /** A new organization with {@code viewers} people allowed; the statements of its list's first page. */
    private long statementsOfAPage(int viewers) {
        Account owner = api.signUp();
        for (int i = 0; i < viewers; i++) {
            put(owner, api.join(owner).personId().toString()).expect(200);
        }
        // once uncounted first: a token's use is written at most once a minute
        api.get(owner.token(), VIEWERS).expect(200);
        return counter.statementsOf(key -> assertThat(
                        api.getCounted(owner.token(), VIEWERS, key).json().get("items"))
                .hasSize(viewers));
    }

    @Test
    void theApiDescriptionSaysWhatTheRoutesAnswer() {
        JsonNode paths = api.get(null, "/v3/api-docs").expect(200).json().get("paths");

        JsonNode list = paths.get(VIEWERS).get("get");
        assertThat(list.at("/responses/200/headers/Link").isMissingNode()).isFalse();
        assertThat(list.get("parameters").valueStream().map(p -> p.get("name").asString()))
                .containsExactlyInAnyOrder("limit", "cursor");
        assertThat(list.at("/responses/404/description").asString()).contains("not an admin");
        for (String method : List.of("put", "delete")) {
            JsonNode operation = paths.get(VIEWERS + "/{personId}").get(method);
            assertThat(operation.at("/parameters/0/name").asString()).isEqualTo("personId");
            assertThat(operation.at("/parameters/0/schema/format").asString()).isEqualTo("uuid");
            assertThat(operation.at("/responses/422/description").asString()).contains("UNKNOWN_PERSON");
            assertThat(operation.get("responses").propertyNames())
                    .as(method)
                    .contains("401", "403", "404", "422")
                    .doesNotContain("400", "409");
        }
        assertThat(paths.at("/" + VIEWERS.replace("/", "~1") + "~1{personId}/delete/responses/204")
                        .isMissingNode())
                .isFalse();
    }

    private ApiResponse put(Account caller, String personId) {
        return api.send(HttpMethod.PUT, caller.token(), VIEWERS + "/" + personId, null);
    }

    private ApiResponse page(String session, String path) {
        return api.http()
                .get()
                .uri(path)
                .header(HttpHeaders.COOKIE, session)
                .exchange((req, res) -> new ApiResponse(
                        res.getStatusCode().value(),
                        HttpHeaders.copyOf(res.getHeaders()),
                        new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }
}
