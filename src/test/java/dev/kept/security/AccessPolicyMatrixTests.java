package dev.kept.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who sees a commitment, for every visibility and every kind of viewer, both as one item and in the
 * list. The organization is built once for the class: every case only reads.
 *
 * <p>Owner O is in team T1 and reports to manager R, who is in team T2 with colleague C; teammate M
 * is in T1; the admin A is in no team; S belongs to another organization.
 */
@KeptApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessPolicyMatrixTests {

    enum Viewer {
        OWNER,
        TEAMMATE,
        MANAGER,
        ADMIN,
        COLLEAGUE_IN_OTHER_TEAM,
        MEMBER_OF_OTHER_ORGANIZATION
    }

    @Autowired
    ApiFixtures api;

    private final Map<Viewer, Account> viewers = new EnumMap<>(Viewer.class);
    private final Map<Visibility, UUID> commitments = new EnumMap<>(Visibility.class);

    @BeforeAll
    void buildOrganization() {
        Account admin = api.signUp();
        UUID t1 = api.team(admin, "T1");
        UUID t2 = api.team(admin, "T2");
        Account manager = api.join(admin, Map.of("teamId", t2.toString()));
        Account owner = api.join(
                admin,
                Map.of("teamId", t1.toString(), "managerId", manager.personId().toString()));
        viewers.put(Viewer.OWNER, owner);
        viewers.put(Viewer.TEAMMATE, api.join(admin, Map.of("teamId", t1.toString())));
        viewers.put(Viewer.MANAGER, manager);
        viewers.put(Viewer.ADMIN, admin);
        viewers.put(Viewer.COLLEAGUE_IN_OTHER_TEAM, api.join(admin, Map.of("teamId", t2.toString())));
        viewers.put(Viewer.MEMBER_OF_OTHER_ORGANIZATION, api.signUp());
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        for (Visibility visibility : Visibility.values()) {
            commitments.put(visibility, api.commit(owner, due, visibility.name()));
        }
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                arguments(Visibility.PRIVATE, Viewer.OWNER, true),
                arguments(Visibility.PRIVATE, Viewer.TEAMMATE, false),
                arguments(Visibility.PRIVATE, Viewer.MANAGER, false),
                arguments(Visibility.PRIVATE, Viewer.ADMIN, false),
                arguments(Visibility.PRIVATE, Viewer.COLLEAGUE_IN_OTHER_TEAM, false),
                arguments(Visibility.PRIVATE, Viewer.MEMBER_OF_OTHER_ORGANIZATION, false),
                arguments(Visibility.PARTNERS, Viewer.OWNER, true),
                arguments(Visibility.PARTNERS, Viewer.TEAMMATE, false),
                arguments(Visibility.PARTNERS, Viewer.MANAGER, false),
                arguments(Visibility.PARTNERS, Viewer.ADMIN, false),
                arguments(Visibility.PARTNERS, Viewer.COLLEAGUE_IN_OTHER_TEAM, false),
                arguments(Visibility.PARTNERS, Viewer.MEMBER_OF_OTHER_ORGANIZATION, false),
                arguments(Visibility.TEAM, Viewer.OWNER, true),
                arguments(Visibility.TEAM, Viewer.TEAMMATE, true),
                arguments(Visibility.TEAM, Viewer.MANAGER, false),
                arguments(Visibility.TEAM, Viewer.ADMIN, false),
                arguments(Visibility.TEAM, Viewer.COLLEAGUE_IN_OTHER_TEAM, false),
                arguments(Visibility.TEAM, Viewer.MEMBER_OF_OTHER_ORGANIZATION, false),
                arguments(Visibility.ORGANIZATION, Viewer.OWNER, true),
                arguments(Visibility.ORGANIZATION, Viewer.TEAMMATE, true),
                arguments(Visibility.ORGANIZATION, Viewer.MANAGER, true),
                arguments(Visibility.ORGANIZATION, Viewer.ADMIN, true),
                arguments(Visibility.ORGANIZATION, Viewer.COLLEAGUE_IN_OTHER_TEAM, true),
                arguments(Visibility.ORGANIZATION, Viewer.MEMBER_OF_OTHER_ORGANIZATION, false));
    }

    @ParameterizedTest(name = "{0} commitment, {1} sees it: {2}")
    @MethodSource("matrix")
    void showsCommitmentOnlyToThoseThePolicyAllows(Visibility visibility, Viewer viewer, boolean sees) {
        Account who = viewers.get(viewer);
        UUID id = commitments.get(visibility);
        UUID owner = viewers.get(Viewer.OWNER).personId();

        ApiResponse item = api.get(who.token(), "/api/v1/commitments/" + id);
        List<String> listed = ids(api.get(who.token(), "/api/v1/commitments"));
        List<String> listedForOwner = ids(api.get(who.token(), "/api/v1/commitments?owner=" + owner));

        if (sees) {
            item.expect(200);
            assertThat(item.id()).isEqualTo(id);
            assertThat(listed).contains(id.toString());
            assertThat(listedForOwner).contains(id.toString());
        } else {
            ApiResponse nonexistent = api.get(who.token(), "/api/v1/commitments/" + UUID.randomUUID());
            item.expectProblem(404);
            nonexistent.expectProblem(404);
            assertThat(item.contentType()).isEqualTo(nonexistent.contentType());
            assertThat(withoutInstance(item)).isEqualTo(withoutInstance(nonexistent));
            assertThat(listed).doesNotContain(id.toString());
            assertThat(listedForOwner).doesNotContain(id.toString());
        }
    }

    private static List<String> ids(ApiResponse list) {
        list.expect(200);
        return list.json().findValuesAsString("id");
    }

    private static JsonNode withoutInstance(ApiResponse response) {
        ObjectNode body = (ObjectNode) response.json();
        body.remove("instance");
        return body;
    }
}
