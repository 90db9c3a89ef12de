package dev.kept.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.StatementCounter;
import dev.kept.shared.NamedChoice;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A goal, its map and the goal lists at scale: summaries counted in the database instead of every
 * commitment, lists a page at a time, and the same number of SQL statements for a tree and for one
 * ten times larger.
 */
@KeptApiTest
class GoalListTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatementCounter counter;

    /** An organization with a team of two, a goal tree and commitments serving it. */
    private record Org(Account admin, Account member, UUID team, UUID root, List<UUID> beneath) {}

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private Org organization(int children, int grandchildren, int commitments, int servingRootDirectly) {
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("Platform"));
        Account member = api.join(admin, Map.of("teamId", team.toString()));
        Account other = api.join(admin, Map.of("teamId", team.toString()));
        GoalFixtures fixtures = new GoalFixtures(jdbc);
        UUID root = fixtures.goal(admin, "Customers succeed", null, null, today().plusDays(90), clock.instant());
        List<UUID> beneath =
                fixtures.tree(admin, root, team, children, grandchildren, today().plusDays(60), clock.instant());
        List<UUID> all = new ArrayList<>(beneath);
        all.add(root);
        fixtures.serving(List.of(member, other, admin), all, commitments, today(), clock.instant());
        fixtures.serving(List.of(member, other), List.of(root), servingRootDirectly, today(), clock.instant());
        return new Org(admin, member, team, root, beneath);
    }

    private long counted(Account who, String path) {
        return counter.statementsOf(key -> api.getCounted(who.token(), path, key));
    }

    @Test
    void aGoalItsMapAndItsListsRunTheSameStatementsForATreeTenTimesLarger() {
        Org small = organization(5, 2, 20, 20);
        Org large = organization(50, 2, 200, 200);

        // Each path, with the most statements it may run (the policy reads the viewer on each check).
        Map<String, Integer> most = new java.util.LinkedHashMap<>();
        most.put("/api/v1/goals/{root}", 20);
        most.put("/api/v1/goals/{root}/map", 40);
        most.put("/api/v1/goals/{root}/commitments", 10);
        most.put("/api/v1/goals", 10);
        most.put("/api/v1/goals?parentId={root}", 10);
        most.forEach((path, ceiling) -> {
            long smallCount =
                    counted(small.member(), path.replace("{root}", small.root().toString()));
            long largeCount =
                    counted(large.member(), path.replace("{root}", large.root().toString()));
            assertThat(largeCount).as(path).isEqualTo(smallCount).isLessThanOrEqualTo(ceiling);
        });

        JsonNode detail = api.get(large.member().token(), "/api/v1/goals/" + large.root())
                .expect(200)
                .json();
        assertThat(detail.get("children").size()).isEqualTo(50);
        assertThat(detail.at("/commitments/items").size()).isEqualTo(50);
        assertThat(detail.at("/commitments/next").asString())
                .contains("/api/v1/goals/" + large.root() + "/commitments?");
        // Every commitment is counted once: 400 in all, seen or hidden.
        assertThat(detail.at("/total/visible").asLong()
                        + detail.at("/total/hidden").asLong())
                .isEqualTo(400);
        long children = 0;
        for (JsonNode child : detail.get("children")) {
            children += child.at("/tally/visible").asLong()
                    + child.at("/tally/hidden").asLong();
        }
        assertThat(children
                        + detail.at("/here/visible").asLong()
                        + detail.at("/here/hidden").asLong())
                .isEqualTo(400);
        // The member sees organization and team commitments, and their own private ones.
        assertThat(detail.at("/total/hidden").asLong()).isPositive();
        assertThat(detail.at("/total/kept").asLong()).isPositive();
        assertThat(detail.at("/total/overdue").asLong()).isPositive();
        assertThat(detail.at("/total/atRisk").asLong()).isPositive();

        JsonNode map = api.get(large.member().token(), "/api/v1/goals/" + large.root() + "/map")
                .expect(200)
                .json();
        assertThat(map.get("children").size()).isEqualTo(50);
        assertThat(map.at("/commitments/items").size()).isEqualTo(50);
        assertThat(map.at("/total")).isEqualTo(detail.at("/total"));
        assertThat(map.toString().length()).isLessThan(120_000);
    }

    @Test
    void theGoalPagesRunTheSameStatementsForATreeAndTeamsTenTimesLarger() {
        Org small = organization(5, 2, 20, 20);
        Org large = organization(50, 2, 200, 200);
        for (int i = 0; i < 2; i++) {
            api.team(small.admin(), ApiFixtures.unique("Team"));
        }
        for (int i = 0; i < 20; i++) {
            api.team(large.admin(), ApiFixtures.unique("Team"));
        }
        String smallMember = api.pageSession(small.member());
        String largeMember = api.pageSession(large.member());
        String smallAdmin = api.pageSession(small.admin());
        String largeAdmin = api.pageSession(large.admin());

        for (String path : List.of("/goals", "/goals?parentId={root}", "/goals/{root}", "/goals/{root}/map")) {
            long member = pageStatements(
                    smallMember, path.replace("{root}", small.root().toString()));
            long memberLarge = pageStatements(
                    largeMember, path.replace("{root}", large.root().toString()));
            long admin = pageStatements(
                    smallAdmin, path.replace("{root}", small.root().toString()));
            long adminLarge = pageStatements(
                    largeAdmin, path.replace("{root}", large.root().toString()));
            assertThat(memberLarge).as("a member's " + path).isEqualTo(member);
            assertThat(adminLarge).as("an admin's " + path).isEqualTo(admin);
        }
        // The form's search field offers a bounded first set of goals, not the whole tree.
        String beneath = api.getPageCounted(largeAdmin, "/goals?parentId=" + large.root(), "x")
                .body();
        String choices = beneath.substring(beneath.indexOf("<datalist id=\"parentName-choices\""));
        choices = choices.substring(0, choices.indexOf("</datalist>"));
        assertThat(choices.split("<option ").length - 1).isEqualTo(NamedChoice.MOST);
    }

    @Test
    void aCommitmentFormOffersTheOrganizationsGoalsAndTheTeamsNotEveryTeamsGoals() {
        Org org = organization(3, 1, 0, 0);
        UUID elsewhere = api.team(org.admin(), ApiFixtures.unique("Elsewhere"));
        UUID theirs = new GoalFixtures(jdbc)
                .goal(org.admin(), "Their own goal", elsewhere, org.root(), today().plusDays(30), clock.instant());
        String session = api.pageSession(org.member());

        String form = api.getPageCounted(session, "/commitments/new", "form").body();
        String offered = form.substring(form.indexOf("<datalist id=\"goalName-choices\""));
        offered = offered.substring(0, offered.indexOf("</datalist>"));
        assertThat(offered).contains(title(org.root())).doesNotContain("Their own goal");
        for (UUID mine : org.beneath()) {
            assertThat(offered).contains(title(mine));
        }

        String filtered = api.getPageCounted(session, "/commitments?goal=" + theirs, "filter")
                .body();
        String filter = filtered.substring(filtered.indexOf("<datalist id=\"filter-goal-choices\""));
        filter = filter.substring(0, filter.indexOf("</datalist>"));
        assertThat(filter).contains("Their own goal").contains(title(org.root()));
        assertThat(filtered).contains("name=\"goalName\" value=\"Their own goal\"");
    }

    /** The option a search field offers for this goal: its title. */
    private String title(UUID goal) {
        String title = jdbc.sql("select title from goal where id = :id")
                .param("id", goal)
                .query(String.class)
                .single();
        return "<option value=\"" + title + "\"";
    }

    private long pageStatements(String session, String path) {
        return counter.statementsOf(key -> api.getPageCounted(session, path, key));
    }

    @Test
    void listsTheCommitmentsServingAGoalAPageAtATimeOpenOnesFirst() {
        Org org = organization(0, 0, 0, 0);
        GoalFixtures fixtures = new GoalFixtures(jdbc);
        fixtures.serving(List.of(org.member()), List.of(org.root()), 10, today(), clock.instant());
        // 10 of the member's own: 2 closed (kept), 8 open; the member sees them all.
        String path = "/api/v1/goals/" + org.root() + "/commitments";

        List<JsonNode> pages = api.pagesOf(org.member().token(), path + "?limit=4");
        List<JsonNode> seen = ApiFixtures.itemsOf(pages);

        assertThat(pages).hasSize(3);
        assertThat(seen).hasSize(10);
        assertThat(seen.stream().map(c -> c.get("id").asString()).distinct()).hasSize(10);
        List<String> statuses =
                seen.stream().map(c -> c.get("status").asString()).toList();
        assertThat(statuses.subList(0, 8)).containsOnly("OPEN");
        assertThat(statuses.subList(8, 10)).containsOnly("CLOSED");
        List<LocalDate> openDue = seen.subList(0, 8).stream()
                .map(c -> LocalDate.parse(c.get("due").asString()))
                .toList();
        assertThat(openDue).isSorted();
        assertThat(seen.get(0).get("overdue").asBoolean()).isTrue();

        api.expectPagingRefused(org.member().token(), path);
        // A well-formed cursor of another list (a token's instant) is refused too.
        String forged = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("2026-01-01T00:00:00Z|" + UUID.randomUUID()).getBytes());
        assertThat(api.get(org.member().token(), path + "?cursor=" + forged)
                        .expectProblem(400)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("cursor");
        api.get(api.signUp().token(), path).expectProblem(404);
    }

    @Test
    void listsTheGoalsOneLevelAtATimeAPageAtATime() {
        Org org = organization(7, 1, 0, 0);
        GoalFixtures fixtures = new GoalFixtures(jdbc);
        clock.advance(Duration.ofMinutes(1));
        UUID later = fixtures.goal(org.admin(), "Later", null, null, today().plusDays(200), clock.instant());
        UUID teamTop =
                fixtures.goal(org.admin(), "Team's own", org.team(), null, today().plusDays(10), clock.instant());

        List<JsonNode> top = api.pagesOf(org.member().token(), "/api/v1/goals?limit=2");
        assertThat(top).hasSize(2);
        assertThat(top.get(0).get("items").findValuesAsString("id"))
                .containsExactly(org.root().toString(), later.toString());
        assertThat(top.get(1).get("items").findValuesAsString("id")).containsExactly(teamTop.toString());

        List<JsonNode> beneath = api.followPages(org.member().token(), "/api/v1/goals?limit=3&parentId=" + org.root());
        assertThat(beneath)
                .allSatisfy(
                        child -> assertThat(child.get("goalsBeneath").asLong()).isEqualTo(1));
        List<String> children =
                beneath.stream().map(child -> child.get("id").asString()).toList();
        assertThat(children).hasSize(7).doesNotHaveDuplicates();
        assertThat(children)
                .containsExactlyInAnyOrderElementsOf(org.beneath().stream()
                        .filter(id -> jdbc.sql("select parent_id from goal where id = :id")
                                .param("id", id)
                                .query(UUID.class)
                                .single()
                                .equals(org.root()))
                        .map(UUID::toString)
                        .toList());

        api.expectPagingRefused(org.member().token(), "/api/v1/goals", "parentId=abc");
    }
}
