package dev.kept.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Goals over the API: who may set and change them, the rules of the tree, who sees them, and the
 * commitments that serve a goal, shown as far as the viewer may see them and otherwise only counted.
 */
@KeptApiTest
class GoalApiTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private LocalDate inDays(int days) {
        return LocalDate.now(clock).plusDays(days);
    }

    private Map<String, Object> terms(String title, UUID teamId, UUID parentId) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("title", title);
        terms.put("why", "Customers stay when they succeed early");
        terms.put("doneWhen", "Nine in ten new customers are active after their first month");
        terms.put("due", inDays(90).toString());
        if (teamId != null) {
            terms.put("teamId", teamId.toString());
        }
        if (parentId != null) {
            terms.put("parentId", parentId.toString());
        }
        return terms;
    }

    private UUID goal(Account who, String title, UUID teamId, UUID parentId) {
        return api.post(who.token(), "/api/v1/goals", terms(title, teamId, parentId))
                .expect(201)
                .id();
    }

    /** A team led by a new member, who is returned with the team's id. */
    private record Led(Account lead, UUID team) {}

    private Led team(Account admin) {
        Account lead = api.join(admin);
        UUID team = api.team(admin, ApiFixtures.unique("Team"), lead);
        return new Led(lead, team);
    }

    private long goalsOf(Account anyone) {
        return jdbc.sql("select count(*) from goal where organization_id = :organization")
                .param("organization", anyone.organizationId())
                .query(Long.class)
                .single();
    }

    // --- setting and changing goals ---------------------------------------------------------

    @Test
    void adminSetsAnOrganizationGoalAndReadsItBack() {
        Account admin = api.signUp();

        ApiResponse set = api.post(admin.token(), "/api/v1/goals", terms("Customers succeed in month one", null, null));

        set.expect(201);
        UUID id = set.id();
        assertThat(set.headers().getFirst(HttpHeaders.LOCATION)).endsWith("/api/v1/goals/" + id);
        JsonNode goal = set.json();
        assertThat(goal.get("title").asString()).isEqualTo("Customers succeed in month one");
        assertThat(goal.get("why").asString()).isEqualTo("Customers stay when they succeed early");
        assertThat(goal.get("doneWhen").asString()).startsWith("Nine in ten");
        assertThat(goal.get("due").asString()).isEqualTo(inDays(90).toString());
        assertThat(goal.get("teamId").isNull()).isTrue();
        assertThat(goal.get("parentId").isNull()).isTrue();
        assertThat(goal.get("createdBy").asString()).isEqualTo(admin.personId().toString());
        assertThat(goal.get("version").asLong()).isZero();
        assertThat(goal.get("canChange").asBoolean()).isTrue();

        JsonNode read =
                api.get(admin.token(), "/api/v1/goals/" + id).expect(200).json();
        assertThat(read.get("id").asString()).isEqualTo(id.toString());
        assertThat(read.get("title").asString()).isEqualTo("Customers succeed in month one");
        assertThat(read.get("children").size()).isZero();
        assertThat(read.at("/commitments/items").size()).isZero();
        assertThat(read.at("/commitments/next").isNull()).isTrue();
        assertThat(read.at("/total/visible").asLong()).isZero();
        assertThat(read.get("hiddenCommitments").asLong()).isZero();
    }

    @Test
    void teamLeadSetsTheirTeamsGoalsOnly() {
        Account admin = api.signUp();
        Led platform = team(admin);
        Led sales = team(admin);

        JsonNode goal = api.post(
                        platform.lead().token(),
                        "/api/v1/goals",
                        terms("Deploys take minutes, not hours", platform.team(), null))
                .expect(201)
                .json();
        assertThat(goal.get("teamId").asString()).isEqualTo(platform.team().toString());
        assertThat(goal.get("teamName").asString()).startsWith("Team-");

        api.post(platform.lead().token(), "/api/v1/goals", terms("Close more deals", sales.team(), null))
                .expectProblem(403);
        api.post(platform.lead().token(), "/api/v1/goals", terms("A company-wide goal", null, null))
                .expectProblem(403);
        assertThat(goalsOf(admin)).isEqualTo(1);
    }

    @Test
    void memberWhoLeadsNoTeamSetsAndChangesNoGoal() {
        Account admin = api.signUp();
        Led platform = team(admin);
        Account member = api.join(admin);
        UUID organizationGoal = goal(admin, "Customers succeed in month one", null, null);

        api.post(member.token(), "/api/v1/goals", terms("My own direction", null, null))
                .expectProblem(403);
        api.post(member.token(), "/api/v1/goals", terms("Platform, my way", platform.team(), null))
                .expectProblem(403);
        api.patch(member.token(), "/api/v1/goals/" + organizationGoal, Map.of("version", 0, "title", "Renamed"))
                .expectProblem(403);

        assertThat(goalsOf(admin)).isEqualTo(1);
        JsonNode stored = api.get(member.token(), "/api/v1/goals/" + organizationGoal)
                .expect(200)
                .json();
        assertThat(stored.get("title").asString()).isEqualTo("Customers succeed in month one");
        assertThat(stored.get("canChange").asBoolean()).isFalse();
    }

    @Test
    void leadChangesTheirTeamsGoalAndAnAdminAnyGoal() {
        Account admin = api.signUp();
        Led platform = team(admin);
        Led sales = team(admin);
        UUID organizationGoal = goal(admin, "Customers succeed in month one", null, null);
        UUID teamGoal = goal(platform.lead(), "Deploys take minutes", platform.team(), null);

        JsonNode changed = api.patch(
                        platform.lead().token(),
                        "/api/v1/goals/" + teamGoal,
                        Map.of(
                                "version",
                                0,
                                "title",
                                "Deploys take five minutes",
                                "parentId",
                                organizationGoal.toString()))
                .expect(200)
                .json();
        assertThat(changed.get("title").asString()).isEqualTo("Deploys take five minutes");
        assertThat(changed.get("parentId").asString()).isEqualTo(organizationGoal.toString());
        assertThat(changed.get("why").asString()).isEqualTo("Customers stay when they succeed early");
        assertThat(changed.get("version").asLong()).isEqualTo(1);

        api.patch(
                        platform.lead().token(),
                        "/api/v1/goals/" + organizationGoal,
                        Map.of("version", 0, "title", "Mine now"))
                .expectProblem(403);
        api.patch(
                        platform.lead().token(),
                        "/api/v1/goals/" + teamGoal,
                        Map.of("version", 1, "teamId", sales.team().toString()))
                .expectProblem(403);
        api.patch(sales.lead().token(), "/api/v1/goals/" + teamGoal, Map.of("version", 1, "title", "Ours now"))
                .expectProblem(403);

        api.patch(
                        admin.token(),
                        "/api/v1/goals/" + teamGoal,
                        Map.of("version", 1, "teamId", sales.team().toString()))
                .expect(200);
        JsonNode moved =
                api.get(sales.lead().token(), "/api/v1/goals/" + teamGoal).json();
        assertThat(moved.get("teamId").asString()).isEqualTo(sales.team().toString());
        assertThat(moved.get("title").asString()).isEqualTo("Deploys take five minutes");
        assertThat(moved.get("canChange").asBoolean()).isTrue();
        assertThat(api.get(admin.token(), "/api/v1/goals/" + organizationGoal).text("title"))
                .isEqualTo("Customers succeed in month one");
    }

    @Test
    void staleEditAnswers409AndOverwritesNothing() {
        Account admin = api.signUp();
        UUID id = goal(admin, "Customers succeed in month one", null, null);
        api.patch(admin.token(), "/api/v1/goals/" + id, Map.of("version", 0, "title", "First edit wins"))
                .expect(200);

        api.patch(admin.token(), "/api/v1/goals/" + id, Map.of("version", 0, "title", "From an old tab"))
                .expectProblem(409);

        JsonNode stored = api.get(admin.token(), "/api/v1/goals/" + id).json();
        assertThat(stored.get("title").asString()).isEqualTo("First edit wins");
        assertThat(stored.get("version").asLong()).isEqualTo(1);
    }

    // --- validation -------------------------------------------------------------------------

    @Test
    void refusesInvalidFieldsNamingEach() {
        Account admin = api.signUp();
        Map<String, Object> bad = terms(" ", null, null);
        bad.put("why", "w".repeat(2001));
        bad.put("doneWhen", "d".repeat(1001));
        bad.remove("due");

        ApiResponse refused = api.post(admin.token(), "/api/v1/goals", bad);

        refused.expectProblem(400);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("title", "why", "doneWhen", "due");

        Map<String, Object> tooLong = terms("t".repeat(201), null, null);
        assertThat(api.post(admin.token(), "/api/v1/goals", tooLong).errorFields())
                .containsExactly("title");
        assertThat(goalsOf(admin)).isZero();

        UUID id = goal(admin, "Customers succeed in month one", null, null);
        ApiResponse blankEdit = api.patch(admin.token(), "/api/v1/goals/" + id, Map.of("version", 0, "title", "  "));
        blankEdit.expectProblem(400);
        assertThat(blankEdit.errorFields()).containsExactly("title");
        assertThat(api.patch(admin.token(), "/api/v1/goals/" + id, Map.of("title", "No version"))
                        .errorFields())
                .containsExactly("version");
    }

    @Test
    void refusesADueDateInThePast() {
        Account admin = api.signUp();
        Map<String, Object> past = terms("Customers succeed in month one", null, null);
        past.put("due", inDays(-1).toString());

        JsonNode problem = api.post(admin.token(), "/api/v1/goals", past).expectProblem(422);

        assertThat(problem.get("reason").asString()).isEqualTo("DUE_IN_PAST");
        assertThat(problem.get("field").asString()).isEqualTo("due");
        assertThat(goalsOf(admin)).isZero();

        UUID id = goal(admin, "Customers succeed in month one", null, null);
        assertThat(api.patch(
                                admin.token(),
                                "/api/v1/goals/" + id,
                                Map.of("version", 0, "due", inDays(-3).toString()))
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("DUE_IN_PAST");
        assertThat(api.get(admin.token(), "/api/v1/goals/" + id).text("due"))
                .isEqualTo(inDays(90).toString());
    }

    @Test
    void refusesAnUnknownTeamOrParentIncludingAnotherOrganizations() {
        Account admin = api.signUp();
        Account stranger = api.signUp();
        UUID theirTeam = api.team(stranger, ApiFixtures.unique("Theirs"));
        UUID theirGoal = goal(stranger, "Their direction", null, null);

        for (UUID team : List.of(UUID.randomUUID(), theirTeam)) {
            JsonNode problem = api.post(admin.token(), "/api/v1/goals", terms("Ours", team, null))
                    .expectProblem(422);
            assertThat(problem.get("reason").asString()).isEqualTo("UNKNOWN_TEAM");
            assertThat(problem.get("field").asString()).isEqualTo("teamId");
        }
        for (UUID parent : List.of(UUID.randomUUID(), theirGoal)) {
            JsonNode problem = api.post(admin.token(), "/api/v1/goals", terms("Ours", null, parent))
                    .expectProblem(422);
            assertThat(problem.get("reason").asString()).isEqualTo("UNKNOWN_GOAL");
            assertThat(problem.get("field").asString()).isEqualTo("parentId");
        }
        assertThat(goalsOf(admin)).isZero();

        UUID ours = goal(admin, "Ours", null, null);
        assertThat(api.patch(
                                admin.token(),
                                "/api/v1/goals/" + ours,
                                Map.of("version", 0, "parentId", theirGoal.toString()))
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("UNKNOWN_GOAL");
    }

    // --- the tree ---------------------------------------------------------------------------

    @Test
    void listsGoalsAsATreeOrganizationGoalsFirstEachWithItsParent() {
        Account admin = api.signUp();
        Led platform = team(admin);
        UUID later = api.post(
                        admin.token(),
                        "/api/v1/goals",
                        withDue(terms("Expand to a second region", null, null), inDays(300)))
                .expect(201)
                .id();
        UUID sooner = goal(admin, "Customers succeed in month one", null, null);
        UUID teamGoal = goal(platform.lead(), "Onboarding takes a day", platform.team(), sooner);
        UUID unlinked = goal(platform.lead(), "Deploys take minutes", platform.team(), null);
        UUID subGoal = goal(platform.lead(), "Self-serve sign-up", platform.team(), teamGoal);

        JsonNode top = api.get(admin.token(), "/api/v1/goals").expect(200).json();
        JsonNode beneathSooner = api.get(admin.token(), "/api/v1/goals?parentId=" + sooner)
                .expect(200)
                .json();
        JsonNode beneathTeamGoal = api.get(admin.token(), "/api/v1/goals?parentId=" + teamGoal)
                .expect(200)
                .json();

        // One level at a time: organization goals first, then by due date; each says how many lie beneath.
        assertThat(top.get("items").findValuesAsString("id"))
                .containsExactly(sooner.toString(), later.toString(), unlinked.toString());
        assertThat(top.at("/items/0/goalsBeneath").asLong()).isEqualTo(1);
        assertThat(top.at("/items/1/goalsBeneath").asLong()).isZero();
        assertThat(top.get("next").isNull()).isTrue();
        assertThat(beneathSooner.get("items").findValuesAsString("id")).containsExactly(teamGoal.toString());
        assertThat(beneathSooner.at("/items/0/parentId").asString()).isEqualTo(sooner.toString());
        assertThat(beneathSooner.at("/items/0/goalsBeneath").asLong()).isEqualTo(1);
        assertThat(beneathTeamGoal.get("items").findValuesAsString("id")).containsExactly(subGoal.toString());
        assertThat(beneathTeamGoal.at("/items/0/parentId").asString()).isEqualTo(teamGoal.toString());
        api.get(admin.token(), "/api/v1/goals?parentId=" + UUID.randomUUID()).expectProblem(404);

        JsonNode detail = api.get(admin.token(), "/api/v1/goals/" + sooner).json();
        assertThat(detail.get("children").findValuesAsString("id")).containsExactly(teamGoal.toString());
        JsonNode child = api.get(admin.token(), "/api/v1/goals/" + teamGoal).json();
        assertThat(child.at("/parent/id").asString()).isEqualTo(sooner.toString());
    }

    @Test
    void refusesALoopInTheTreeAndChangesNothing() {
        Account admin = api.signUp();
        UUID top = goal(admin, "Customers succeed", null, null);
        UUID middle = goal(admin, "Onboarding takes a day", null, top);
        UUID bottom = goal(admin, "Self-serve sign-up", null, middle);

        for (UUID parent : List.of(bottom, middle, top)) {
            JsonNode problem = api.patch(
                            admin.token(), "/api/v1/goals/" + top, Map.of("version", 0, "parentId", parent.toString()))
                    .expectProblem(422);
            assertThat(problem.get("reason").asString()).isEqualTo("GOAL_LOOP");
            assertThat(problem.get("field").asString()).isEqualTo("parentId");
        }

        JsonNode stored = api.get(admin.token(), "/api/v1/goals/" + top).json();
        assertThat(stored.get("parentId").isNull()).isTrue();
        assertThat(stored.get("version").asLong()).isZero();
        // moving a goal elsewhere in the tree without a loop is fine
        UUID other = goal(admin, "Expand to a second region", null, null);
        api.patch(admin.token(), "/api/v1/goals/" + bottom, Map.of("version", 0, "parentId", other.toString()))
                .expect(200);
        api.patch(admin.token(), "/api/v1/goals/" + top, Map.of("version", 0, "parentId", bottom.toString()))
                .expect(200);
    }

    @Test
    void keepsOrganizationGoalsAboveTeamGoals() {
        Account admin = api.signUp();
        Led platform = team(admin);
        UUID teamGoal = goal(admin, "Deploys take minutes", platform.team(), null);
        UUID organizationGoal = goal(admin, "Customers succeed", null, null);
        UUID beneath = goal(admin, "Onboarding takes a day", null, organizationGoal);

        JsonNode underTeam = api.post(admin.token(), "/api/v1/goals", terms("Company-wide", null, teamGoal))
                .expectProblem(422);
        assertThat(underTeam.get("reason").asString()).isEqualTo("PARENT_IS_TEAM_GOAL");

        JsonNode becomingTeamGoal = api.patch(
                        admin.token(),
                        "/api/v1/goals/" + organizationGoal,
                        Map.of("version", 0, "teamId", platform.team().toString()))
                .expectProblem(422);
        assertThat(becomingTeamGoal.get("reason").asString()).isEqualTo("PARENT_IS_TEAM_GOAL");
        assertThat(becomingTeamGoal.get("field").asString()).isEqualTo("teamId");
        assertThat(api.get(admin.token(), "/api/v1/goals/" + organizationGoal)
                        .json()
                        .get("teamId")
                        .isNull())
                .isTrue();
        assertThat(api.get(admin.token(), "/api/v1/goals/" + beneath).text("parentId"))
                .isEqualTo(organizationGoal.toString());
    }

    // --- who sees goals ---------------------------------------------------------------------

    @Test
    void answersGuestsAndOtherOrganizationsAsIfGoalsDidNotExist() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        Account guest = api.guest(member, "COACH");
        Account stranger = api.signUp();
        UUID id = goal(admin, "Customers succeed in month one " + UUID.randomUUID(), null, null);
        String title = api.get(admin.token(), "/api/v1/goals/" + id).text("title");

        assertThat(api.get(member.token(), "/api/v1/goals/" + id).text("title")).isEqualTo(title);
        for (Account outsider : List.of(guest, stranger)) {
            ApiResponse one = api.get(outsider.token(), "/api/v1/goals/" + id);
            one.expectProblem(404);
            assertThat(one.body()).doesNotContain(title);
            api.patch(outsider.token(), "/api/v1/goals/" + id, Map.of("version", 0, "title", "Taken over"))
                    .expectProblem(404);
        }
        api.get(guest.token(), "/api/v1/goals").expectProblem(404);
        api.post(guest.token(), "/api/v1/goals", terms("A guest's goal", null, null))
                .expectProblem(404);
        ApiResponse theirList = api.get(stranger.token(), "/api/v1/goals").expect(200);
        assertThat(theirList.json().get("items").size()).isZero();
        assertThat(api.get(admin.token(), "/api/v1/goals/" + id).text("title")).isEqualTo(title);
        assertThat(goalsOf(admin)).isEqualTo(1);
    }

    // --- the commitments serving a goal ----------------------------------------------------

    @Test
    void showsTheCommitmentsAViewerMaySeeAndOnlyCountsTheOthers() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account colleague = api.join(admin);
        UUID goal = goal(admin, "Customers succeed in month one", null, null);
        String secret = "private plan " + UUID.randomUUID();
        UUID hidden = serving(owner, goal, "PRIVATE", secret);
        UUID teamOnly = serving(owner, goal, "TEAM", "team plan " + UUID.randomUUID());
        String open = "open plan " + UUID.randomUUID();
        UUID shown = serving(owner, goal, "ORGANIZATION", open);
        api.commit(owner, inDays(10), "ORGANIZATION"); // serves no goal

        ApiResponse seenByColleague =
                api.get(colleague.token(), "/api/v1/goals/" + goal).expect(200);

        JsonNode detail = seenByColleague.json();
        assertThat(detail.get("commitments").findValuesAsString("id")).containsExactly(shown.toString());
        assertThat(detail.at("/commitments/items/0/what").asString()).isEqualTo(open);
        assertThat(detail.at("/commitments/items/0/ownerName").asString()).isEqualTo(owner.name());
        assertThat(detail.at("/commitments/items/0/goalId").asString()).isEqualTo(goal.toString());
        assertThat(detail.get("hiddenCommitments").asLong()).isEqualTo(2);
        assertThat(detail.at("/here/visible").asLong()).isEqualTo(1);
        assertThat(detail.at("/here/open").asLong()).isEqualTo(1);
        assertThat(detail.at("/here/hidden").asLong()).isEqualTo(2);
        assertThat(seenByColleague.body())
                .doesNotContain(secret)
                .doesNotContain(hidden.toString())
                .doesNotContain(teamOnly.toString());

        JsonNode seenByOwner = api.get(owner.token(), "/api/v1/goals/" + goal).json();
        assertThat(seenByOwner.get("commitments").findValuesAsString("id"))
                .containsExactlyInAnyOrder(hidden.toString(), teamOnly.toString(), shown.toString());
        assertThat(seenByOwner.get("hiddenCommitments").asLong()).isZero();

        JsonNode seenByAdmin = api.get(admin.token(), "/api/v1/goals/" + goal).json();
        assertThat(seenByAdmin.get("commitments").findValuesAsString("id")).containsExactly(shown.toString());
        assertThat(seenByAdmin.get("hiddenCommitments").asLong()).isEqualTo(2);
    }

    @Test
    void aGoalListsTheCommitmentsServingItAndCountsThoseOfTheGoalsBeneathIt() {
        Account admin = api.signUp();
        Led platform = team(admin);
        UUID top = goal(admin, "Customers succeed in month one", null, null);
        UUID teamGoal = goal(platform.lead(), "Onboarding takes a day", platform.team(), top);
        UUID sibling = goal(admin, "Expand to a second region", null, null);
        UUID direct = serving(admin, top, "ORGANIZATION", "direct " + UUID.randomUUID());
        UUID beneath = serving(platform.lead(), teamGoal, "ORGANIZATION", "beneath " + UUID.randomUUID());
        String secret = "private " + UUID.randomUUID();
        serving(platform.lead(), teamGoal, "PRIVATE", secret);
        UUID elsewhere = serving(admin, sibling, "ORGANIZATION", "elsewhere " + UUID.randomUUID());

        ApiResponse answer = api.get(admin.token(), "/api/v1/goals/" + top).expect(200);
        JsonNode detail = answer.json();

        assertThat(detail.at("/commitments/items").findValuesAsString("id")).containsExactly(direct.toString());
        assertThat(answer.body()).doesNotContain(beneath.toString()).doesNotContain(elsewhere.toString());
        assertThat(answer.body()).doesNotContain(secret);
        assertThat(detail.get("hiddenCommitments").asLong()).isEqualTo(1);
        assertThat(detail.at("/total/visible").asLong()).isEqualTo(2);
        assertThat(detail.at("/total/hidden").asLong()).isEqualTo(1);
        assertThat(detail.at("/children/0/id").asString()).isEqualTo(teamGoal.toString());
        assertThat(detail.at("/children/0/tally/visible").asLong()).isEqualTo(1);
        assertThat(detail.at("/children/0/tally/open").asLong()).isEqualTo(1);
        assertThat(detail.at("/children/0/tally/hidden").asLong()).isEqualTo(1);
        JsonNode platformTeam = null;
        for (JsonNode team : detail.get("teams")) {
            if (platform.team().toString().equals(team.get("teamId").asString())) {
                platformTeam = team;
            }
        }
        assertThat(platformTeam).as("Platform's count in %s", detail).isNotNull();
        assertThat(platformTeam.at("/tally/visible").asLong()).isEqualTo(1);
        assertThat(platformTeam.at("/tally/hidden").asLong()).isEqualTo(1);

        JsonNode teamDetail =
                api.get(admin.token(), "/api/v1/goals/" + teamGoal).json();
        assertThat(teamDetail.at("/commitments/items").findValuesAsString("id")).containsExactly(beneath.toString());
        assertThat(teamDetail.get("hiddenCommitments").asLong()).isEqualTo(1);
    }

    @Test
    void aCommitmentNamesTheGoalItServesAndAnUnknownOneIsRefused() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        Account guest = api.guest(member, "COACH");
        Account stranger = api.signUp();
        UUID goal = goal(admin, "Customers succeed in month one", null, null);
        UUID other = goal(admin, "Expand to a second region", null, null);
        UUID theirs = goal(stranger, "Their direction", null, null);

        UUID id = serving(member, goal, "TEAM", "Publish the onboarding checklist");
        assertThat(api.get(member.token(), "/api/v1/commitments/" + id).text("goalId"))
                .isEqualTo(goal.toString());

        for (UUID unknown : List.of(UUID.randomUUID(), theirs)) {
            Map<String, Object> terms = ApiFixtures.clearTerms(inDays(7), "PRIVATE");
            terms.put("goalId", unknown.toString());
            JsonNode problem =
                    api.post(member.token(), "/api/v1/commitments", terms).expectProblem(422);
            assertThat(problem.get("reason").asString()).isEqualTo("UNKNOWN_GOAL");
            assertThat(problem.get("field").asString()).isEqualTo("goalId");
        }
        Map<String, Object> guestTerms = ApiFixtures.clearTerms(inDays(7), "PRIVATE");
        guestTerms.put("goalId", goal.toString());
        assertThat(api.post(guest.token(), "/api/v1/commitments", guestTerms)
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("UNKNOWN_GOAL");
        assertThat(api.commitmentsOwnedBy(member.personId())).isEqualTo(1);
        assertThat(api.commitmentsOwnedBy(guest.personId())).isZero();

        api.patch(member.token(), "/api/v1/commitments/" + id, Map.of("version", 0, "why", "It still matters"))
                .expect(200);
        assertThat(api.get(member.token(), "/api/v1/commitments/" + id).text("goalId"))
                .isEqualTo(goal.toString());
        api.patch(member.token(), "/api/v1/commitments/" + id, Map.of("version", 1, "goalId", theirs.toString()))
                .expectProblem(422);
        api.patch(member.token(), "/api/v1/commitments/" + id, Map.of("version", 1, "goalId", other.toString()))
                .expect(200);
        assertThat(api.get(member.token(), "/api/v1/commitments/" + id).text("goalId"))
                .isEqualTo(other.toString());
        assertThat(api.get(admin.token(), "/api/v1/goals/" + goal)
                        .json()
                        .get("hiddenCommitments")
                        .asLong())
                .isZero();
        assertThat(api.get(admin.token(), "/api/v1/goals/" + other)
                        .json()
                        .get("hiddenCommitments")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void theApiDescriptionHasTheGoalRoutesWithTheirHiddenCount() {
        JsonNode description = api.get(null, "/v3/api-docs").expect(200).json();

        assertThat(description.at("/paths/~1api~1v1~1goals/post").isObject()).isTrue();
        assertThat(description.at("/paths/~1api~1v1~1goals/get").isObject()).isTrue();
        assertThat(description.at("/paths/~1api~1v1~1goals~1{id}/get").isObject())
                .isTrue();
        assertThat(description.at("/paths/~1api~1v1~1goals~1{id}/patch").isObject())
                .isTrue();
        assertThat(description.at("/components/schemas/GoalDetail/properties").propertyNames())
                .contains("title", "children", "commitments", "hiddenCommitments")
                .doesNotContain("goal", "titles");
    }

    // --- bad input ----------------------------------------------------------------------------

    /** A bad request about goals; {@code {goal}} in the path is the admin's goal. */
    record Bad(String description, HttpMethod method, String path, Object body, int status, String field) {

        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Bad> badRequests() {
        String goals = "/api/v1/goals";
        String one = goals + "/{goal}";
        String due = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString();
        return Stream.of(
                new Bad("the JSON is malformed", HttpMethod.POST, goals, "{\"title\": \"Grow\",", 400, null),
                new Bad("the body is a JSON array", HttpMethod.POST, goals, "[]", 400, null),
                new Bad("title is a number", HttpMethod.POST, goals, draft("title", 42, due), 400, "title"),
                new Bad("due is not a date", HttpMethod.POST, goals, draft("due", "next friday", due), 400, "due"),
                new Bad(
                        "due is an impossible date",
                        HttpMethod.POST,
                        goals,
                        draft("due", "2031-02-30", due),
                        400,
                        "due"),
                new Bad(
                        "due is far too far",
                        HttpMethod.POST,
                        goals,
                        draft(
                                "due",
                                LocalDate.now(java.time.ZoneOffset.UTC)
                                        .plusYears(21)
                                        .toString(),
                                due),
                        422,
                        "due"),
                new Bad("teamId is malformed", HttpMethod.POST, goals, draft("teamId", "platform", due), 400, "teamId"),
                new Bad("parentId is malformed", HttpMethod.POST, goals, draft("parentId", 7, due), 400, "parentId"),
                new Bad(
                        "an unknown field is sent",
                        HttpMethod.POST,
                        goals,
                        draft("ownerId", "me", due),
                        400,
                        "ownerId"),
                new Bad(
                        "title contains a NUL character",
                        HttpMethod.POST,
                        goals,
                        draft("title", "Grow\u0000", due),
                        400,
                        "title"),
                new Bad(
                        "an edit's version is not a number",
                        HttpMethod.PATCH,
                        one,
                        Map.of("version", "abc"),
                        400,
                        "version"),
                new Bad(
                        "an edit's why is too long",
                        HttpMethod.PATCH,
                        one,
                        Map.of("version", 0, "why", "w".repeat(2001)),
                        400,
                        "why"),
                new Bad(
                        "an edit of an unknown goal",
                        HttpMethod.PATCH,
                        goals + "/" + UUID.randomUUID(),
                        Map.of("version", 0),
                        404,
                        null),
                new Bad(
                        "an edit of a malformed id",
                        HttpMethod.PATCH,
                        goals + "/not-a-goal",
                        Map.of("version", 0),
                        404,
                        null),
                new Bad("a malformed goal id", HttpMethod.GET, goals + "/not-a-goal", null, 404, null),
                new Bad("an unknown goal", HttpMethod.GET, goals + "/" + UUID.randomUUID(), null, 404, null),
                new Bad(
                        "a commitment's goalId is malformed",
                        HttpMethod.POST,
                        "/api/v1/commitments",
                        with(
                                ApiFixtures.clearTerms(
                                        LocalDate.now(java.time.ZoneOffset.UTC).plusDays(5), "PRIVATE"),
                                "goalId",
                                "growth"),
                        400,
                        "goalId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersBadInputWithAProblemAndChangesNothing(Bad bad) {
        Account admin = api.signUp();
        UUID goal = goal(admin, "Customers succeed in month one", null, null);
        JsonNode before = api.get(admin.token(), "/api/v1/goals").expect(200).json();

        ApiResponse response =
                api.send(bad.method(), admin.token(), bad.path().replace("{goal}", goal.toString()), bad.body());

        JsonNode problem = response.expectProblem(bad.status());
        if (bad.field() != null) {
            assertThat(
                            response.errorFields().isEmpty()
                                    ? List.of(problem.get("field").asString())
                                    : response.errorFields())
                    .as("fields of %s", response)
                    .contains(bad.field());
        }
        assertThat(api.get(admin.token(), "/api/v1/goals").expect(200).json()).isEqualTo(before);
        assertThat(api.commitmentsOwnedBy(admin.personId())).isZero();
    }

    private static Map<String, Object> draft(String field, Object value, String due) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("title", "Customers succeed in month one");
        terms.put("why", "Customers stay when they succeed early");
        terms.put("doneWhen", "Nine in ten are active after a month");
        terms.put("due", due);
        return with(terms, field, value);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private UUID serving(Account owner, UUID goal, String visibility, String what) {
        Map<String, Object> terms = ApiFixtures.clearTerms(inDays(14), visibility);
        terms.put("what", what);
        terms.put("goalId", goal.toString());
        return UUID.fromString(api.commit(owner, terms).get("id").asString());
    }

    private static Map<String, Object> withDue(Map<String, Object> terms, LocalDate due) {
        terms.put("due", due.toString());
        return terms;
    }
}
