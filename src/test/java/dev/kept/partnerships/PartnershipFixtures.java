package dev.kept.partnerships;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What the partnership tests do over and over on top of {@link ApiFixtures}: act on a
 * partnership, read its status, declare competitors, build a reporting line and move people in it.
 */
final class PartnershipFixtures {

    private final ApiFixtures api;

    PartnershipFixtures(ApiFixtures api) {
        this.api = api;
    }

    /** POST /api/v1/partnerships/{id}/{action} (accept, decline, pause, resume, end) with no terms. */
    ApiResponse act(Account who, UUID partnership, String action) {
        return api.post(who.token(), "/api/v1/partnerships/" + partnership + "/" + action, Map.of());
    }

    ApiResponse get(Account who, UUID partnership) {
        return api.get(who.token(), "/api/v1/partnerships/" + partnership);
    }

    String status(Account who, UUID partnership) {
        return get(who, partnership).expect(200).text("status");
    }

    /** The ids of the caller's partnerships, as GET /api/v1/partnerships lists them. */
    List<UUID> mine(Account who) {
        return api.get(who.token(), "/api/v1/partnerships")
                .expect(200)
                .json()
                .get("items")
                .valueStream()
                .map(p -> UUID.fromString(p.get("id").asString()))
                .toList();
    }

    ApiResponse declareCompetitors(Account who, Account... competitors) {
        return api.send(
                org.springframework.http.HttpMethod.PUT,
                who.token(),
                "/api/v1/me/conflicts",
                Map.of(
                        "personIds",
                        Arrays.stream(competitors)
                                .map(c -> c.personId().toString())
                                .toList()));
    }

    List<String> competitorsOf(Account who) {
        return api.get(who.token(), "/api/v1/me/conflicts")
                .expect(200)
                .json()
                .get("personIds")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    /** The admin moves a person under another manager (null: no manager). */
    ApiResponse moveUnder(Account admin, Account person, Account manager) {
        Map<String, Object> body = new HashMap<>();
        body.put("managerId", manager == null ? null : manager.personId().toString());
        return api.patch(admin.token(), "/api/v1/people/" + person.personId(), body);
    }

    /** A member who reports to the given manager. */
    Account reportOf(Account admin, Account manager) {
        return api.join(admin, Map.of("managerId", manager.personId().toString()));
    }

    /** The reason of a 422 problem, after checking it is one. */
    static String reason(ApiResponse response) {
        JsonNode problem = response.expectProblem(422);
        assertThat(problem.get("reason")).as("reason of %s", response).isNotNull();
        return problem.get("reason").asString();
    }
}
