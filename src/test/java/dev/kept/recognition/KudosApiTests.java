package dev.kept.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.moves.EverydayMove;
import dev.kept.people.Caller;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Thanks over the API: to a person or a team, across teams or not, for a goal or a commitment
 * (seen only where the commitment is), with every bad input answered by a problem naming its field.
 */
@KeptApiTest
class KudosApiTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    Kudos kudos;

    private static Map<String, Object> thanks(String key, UUID to, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, to.toString());
        body.put("message", message);
        return body;
    }

    private List<String> feedIds(Account viewer) {
        return api.get(viewer.token(), "/api/v1/kudos")
                .expect(200)
                .json()
                .get("items")
                .valueStream()
                .map(k -> k.get("id").asString())
                .toList();
    }

    @Test
    void thanksAPersonAndATeamAndMarksThoseAcrossTeams() {
        Account admin = api.signUp();
        UUID platform = api.team(admin, ApiFixtures.unique("Platform"));
        UUID sales = api.team(admin, ApiFixtures.unique("Sales"));
        Account giver = api.join(admin, Map.of("teamId", platform.toString()));
        Account mate = api.join(admin, Map.of("teamId", platform.toString()));
        Account seller = api.join(admin, Map.of("teamId", sales.toString()));
        Account otherSeller = api.join(admin, Map.of("teamId", sales.toString()));

        JsonNode toMate = api.post(giver.token(), "/api/v1/kudos", thanks("toPersonId", mate.personId(), "Thanks!"))
                .expect(201)
                .json();
        assertThat(toMate.get("acrossTeams").asBoolean()).isFalse();
        assertThat(toMate.get("toPersonName").asString()).isEqualTo(mate.name());
        var created = api.post(giver.token(), "/api/v1/kudos", thanks("toTeamId", sales, "You closed the deal with us"))
                .expect(201);
        assertThat(created.headers().getLocation().getPath()).isEqualTo("/api/v1/kudos/" + created.id());
        JsonNode toSales = created.json();
        assertThat(toSales.get("acrossTeams").asBoolean()).isTrue();
        assertThat(toSales.get("toTeamName").asString()).startsWith("Sales");
        assertThat(api.post(seller.token(), "/api/v1/kudos", thanks("toPersonId", mate.personId(), "Great demo"))
                        .expect(201)
                        .json()
                        .get("acrossTeams")
                        .asBoolean())
                .isTrue();

        api.awaitNotification(mate, giver.name() + " thanked you.");
        api.awaitNotification(seller, giver.name() + " thanked your team");
        api.awaitNotification(otherSeller, giver.name() + " thanked your team");
        assertThat(api.notifications(giver)).noneMatch(text -> text.contains("thanked"));
        assertThat(api.notifications(mate)).noneMatch(text -> text.contains("Great demo"));

        assertThat(feedIds(admin))
                .hasSize(3)
                .first()
                .isNotEqualTo(toMate.get("id").asString());
        assertThat(api.get(
                                otherSeller.token(),
                                "/api/v1/kudos/" + toMate.get("id").asString())
                        .expect(200)
                        .text("message"))
                .isEqualTo("Thanks!");
        assertThat(api.get(admin.token(), "/api/v1/kudos?teamId=" + sales)
                        .expect(200)
                        .json()
                        .get("items")
                        .valueStream()
                        .map(k -> k.get("message").asString()))
                .containsExactly("Great demo", "You closed the deal with us");
        JsonNode first = api.get(admin.token(), "/api/v1/kudos?limit=1").json();
        assertThat(first.get("items")).hasSize(1);
        String next = first.get("next").asString();
        JsonNode rest = api.get(admin.token(), next.substring(next.indexOf("/api/v1/")))
                .expect(200)
                .json();
        assertThat(rest.get("items")).hasSize(1);
        assertThat(rest.get("items").get(0).get("id"))
                .isNotEqualTo(first.get("items").get(0).get("id"));
        api.get(api.signUp().token(), "/api/v1/kudos/" + toMate.get("id").asString())
                .expectProblem(404);
        assertThat(feedIds(api.signUp())).isEmpty();
    }

    @Test
    void aThanksForACommitmentIsSeenOnlyWhereTheCommitmentIsAndByItsGiverAndRecipient() {
        Account admin = api.signUp();
        UUID platform = api.team(admin, ApiFixtures.unique("Platform"));
        UUID sales = api.team(admin, ApiFixtures.unique("Sales"));
        Account owner = api.join(admin, Map.of("teamId", platform.toString()));
        Account teammate = api.join(admin, Map.of("teamId", platform.toString()));
        Account partner = api.join(admin, Map.of("teamId", sales.toString()));
        Account helper = api.join(admin, Map.of("teamId", sales.toString()));
        Account bystander = api.join(admin, Map.of("teamId", sales.toString()));
        Account guest = api.guest(owner, "COACH");
        api.partnership(owner, partner, "PEER");
        LocalDate due = LocalDate.now(clock).plusDays(5);

        Map<String, String> byVisibility = new LinkedHashMap<>();
        for (String visibility : List.of("PRIVATE", "PARTNERS", "TEAM", "ORGANIZATION")) {
            UUID commitment = api.commit(owner, due, visibility);
            Map<String, Object> body = thanks("toPersonId", helper.personId(), "For " + visibility);
            body.put("forType", "COMMITMENT");
            body.put("forId", commitment.toString());
            JsonNode given =
                    api.post(owner.token(), "/api/v1/kudos", body).expect(201).json();
            assertThat(given.get("forType").asString()).isEqualTo("COMMITMENT");
            byVisibility.put(visibility, given.get("id").asString());
        }

        assertThat(feedIds(owner)).containsAll(byVisibility.values());
        assertThat(feedIds(helper)).containsAll(byVisibility.values());
        assertThat(feedIds(partner))
                .contains(byVisibility.get("PARTNERS"), byVisibility.get("ORGANIZATION"))
                .doesNotContain(byVisibility.get("PRIVATE"), byVisibility.get("TEAM"));
        assertThat(feedIds(teammate))
                .contains(byVisibility.get("TEAM"), byVisibility.get("ORGANIZATION"))
                .doesNotContain(byVisibility.get("PRIVATE"), byVisibility.get("PARTNERS"));
        for (Account outsider : List.of(bystander, admin)) {
            assertThat(feedIds(outsider))
                    .contains(byVisibility.get("ORGANIZATION"))
                    .doesNotContain(
                            byVisibility.get("PRIVATE"), byVisibility.get("PARTNERS"), byVisibility.get("TEAM"));
            api.get(outsider.token(), "/api/v1/kudos/" + byVisibility.get("PRIVATE"))
                    .expectProblem(404);
        }
        api.get(helper.token(), "/api/v1/kudos/" + byVisibility.get("PRIVATE")).expect(200);
        api.get(guest.token(), "/api/v1/kudos").expectProblem(404);
        api.get(guest.token(), "/api/v1/kudos/" + byVisibility.get("ORGANIZATION"))
                .expectProblem(404);

        Caller bystanderCaller = new Caller(bystander.personId(), bystander.organizationId(), bystander.name());
        List<UUID> targets = api.get(owner.token(), "/api/v1/kudos")
                .json()
                .get("items")
                .valueStream()
                .map(k -> UUID.fromString(k.get("forId").asString()))
                .toList();
        assertThat(kudos.forTargets(bystanderCaller, ThanksFor.COMMITMENT, targets, 100))
                .singleElement()
                .satisfies(k -> assertThat(k.message()).isEqualTo("For ORGANIZATION"));

        // the bystander cannot thank anyone for a commitment they do not see
        UUID hidden = api.commit(owner, due, "PRIVATE");
        Map<String, Object> unseen = thanks("toPersonId", owner.personId(), "Nice");
        unseen.put("forType", "COMMITMENT");
        unseen.put("forId", hidden.toString());
        JsonNode refused = api.post(bystander.token(), "/api/v1/kudos", unseen).expectProblem(422);
        assertThat(refused.get("reason").asString()).isEqualTo("UNKNOWN_COMMITMENT");
        assertThat(refused.get("field").asString()).isEqualTo("forId");
    }

    @Test
    void answersEveryBadThanksWithAProblemNamingTheField() {
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("Core"));
        Account member = api.join(admin);
        Account guest = api.guest(member, "COACH");
        Account stranger = api.signUp();

        Map<String, Object> both = thanks("toPersonId", admin.personId(), "Thanks");
        both.put("toTeamId", team.toString());
        expectRule(member, both, "ONE_RECIPIENT", "toTeamId");
        expectRule(member, Map.of("message", "Thanks"), "ONE_RECIPIENT", "toPersonId");
        expectRule(member, thanks("toPersonId", member.personId(), "Me!"), "SELF", "toPersonId");
        expectRule(member, thanks("toPersonId", guest.personId(), "Thanks"), "UNKNOWN_PERSON", "toPersonId");
        expectRule(member, thanks("toPersonId", stranger.personId(), "Thanks"), "UNKNOWN_PERSON", "toPersonId");
        expectRule(member, thanks("toTeamId", UUID.randomUUID(), "Thanks"), "UNKNOWN_TEAM", "toTeamId");
        Map<String, Object> halfTarget = thanks("toPersonId", admin.personId(), "Thanks");
        halfTarget.put("forType", "GOAL");
        expectRule(member, halfTarget, "THANKS_FOR", "forId");
        Map<String, Object> unknownGoal = thanks("toPersonId", admin.personId(), "Thanks");
        unknownGoal.put("forType", "GOAL");
        unknownGoal.put("forId", UUID.randomUUID().toString());
        expectRule(member, unknownGoal, "UNKNOWN_GOAL", "forId");

        assertThat(api.post(member.token(), "/api/v1/kudos", thanks("toPersonId", admin.personId(), " "))
                        .expectProblem(400)
                        .toString())
                .contains("message");
        assertThat(api.post(member.token(), "/api/v1/kudos", thanks("toPersonId", admin.personId(), "x".repeat(1001)))
                        .errorFields())
                .contains("message");
        Map<String, Object> badKind = thanks("toPersonId", admin.personId(), "Thanks");
        badKind.put("forType", "PARTNERSHIP");
        api.post(member.token(), "/api/v1/kudos", badKind).expectProblem(400);
        api.get(member.token(), "/api/v1/kudos?limit=101").expectProblem(400);
        api.get(member.token(), "/api/v1/kudos?cursor=yesterday").expectProblem(400);
        api.post(guest.token(), "/api/v1/kudos", thanks("toPersonId", member.personId(), "Thanks"))
                .expectProblem(404);
        assertThat(feedIds(admin)).isEmpty();
    }

    @Test
    void thanksForAGoalNameTheGoal() {
        Account admin = api.signUp();
        Account member = api.join(admin);
        UUID goal = api.post(
                        admin.token(),
                        "/api/v1/goals",
                        Map.of(
                                "title", "Calm nights on call",
                                "why", "Rested engineers",
                                "doneWhen", "No page after midnight for a month",
                                "due", LocalDate.now(clock).plusDays(90).toString()))
                .expect(201)
                .id();
        Map<String, Object> body = thanks("toPersonId", admin.personId(), "Thanks for the runbook");
        body.put("forType", "GOAL");
        body.put("forId", goal.toString());

        JsonNode given =
                api.post(member.token(), "/api/v1/kudos", body).expect(201).json();

        assertThat(given.get("forTitle").asString()).isEqualTo("Calm nights on call");
        Caller caller = new Caller(member.personId(), member.organizationId(), member.name());
        assertThat(kudos.forTargets(caller, ThanksFor.GOAL, List.of(goal), 100)).hasSize(1);
        assertThat(kudos.forTargets(caller, ThanksFor.COMMITMENT, List.of(goal), 100))
                .isEmpty();
    }

    @Test
    void movesCountOnlyThanksAcrossTeamsInThePeriod() {
        Account admin = api.signUp();
        UUID platform = api.team(admin, ApiFixtures.unique("Platform"));
        UUID sales = api.team(admin, ApiFixtures.unique("Sales"));
        Account giver = api.join(admin, Map.of("teamId", platform.toString()));
        Account mate = api.join(admin, Map.of("teamId", platform.toString()));
        Account seller = api.join(admin, Map.of("teamId", sales.toString()));
        Account loner = api.join(admin);
        // whole seconds: the database keeps microseconds, and a bound must match the stored time
        clock.freezeAt(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Instant start = clock.instant();

        api.post(giver.token(), "/api/v1/kudos", thanks("toPersonId", mate.personId(), "same team"))
                .expect(201);
        UUID acrossToPerson = api.post(
                        giver.token(), "/api/v1/kudos", thanks("toPersonId", seller.personId(), "across"))
                .expect(201)
                .id();
        UUID acrossToTeam = api.post(seller.token(), "/api/v1/kudos", thanks("toTeamId", platform, "across"))
                .expect(201)
                .id();
        UUID fromNoTeam = api.post(loner.token(), "/api/v1/kudos", thanks("toPersonId", mate.personId(), "across"))
                .expect(201)
                .id();
        clock.advance(Duration.ofHours(1));
        api.post(giver.token(), "/api/v1/kudos", thanks("toPersonId", seller.personId(), "later"))
                .expect(201);

        List<EverydayMove> moves = kudos.moves(admin.organizationId(), start, start.plus(Duration.ofHours(1)));

        assertThat(moves)
                .extracting(EverydayMove::sourceId)
                .containsExactlyInAnyOrder(acrossToPerson, acrossToTeam, fromNoTeam);
        assertThat(moves).allSatisfy(move -> assertThat(move.kind()).isEqualTo(EverydayMove.Kind.THANK));
        assertThat(moves)
                .filteredOn(move -> move.sourceId().equals(acrossToTeam))
                .singleElement()
                .satisfies(move -> assertThat(move.personId()).isEqualTo(seller.personId()));
        assertThat(kudos.moves(admin.organizationId(), start, start.plus(Duration.ofHours(2))))
                .hasSize(4);
    }

    private void expectRule(Account who, Map<String, Object> body, String reason, String field) {
        JsonNode problem = api.post(who.token(), "/api/v1/kudos", body).expectProblem(422);
        assertThat(problem.get("reason").asString()).as("reason of %s", body).isEqualTo(reason);
        assertThat(problem.get("field").asString()).as("field of %s", body).isEqualTo(field);
    }
}
