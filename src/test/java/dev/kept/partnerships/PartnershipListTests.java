package dev.kept.partnerships;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.StatementCounter;
import dev.kept.people.PeopleFixtures;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The caller's partnerships and the candidates over the API: a page at a time, in bounded statements. */
@KeptApiTest
class PartnershipListTests {

    private static final Instant FIRST = Instant.parse("2026-01-05T09:00:00Z");

    @Autowired
    ApiFixtures api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatementCounter counter;

    @Test
    void pagesThroughThePartnershipsNewestFirst() {
        Account me = api.signUp();
        List<UUID> partnerships = partnerships(me, 5);

        List<JsonNode> pages = api.pagesOf(me.token(), "/api/v1/partnerships?limit=2");

        assertThat(pages).hasSize(3);
        assertThat(ApiFixtures.itemsOf(pages).stream().map(p -> p.get("id").asString()))
                .containsExactlyElementsOf(newestFirst(partnerships));
        api.expectPagingRefused(me.token(), "/api/v1/partnerships");
        api.expectPagingRefused(me.token(), "/api/v1/partnerships/candidates");
    }

    @Test
    void listsPartnershipsInTheSameStatementsForTenTimesAsMany() {
        long small = partnershipStatements(3);
        long large = partnershipStatements(30);

        assertThat(large).isEqualTo(small);
    }

    private long partnershipStatements(int count) {
        Account me = api.signUp();
        partnerships(me, count);
        return counter.statementsOf(key -> {
            JsonNode page = api.getCounted(me.token(), "/api/v1/partnerships?limit=2", key)
                    .json();
            assertThat(page.get("items").size()).isEqualTo(2);
            assertThat(page.get("items").get(0).get("partnerName").asString()).startsWith("Partner");
        });
    }

    @Test
    void pagesThroughTheCandidatesBestFitFirstAndFindsThemByName() {
        Account me = api.signUp();
        PeopleFixtures people = new PeopleFixtures(jdbc);
        people.people(me.organizationId(), "Candidate", 7, null, null, null);
        people.people(me.organizationId(), "Dana", 1, null, null, null);

        List<String> names = api.followPages(me.token(), "/api/v1/partnerships/candidates?limit=3").stream()
                .map(c -> c.get("name").asString())
                .toList();

        assertThat(names).hasSize(8).doesNotHaveDuplicates().contains("Dana 001", "Candidate 007");
        assertThat(api.get(me.token(), "/api/v1/partnerships/candidates?q=DAN")
                        .expect(200)
                        .json()
                        .get("items")
                        .valueStream()
                        .map(c -> c.get("name").asString()))
                .containsExactly("Dana 001");
    }

    @Test
    void ranksCandidatesByFitAcrossPagesAndLeavesOutTheWholeReportingLine() {
        Account me = api.signUp();
        UUID org = me.organizationId();
        PeopleFixtures people = new PeopleFixtures(jdbc);
        UUID mine = api.team(me, "Mine");
        UUID theirs = api.team(me, "Theirs");
        UUID top = people.people(org, "Top", 1, null, null, null).get(0);
        UUID boss = people.people(org, "Boss", 1, null, null, top).get(0);
        profile(me.personId(), mine, "North", 5, boss);
        UUID report = people.people(org, "Report", 1, null, null, me.personId()).get(0);
        people.people(org, "Deep", 2, null, null, report);
        // best: another team, another region, close in level (-3)
        UUID best = people.people(org, "Bea", 1, null, null, null).get(0);
        profile(best, theirs, "South", 4, null);
        // next: another team, same region (any case), no level (0)
        UUID middle = people.people(org, "Cal", 1, null, null, null).get(0);
        profile(middle, theirs, "NORTH", null, null);
        // worst: my team, my region, 3 levels apart (+3)
        UUID worst = people.people(org, "Abe", 1, null, null, null).get(0);
        profile(worst, mine, "north", 8, null);
        List<UUID> plain = people.people(org, "Plain", 2, null, null, null);

        List<String> names = api.followPages(me.token(), "/api/v1/partnerships/candidates?limit=1").stream()
                .map(c -> c.get("name").asString())
                .toList();

        assertThat(names).containsExactly("Bea 001", "Cal 001", "Plain 001", "Plain 002", "Abe 001");
        // a page that begins with the best fits and goes on with the others, and a page after it
        assertThat(api.followPages(me.token(), "/api/v1/partnerships/candidates?limit=3").stream()
                        .map(c -> c.get("name").asString()))
                .containsExactly("Bea 001", "Cal 001", "Plain 001", "Plain 002", "Abe 001");
        JsonNode first = api.get(me.token(), "/api/v1/partnerships/candidates?limit=1")
                .json()
                .get("items")
                .get(0);
        assertThat(first.get("team").asString()).isEqualTo("Theirs");
        assertThat(first.get("goodSigns").valueStream().map(JsonNode::asString))
                .containsExactly("works in another team", "works in another region", "close in level");
        assertThat(plain).hasSize(2);
    }

    @Test
    void leavesOutEachCallersOwnReportingLineOneCallAfterAnother() {
        Account first = api.signUp();
        UUID org = first.organizationId();
        PeopleFixtures people = new PeopleFixtures(jdbc);
        UUID firstBoss = people.people(org, "First boss", 1, null, null, null).get(0);
        Account second = api.join(first);
        UUID secondBoss = people.people(org, "Second boss", 1, null, null, null).get(0);
        profile(first.personId(), null, null, null, firstBoss);
        profile(second.personId(), null, null, null, secondBoss);

        for (int round = 0; round < 3; round++) {
            assertThat(candidateNames(first)).contains("Second boss 001").doesNotContain("First boss 001");
            assertThat(candidateNames(second)).contains("First boss 001").doesNotContain("Second boss 001");
        }
    }

    private List<String> candidateNames(Account me) {
        return api.followPages(me.token(), "/api/v1/partnerships/candidates?limit=50").stream()
                .map(c -> c.get("name").asString())
                .toList();
    }

    /** Sets a person's team, region, level and manager. */
    private void profile(UUID person, UUID team, String region, Integer level, UUID manager) {
        jdbc.sql(
                        "update person set team_id = :team, region = :region, level = :level, manager_id = :manager where id = :id")
                .param("team", team)
                .param("region", region)
                .param("level", level)
                .param("manager", manager)
                .param("id", person)
                .update();
    }

    @Test
    void listsCandidatesInTheSameStatementsForTenTimesAsMany() {
        long small = candidateStatements(3);
        long large = candidateStatements(30);

        assertThat(large).isEqualTo(small);
    }

    @Test
    void listsTheBestFitsInTheSameStatementsForTenTimesAsMany() {
        long small = bestFitStatements(3);
        long large = bestFitStatements(30);

        assertThat(large).isEqualTo(small);
    }

    /** Statements for the first page when {@code count} people are the best fit, in another team and region. */
    private long bestFitStatements(int count) {
        Account me = api.signUp();
        UUID mine = api.team(me, "Mine");
        UUID theirs = api.team(me, "Theirs");
        profile(me.personId(), mine, "North", 5, null);
        for (UUID other : new PeopleFixtures(jdbc).people(me.organizationId(), "Candidate", count, null, null, null)) {
            profile(other, theirs, "South", 4, null);
        }
        return counter.statementsOf(key -> {
            JsonNode page = api.getCounted(me.token(), "/api/v1/partnerships/candidates?limit=2", key)
                    .json();
            assertThat(page.get("items").valueStream().map(c -> c.get("name").asString()))
                    .containsExactly("Candidate 001", "Candidate 002");
        });
    }

    private long candidateStatements(int count) {
        Account me = api.signUp();
        new PeopleFixtures(jdbc).people(me.organizationId(), "Candidate", count, null, null, null);
        return counter.statementsOf(key -> {
            JsonNode page = api.getCounted(me.token(), "/api/v1/partnerships/candidates?limit=2", key)
                    .json();
            assertThat(page.get("items").size()).isEqualTo(2);
        });
    }

    private static List<String> newestFirst(List<UUID> ids) {
        List<String> reversed = new ArrayList<>(ids.stream().map(UUID::toString).toList());
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /** Active peer partnerships of {@code me} with as many new people, one a minute, oldest first. */
    private List<UUID> partnerships(Account me, int count) {
        List<UUID> partners = new PeopleFixtures(jdbc).people(me.organizationId(), "Partner", count, null, null, null);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            UUID partner = partners.get(i);
            String pair = me.personId().compareTo(partner) < 0
                    ? me.personId() + ":" + partner
                    : partner + ":" + me.personId();
            Timestamp at = Timestamp.from(FIRST.plusSeconds(60L * i));
            jdbc.sql("""
                            insert into partnership (id, organization_id, inviter_id, partner_id, kind, status, message,
                                                     cadence, open_pair, created_at, accepted_at, updated_at, version)
                            values (:id, :organization, :inviter, :partner, 'PEER', 'ACTIVE', null,
                                    'WEEKLY', :pair, :at, :at, :at, 0)""")
                    .param("id", id)
                    .param("organization", me.organizationId())
                    .param("inviter", i % 2 == 0 ? me.personId() : partner)
                    .param("partner", i % 2 == 0 ? partner : me.personId())
                    .param("pair", pair)
                    .param("at", at)
                    .update();
            ids.add(id);
        }
        return ids;
    }
}
