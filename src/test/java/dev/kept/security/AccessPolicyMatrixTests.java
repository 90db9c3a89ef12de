package dev.kept.security;

import static dev.kept.ApiFixtures.assertProblem;
import static dev.kept.ApiFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Member;
import dev.kept.ApiFixtures.Response;
import dev.kept.MovableClock;
import java.util.ArrayList;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who sees a commitment, over the API, for each visibility and each kind of viewer. The
 * organization: the owner and a teammate in team T1; the owner's manager and a colleague in team
 * T2; the admin in no team; and a member of another organization. A commitment a viewer may not see
 * answers exactly like an id that does not exist, and is left out of their list.
 *
 * <p>The organization and its four commitments are set up once and only read by the matrix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.TestConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessPolicyMatrixTests {

    private static final String MATRIX = """
            visibility     owner  teammate  manager  admin  colleague  outsider
            PRIVATE        sees   -         -        -      -          -
            PARTNERS       sees   -         -        -      -          -
            TEAM           sees   sees      -        -      -          -
            ORGANIZATION   sees   sees      sees     sees   sees       -
            """;

    enum Viewer {
        OWNER,
        TEAMMATE,
        MANAGER,
        ADMIN,
        COLLEAGUE,
        OUTSIDER
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    private ApiFixtures api;
    private final Map<Viewer, Member> viewers = new EnumMap<>(Viewer.class);
    private final Map<Visibility, UUID> commitments = new EnumMap<>(Visibility.class);

    @BeforeAll
    void setUpTheOrganization() {
        api = new ApiFixtures(port, jdbc, clock);
        Member admin = api.signUp();
        UUID t1 = api.post("/api/v1/teams", admin, json("name", "T1")).id();
        UUID t2 = api.post("/api/v1/teams", admin, json("name", "T2")).id();
        Member manager = api.join(admin, "Manager", "teamId", t2.toString());
        Member owner = api.join(admin, "Owner", "teamId", t1.toString());
        Response managed = api.patch(
                "/api/v1/people/" + owner.id(),
                admin,
                json("managerId", manager.id().toString()));
        assertThat(managed.status()).as("%s", managed).isEqualTo(200);
        viewers.put(Viewer.OWNER, owner);
        viewers.put(Viewer.TEAMMATE, api.join(admin, "Teammate", "teamId", t1.toString()));
        viewers.put(Viewer.MANAGER, manager);
        viewers.put(Viewer.ADMIN, admin);
        viewers.put(Viewer.COLLEAGUE, api.join(admin, "Colleague", "teamId", t2.toString()));
        viewers.put(Viewer.OUTSIDER, api.signUp());
        for (Visibility visibility : Visibility.values()) {
            UUID id = UUID.fromString(
                    api.commit(owner, visibility.name(), 7).get("id").asString());
            commitments.put(visibility, id);
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        List<String> rows = MATRIX.strip().lines().toList();
        List<String> header = List.of(rows.get(0).trim().split("\\s+"));
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.trim().split("\\s+");
            for (int column = 1; column < cells.length; column++) {
                cases.add(Arguments.of(
                        Visibility.valueOf(cells[0]),
                        Viewer.valueOf(header.get(column).toUpperCase()),
                        cells[column].equals("sees")));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} commitment, {1} sees it: {2}")
    @MethodSource("matrix")
    void showsACommitmentOnlyToThoseItIsSharedWith(Visibility visibility, Viewer viewer, boolean sees) {
        Member member = viewers.get(viewer);
        UUID id = commitments.get(visibility);

        Response one = api.get("/api/v1/commitments/" + id, member);
        Response list = api.get("/api/v1/commitments", member);
        Response owners =
                api.get("/api/v1/commitments?owner=" + viewers.get(Viewer.OWNER).id(), member);

        assertThat(list.status()).isEqualTo(200);
        assertThat(owners.status()).isEqualTo(200);
        if (sees) {
            assertThat(one.status()).as("%s", one).isEqualTo(200);
            assertThat(one.id()).isEqualTo(id);
            assertThat(list.ids()).contains(id);
            assertThat(owners.ids()).contains(id);
        } else {
            Response unknown = api.get("/api/v1/commitments/" + UUID.randomUUID(), member);
            assertProblem(one, 404);
            assertThat(one.problemWithoutInstance()).isEqualTo(unknown.problemWithoutInstance());
            assertThat(one.headers().getContentType())
                    .isEqualTo(unknown.headers().getContentType());
            assertThat(list.ids()).doesNotContain(id);
            assertThat(owners.ids()).doesNotContain(id);
        }
    }
}
