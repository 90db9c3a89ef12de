package dev.kept.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.SignedIn;
import dev.kept.access.AccessPolicy;
import dev.kept.commitments.RiskReason;
import dev.kept.people.Caller;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A goal's counts come from counts kept for everyone plus what is the viewer's alone
 * ({@link TallyCache}): for every kind of viewer they equal a count of every commitment through the
 * access policy's own rule, and a change shows at once.
 */
@KeptApiTest
class GoalTallyTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GoalReads reads;

    @Autowired
    AccessPolicy policy;

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** An organization of two teams, each with two members, a goal with a goal beneath it. */
    private record Org(
            Account admin, Account owner, Account mate, Account other, Account partner, UUID root, UUID child) {

        List<Account> everyone() {
            return List.of(admin, owner, mate, other, partner);
        }
    }

    private Org organization() {
        Account admin = api.signUp();
        UUID platform = api.team(admin, ApiFixtures.unique("Platform"));
        UUID sales = api.team(admin, ApiFixtures.unique("Sales"));
        Account owner = api.join(admin, Map.of("teamId", platform.toString()));
        Account mate = api.join(admin, Map.of("teamId", platform.toString()));
        Account other = api.join(admin, Map.of("teamId", sales.toString()));
        Account partner = api.join(admin, Map.of("teamId", sales.toString()));
        GoalFixtures fixtures = new GoalFixtures(jdbc);
        UUID root = fixtures.goal(admin, "Customers succeed", null, null, today().plusDays(90), clock.instant());
        UUID child = fixtures.goal(admin, "Onboarding", platform, root, today().plusDays(60), clock.instant());
        fixtures.serving(List.of(owner, mate, other), List.of(root, child), 24, today(), clock.instant());
        return new Org(admin, owner, mate, other, partner, root, child);
    }

    private UUID serving(Account owner, UUID goal, String visibility) {
        Map<String, Object> terms = ApiFixtures.clearTerms(today().plusDays(20), visibility);
        terms.put("goalId", goal.toString());
        return UUID.fromString(api.commit(owner, terms).get("id").asString());
    }

    /** The counts as the access policy's rule gives them, one commitment at a time, per goal and team. */
    private Map<List<UUID>, Tally> byThePolicy(Account viewer, Set<UUID> goals) {
        Caller caller = SignedIn.caller(viewer);
        AccessPolicy.SqlScope scope = policy.visibleTo(caller, "c");
        Instant now = clock.instant();
        Map<String, Object> risk = RiskReason.sqlParameters(today(), now);
        Map<List<UUID>, Tally> counts = new HashMap<>();
        jdbc.sql("""
                        select c.goal_id, owner.team_id, c.status, c.outcome, c.due,
                               case when %s then 1 else 0 end as seen, case when %s then 1 else 0 end as at_risk
                          from commitment c join person owner on owner.id = c.owner_id
                         where c.organization_id = :organization and c.goal_id in (:goals)
                        """.formatted(scope.predicate(), "(" + RiskReason.SQL + ")"))
                .params(scope.parameters())
                .params(risk)
                .param("organization", viewer.organizationId())
                .param("goals", List.copyOf(goals))
                .query((rs, n) -> {
                    boolean seen = rs.getInt("seen") == 1;
                    boolean open = "OPEN".equals(rs.getString("status"));
                    String outcome = rs.getString("outcome");
                    Tally one = seen
                            ? new Tally(
                                    1,
                                    open ? 1 : 0,
                                    rs.getInt("at_risk"),
                                    open && rs.getObject("due", LocalDate.class).isBefore(today()) ? 1 : 0,
                                    open ? 0 : 1,
                                    "KEPT".equals(outcome) ? 1 : 0,
                                    "NOT_KEPT".equals(outcome) ? 1 : 0,
                                    0)
                            : new Tally(0, 0, 0, 0, 0, 0, 0, 1);
                    List<UUID> key = new ArrayList<>();
                    key.add(rs.getObject("goal_id", UUID.class));
                    key.add(rs.getObject("team_id", UUID.class));
                    return counts.merge(key, one, Tally::plus);
                })
                .list();
        return counts;
    }

    private Map<List<UUID>, Tally> tallied(Account viewer, Org org) {
        Map<List<UUID>, Tally> counts = new HashMap<>();
        for (GoalReads.Counted counted : reads.tallies(
                SignedIn.caller(viewer), org.root(), Set.of(org.root(), org.child()), today(), clock.instant())) {
            List<UUID> key = new ArrayList<>();
            key.add(counted.goalId());
            key.add(counted.teamId());
            counts.put(key, counted.tally());
        }
        return counts;
    }

    private void sameForEveryone(Org org) {
        for (Account viewer : org.everyone()) {
            assertThat(tallied(viewer, org))
                    .as("the counts %s sees", viewer.name())
                    .isEqualTo(byThePolicy(viewer, Set.of(org.root(), org.child())));
        }
    }

    @Test
    void everyKindOfViewerGetsWhatThePolicyCountsOneCommitmentAtATime() {
        Org org = organization();
        api.partnership(org.owner(), org.partner(), "PEER");
        long partnerSaw = seen(org.partner(), org);
        long adminSaw = seen(org.admin(), org);
        serving(org.owner(), org.child(), "PARTNERS");
        assertThat(seen(org.partner(), org)).as("shared with the partner").isEqualTo(partnerSaw + 1);
        assertThat(seen(org.admin(), org)).as("not shared with the admin").isEqualTo(adminSaw);

        serving(org.owner(), org.root(), "TEAM");
        UUID coOwned = serving(org.mate(), org.root(), "PRIVATE");
        api.post(
                        org.mate().token(),
                        "/api/v1/commitments/" + coOwned + "/co-owners",
                        Map.of("personId", org.other().personId().toString()))
                .expect(201);
        api.post(org.other().token(), "/api/v1/commitments/" + coOwned + "/co-owners/accept", Map.of())
                .expect(200);

        sameForEveryone(org);
    }

    private long seen(Account viewer, Org org) {
        return tallied(viewer, org).values().stream().mapToLong(Tally::visible).sum();
    }

    @Test
    void aChangeShowsAtOnceInTheCountsOfEveryone() {
        Org org = organization();
        JsonNode before = api.get(org.other().token(), "/api/v1/goals/" + org.root())
                .expect(200)
                .json();

        UUID made = serving(org.owner(), org.root(), "ORGANIZATION");
        JsonNode after = api.get(org.other().token(), "/api/v1/goals/" + org.root())
                .expect(200)
                .json();
        assertThat(after.at("/total/visible").asLong())
                .isEqualTo(before.at("/total/visible").asLong() + 1);
        sameForEveryone(org);

        JsonNode commitment = api.get(org.owner().token(), "/api/v1/commitments/" + made)
                .expect(200)
                .json();
        api.patch(
                        org.owner().token(),
                        "/api/v1/commitments/" + made,
                        Map.of("version", commitment.get("version").asLong(), "visibility", "PRIVATE"))
                .expect(200);
        JsonNode hidden = api.get(org.other().token(), "/api/v1/goals/" + org.root())
                .expect(200)
                .json();
        assertThat(hidden.at("/total/visible").asLong())
                .isEqualTo(before.at("/total/visible").asLong());
        assertThat(hidden.get("hiddenCommitments").asLong())
                .isEqualTo(before.get("hiddenCommitments").asLong() + 1);
        sameForEveryone(org);

        // The owner's team mate moves to the other team: their team commitments change audience.
        api.patch(
                        org.admin().token(),
                        "/api/v1/people/" + org.mate().personId(),
                        Map.of(
                                "teamId",
                                tallied(org.other(), org).keySet().stream()
                                        .map(key -> key.get(1))
                                        .filter(team -> team != null)
                                        .filter(team -> !team.equals(teamOf(org.owner())))
                                        .findFirst()
                                        .orElseThrow()
                                        .toString()))
                .expect(200);
        sameForEveryone(org);
    }

    @Test
    void countsFollowTheClockOnceTheyAreNoLongerFresh() {
        clock.freezeAt(LocalDate.now(clock).atTime(12, 0).toInstant(ZoneOffset.UTC));
        Org org = organization();
        // On track, not due soon, last heard of 30 seconds short of the silence that puts it at risk.
        UUID quiet = serving(org.owner(), org.child(), "ORGANIZATION");
        jdbc.sql("update commitment set created_at = :at where id = :id")
                .param(
                        "at",
                        java.sql.Timestamp.from(
                                clock.instant().minus(Duration.ofDays(14)).plusSeconds(30)))
                .param("id", quiet)
                .update();
        long atRisk = tallied(org.other(), org).values().stream()
                .mapToLong(Tally::atRisk)
                .sum();
        sameForEveryone(org);

        clock.advance(TallyCache.FRESH.plusSeconds(1));
        assertThat(tallied(org.other(), org).values().stream()
                        .mapToLong(Tally::atRisk)
                        .sum())
                .isEqualTo(atRisk + 1);
        sameForEveryone(org);
    }

    private UUID teamOf(Account account) {
        return jdbc.sql("select team_id from person where id = :id")
                .param("id", account.personId())
                .query(UUID.class)
                .single();
    }
}
