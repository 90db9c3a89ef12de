package dev.kept.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.StatementCounter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The directory and the team list over the API: a page at a time, searchable, in bounded statements. */
@KeptApiTest
class PeopleListTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatementCounter counter;

    private PeopleFixtures fixtures() {
        return new PeopleFixtures(jdbc);
    }

    @Test
    void pagesThroughTheDirectoryByNameWithTheNextLink() {
        Account admin = api.signUp();
        fixtures().people(admin.organizationId(), "Bea", 5, null, null, null);

        List<JsonNode> pages = api.pagesOf(admin.token(), "/api/v1/people?limit=2");
        List<String> names = ApiFixtures.itemsOf(pages).stream()
                .map(p -> p.get("name").asString())
                .toList();

        assertThat(pages).hasSize(3);
        assertThat(names).hasSize(6).contains(admin.name());
        assertThat(names.stream().filter(name -> !name.equals(admin.name())))
                .containsExactly("Bea 001", "Bea 002", "Bea 003", "Bea 004", "Bea 005");
    }

    @Test
    void pagesOnAfterAPersonWhoseNameIsTooLongForTheCursorToCarry() {
        Account admin = api.signUp();
        String longName = "Bé".repeat(58);
        fixtures().people(admin.organizationId(), longName, 3, null, null, null);

        List<JsonNode> pages = api.pagesOf(admin.token(), "/api/v1/people?limit=2");
        JsonNode first = pages.get(0);
        JsonNode second = pages.get(1);
        assertThat(first.get("next").asString().length()).isLessThan(400);

        assertThat(first.get("items").get(0).get("name").asString()).isEqualTo(admin.name());
        assertThat(first.get("items").get(1).get("name").asString()).isEqualTo(longName + " 001");
        assertThat(second.get("items").get(0).get("name").asString()).isEqualTo(longName + " 002");
    }

    @Test
    void refusesABadLimitOrCursorNamingTheField() {
        Account admin = api.signUp();

        api.expectPagingRefused(admin.token(), "/api/v1/people");
        api.expectPagingRefused(admin.token(), "/api/v1/teams");
        api.get(admin.token(), "/api/v1/people?team=not-a-team").expectProblem(400);
        JsonNode tooLong =
                api.get(admin.token(), "/api/v1/people?q=" + "q".repeat(121)).expectProblem(400);
        assertThat(tooLong.get("errors").get(0).get("field").asString()).isEqualTo("q");
    }

    @Test
    void searchesByAPartOfTheNameTheTeamAndTheTitle() {
        Account admin = api.signUp();
        UUID platform = fixtures().team(admin.organizationId(), "Platform");
        fixtures().people(admin.organizationId(), "Grace", 2, "Staff Engineer", platform, null);
        fixtures().people(admin.organizationId(), "Alan", 2, "Analyst", null, null);
        fixtures().people(admin.organizationId(), "100% Sure", 1, null, null, null);

        assertThat(names(admin, "/api/v1/people?q=gRAC")).containsExactly("Grace 001", "Grace 002");
        assertThat(names(admin, "/api/v1/people?team=" + platform)).containsExactly("Grace 001", "Grace 002");
        assertThat(names(admin, "/api/v1/people?title=ENGINEER")).containsExactly("Grace 001", "Grace 002");
        assertThat(names(admin, "/api/v1/people?title=analyst&q=002")).containsExactly("Alan 002");
        assertThat(names(admin, "/api/v1/people?q=0%"))
                .as("a wildcard is searched for as itself")
                .containsExactly("100% Sure 001");
        assertThat(names(admin, "/api/v1/people?q=_")).isEmpty();
        assertThat(names(api.signUp(), "/api/v1/people?q=grace"))
                .as("another organization's people are not found")
                .isEmpty();
    }

    @Test
    void listsThePeopleInTheSameStatementsForTenTimesAsMany() {
        long small = directoryStatements(3, "small");
        long large = directoryStatements(30, "large");

        assertThat(large).isEqualTo(small);
        assertThat(small).isLessThanOrEqualTo(6);
    }

    private long directoryStatements(int count, String key) {
        Account admin = api.signUp();
        UUID team = fixtures().team(admin.organizationId(), "Team " + key);
        List<UUID> managers = fixtures().people(admin.organizationId(), "Boss", count, "Lead", team, null);
        for (UUID manager : managers) {
            fixtures().people(admin.organizationId(), "Report", 2, "Engineer", team, manager);
        }
        return counter.statementsOf(unique -> {
            JsonNode page = api.getCounted(admin.token(), "/api/v1/people?limit=5", unique)
                    .json();
            assertThat(page.get("items").size()).isEqualTo(5);
            assertThat(page.get("next").isNull()).isFalse();
        });
    }

    @Test
    void listsTeamsAPageAtATimeWithTheirLeadAndMemberCount() {
        Account admin = api.signUp();
        Account lead = api.join(admin);
        UUID alpha = api.post(
                        admin.token(),
                        "/api/v1/teams",
                        Map.of("name", "Alpha", "leadId", lead.personId().toString()))
                .expect(201)
                .id();
        fixtures().people(admin.organizationId(), "Member", 4, null, alpha, null);
        api.team(admin, "Beta");
        api.team(admin, "Gamma");

        List<JsonNode> pages = api.pagesOf(admin.token(), "/api/v1/teams?limit=2");
        assertThat(pages).hasSize(2);
        JsonNode first = pages.get(0);
        assertThat(first.get("items").valueStream().map(t -> t.get("name").asString()))
                .containsExactly("Alpha", "Beta");
        JsonNode alphaView = first.get("items").get(0);
        assertThat(alphaView.get("members").asLong())
                .as("the lead joined, and four members")
                .isEqualTo(5);
        assertThat(alphaView.get("leadName").asString()).isEqualTo(lead.name());
        assertThat(pages.get(1)
                        .get("items")
                        .valueStream()
                        .map(t -> t.get("name").asString()))
                .containsExactly("Gamma");

        JsonNode one =
                api.get(admin.token(), "/api/v1/teams/" + alpha).expect(200).json();
        assertThat(one.get("members").asLong()).isEqualTo(5);
        assertThat(one.has("people")).isFalse();
        assertThat(names(admin, "/api/v1/people?team=" + alpha + "&limit=100")).hasSize(5);
    }

    @Test
    void listsTeamsInTheSameStatementsForTenTimesAsMany() {
        long small = teamStatements(3);
        long large = teamStatements(30);

        assertThat(large).isEqualTo(small);
    }

    private long teamStatements(int count) {
        Account admin = api.signUp();
        for (int i = 0; i < count; i++) {
            UUID team = fixtures().team(admin.organizationId(), String.format("Team %03d", i));
            fixtures().people(admin.organizationId(), "In " + i, 3, null, team, null);
        }
        return counter.statementsOf(unique -> {
            JsonNode page = api.getCounted(admin.token(), "/api/v1/teams?limit=2", unique)
                    .json();
            assertThat(page.get("items").size()).isEqualTo(2);
            assertThat(page.get("items").get(0).get("members").asLong()).isEqualTo(3);
        });
    }

    private List<String> names(Account account, String path) {
        return api.get(account.token(), path)
                .expect(200)
                .json()
                .get("items")
                .valueStream()
                .map(p -> p.get("name").asString())
                .filter(name -> !name.equals(account.name()))
                .toList();
    }
}
