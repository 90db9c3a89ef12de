package dev.kept.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.moves.EverydayMove;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Negotiating a co-owned goal between teams over the API: a proposal to two teams, counter-proposals
 * that ask every team again, acceptance only of the latest identical terms, a decline with its
 * reason, withdrawal, who may act for a team, and what each team (and everyone else) sees at each step.
 */
@KeptApiTest
class GoalNegotiationApiTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    GoalNegotiations negotiations;

    /** A team with its lead and one member who does not lead it. */
    record Squad(UUID id, Account lead, Account member) {}

    Account admin;
    Squad a;
    Squad b;
    Squad c;
    Squad d;
    UUID goal;

    @BeforeEach
    void organization() {
        admin = api.signUp();
        a = squad("Platform");
        b = squad("Support");
        c = squad("Sales");
        d = squad("Finance");
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("title", "Halve the time to first value");
        terms.put("why", "Customers who succeed early stay");
        terms.put("doneWhen", "Median time to first value is under 3 days");
        terms.put("due", inDays(120).toString());
        terms.put("teamId", a.id().toString());
        goal = api.post(a.lead().token(), "/api/v1/goals", terms).expect(201).id();
    }

    private Squad squad(String name) {
        UUID team = api.post(admin.token(), "/api/v1/teams", Map.of("name", ApiFixtures.unique(name)))
                .expect(201)
                .id();
        Account lead = api.join(admin, Map.of("teamId", team.toString()));
        api.patch(
                        admin.token(),
                        "/api/v1/teams/" + team,
                        Map.of("leadId", lead.personId().toString()))
                .expect(200);
        Account member = api.join(admin, Map.of("teamId", team.toString()));
        return new Squad(team, lead, member);
    }

    private LocalDate inDays(int days) {
        return LocalDate.now(clock).plusDays(days);
    }

    private Map<String, Object> contributions(Squad... squads) {
        Map<String, Object> contributions = new LinkedHashMap<>();
        for (Squad squad : squads) {
            contributions.put(squad.id().toString(), "What " + squad.id() + " brings");
        }
        return contributions;
    }

    private ApiResponse propose(Account who, Map<String, Object> contributions, Squad... invited) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "invitedTeamIds",
                java.util.Arrays.stream(invited).map(s -> s.id().toString()).toList());
        body.put("contributions", contributions);
        return api.post(who.token(), "/api/v1/goals/" + goal + "/proposals", body);
    }

    private String path(UUID proposal) {
        return "/api/v1/goals/" + goal + "/proposals/" + proposal;
    }

    private ApiResponse accept(Account who, UUID proposal, int round) {
        return api.post(who.token(), path(proposal) + "/accept", Map.of("round", round));
    }

    private ApiResponse counter(Account who, UUID proposal, LocalDate due, Map<String, Object> contributions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Halve the time to first value");
        body.put("why", "Customers who succeed early stay");
        body.put("doneWhen", "Median time to first value is under 3 days");
        body.put("due", due.toString());
        body.put("contributions", contributions);
        body.put("note", "We need a month more for the training material");
        return api.post(who.token(), path(proposal) + "/counter", body);
    }

    private static Map<String, String> answers(JsonNode proposal) {
        Map<String, String> answers = new LinkedHashMap<>();
        proposal.get("teams")
                .forEach(team -> answers.put(
                        team.get("teamId").asString(), team.get("answer").asString()));
        return answers;
    }

    @Test
    void counterProposalsAcrossThreeTeamsAgreeOnlyOnTheLatestIdenticalTerms() {
        JsonNode opened =
                propose(a.lead(), contributions(a, b, c), b, c).expect(201).json();
        UUID proposal = UUID.fromString(opened.get("id").asString());
        assertThat(opened.get("status").asString()).isEqualTo("OPEN");
        assertThat(answers(opened))
                .containsExactly(
                        Map.entry(a.id().toString(), "ACCEPTED"),
                        Map.entry(b.id().toString(), "PENDING"),
                        Map.entry(c.id().toString(), "PENDING"));

        // Support counter-proposes a later date: everyone else is asked again, Support has accepted its own.
        JsonNode countered = counter(b.lead(), proposal, inDays(150), contributions(a, b, c))
                .expect(200)
                .json();
        assertThat(countered.get("round").asInt()).isEqualTo(2);
        assertThat(answers(countered))
                .containsExactly(
                        Map.entry(a.id().toString(), "PENDING"),
                        Map.entry(b.id().toString(), "ACCEPTED"),
                        Map.entry(c.id().toString(), "PENDING"));

        // Sales still accepting round 1 is refused: those terms are no longer on the table.
        accept(c.lead(), proposal, 1).expectProblem(409);
        accept(c.lead(), proposal, 2).expect(200);
        // Sales changes its contribution: round 3, and the acceptances of round 2 count for nothing.
        Map<String, Object> salesChange = contributions(a, b, c);
        salesChange.put(c.id().toString(), "Two account managers run the kick-off calls");
        JsonNode third = counter(c.lead(), proposal, inDays(150), salesChange)
                .expect(200)
                .json();
        assertThat(answers(third).get(b.id().toString())).isEqualTo("PENDING");
        accept(a.lead(), proposal, 3).expect(200);
        JsonNode notYet =
                api.get(a.member().token(), "/api/v1/goals/" + goal).expect(200).json();
        assertThat(notYet.get("coOwners").size()).isZero();
        assertThat(notYet.get("due").asString()).isEqualTo(inDays(120).toString());

        JsonNode agreed = accept(b.lead(), proposal, 3).expect(200).json();
        assertThat(agreed.get("status").asString()).isEqualTo("AGREED");
        assertThat(agreed.get("history").valueStream().map(s -> s.get("kind").asString()))
                .containsExactly("PROPOSED", "COUNTERED", "ACCEPTED", "COUNTERED", "ACCEPTED", "ACCEPTED", "AGREED");
        assertThat(agreed.get("rounds").size()).isEqualTo(3);

        // The goal now carries the agreed terms and every team's agreed contribution.
        JsonNode goalNow =
                api.get(d.member().token(), "/api/v1/goals/" + goal).expect(200).json();
        assertThat(goalNow.get("due").asString()).isEqualTo(inDays(150).toString());
        assertThat(goalNow.get("coOwners")
                        .valueStream()
                        .map(o -> o.get("teamId").asString()))
                .containsExactly(a.id().toString(), b.id().toString(), c.id().toString());
        assertThat(goalNow.get("coOwners").get(2).get("contribution").asString())
                .isEqualTo("Two account managers run the kick-off calls");
        // Its terms now change only by a new negotiation.
        api.patch(
                        a.lead().token(),
                        "/api/v1/goals/" + goal,
                        Map.of(
                                "title",
                                "Something else",
                                "version",
                                goalNow.get("version").asLong()))
                .expectProblem(409);
        // Nothing more can change in the agreed negotiation.
        accept(c.lead(), proposal, 3).expectProblem(409);
    }

    @Test
    void eachTeamSeesItsNegotiationAndNobodyElseDoes() {
        UUID proposal = propose(a.lead(), contributions(a, b), b).expect(201).id();
        // Members of both teams see it; a member who does not lead cannot answer for the team.
        assertThat(api.get(b.member().token(), path(proposal))
                        .expect(200)
                        .json()
                        .get("actsFor")
                        .size())
                .isZero();
        assertThat(api.get(b.lead().token(), path(proposal))
                        .expect(200)
                        .json()
                        .get("actsFor")
                        .get(0)
                        .asString())
                .isEqualTo(b.id().toString());
        api.get(a.member().token(), path(proposal)).expect(200);
        accept(b.member(), proposal, 1).expectProblem(403);
        // Another team's member and the admin (who leads no team here) get 404, and an empty list.
        api.get(d.lead().token(), path(proposal)).expectProblem(404);
        api.get(admin.token(), path(proposal)).expectProblem(404);
        accept(d.lead(), proposal, 1).expectProblem(404);
        assertThat(api.get(d.member().token(), "/api/v1/goals/" + goal + "/proposals")
                        .expect(200)
                        .json()
                        .get("items")
                        .size())
                .isZero();
        assertThat(api.get(b.member().token(), "/api/v1/goals/" + goal + "/proposals")
                        .expect(200)
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
        // Another organization answers as if the goal did not exist.
        Account stranger = api.signUp();
        api.get(stranger.token(), path(proposal)).expectProblem(404);
        // The invited team's lead is told, and may allow a member to answer for the team.
        api.awaitNotification(b.lead(), "proposes to co-own");
        api.send(
                        org.springframework.http.HttpMethod.PUT,
                        b.member().token(),
                        "/api/v1/teams/" + b.id() + "/negotiators",
                        Map.of("personIds", List.of(b.member().personId().toString())))
                .expectProblem(403);
        api.send(
                        org.springframework.http.HttpMethod.PUT,
                        b.lead().token(),
                        "/api/v1/teams/" + b.id() + "/negotiators",
                        Map.of("personIds", List.of(c.member().personId().toString())))
                .expectProblem(422);
        api.send(
                        org.springframework.http.HttpMethod.PUT,
                        b.lead().token(),
                        "/api/v1/teams/" + b.id() + "/negotiators",
                        Map.of("personIds", List.of(b.member().personId().toString())))
                .expect(200);
        assertThat(accept(b.member(), proposal, 1)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("AGREED");
        api.awaitNotification(a.lead(), "is co-owned now");
    }

    @Test
    void aDecliningTeamLeavesWithItsReasonAndTheOthersStillAgree() {
        UUID proposal =
                propose(a.lead(), contributions(a, b, c), b, c).expect(201).id();
        api.post(c.lead().token(), path(proposal) + "/decline", Map.of("reason", " "))
                .expectProblem(422);
        JsonNode declined = api.post(
                        c.lead().token(),
                        path(proposal) + "/decline",
                        Map.of("reason", "Our quarter is full with the renewal push"))
                .expect(200)
                .json();
        assertThat(declined.get("status").asString()).isEqualTo("OPEN");
        assertThat(declined.get("teams").get(2).get("reason").asString())
                .isEqualTo("Our quarter is full with the renewal push");
        // A counter-proposal now needs only the teams still in.
        counter(b.lead(), proposal, inDays(130), contributions(a, b, c)).expectProblem(422);
        counter(b.lead(), proposal, inDays(130), contributions(a, b)).expect(200);
        JsonNode agreed = accept(a.lead(), proposal, 2).expect(200).json();
        assertThat(agreed.get("status").asString()).isEqualTo("AGREED");
        // The declining team sees how it ended; it is not an owner.
        api.get(c.member().token(), path(proposal)).expect(200);
        assertThat(api.get(c.member().token(), "/api/v1/goals/" + goal)
                        .expect(200)
                        .json()
                        .get("coOwners")
                        .valueStream()
                        .map(o -> o.get("teamId").asString()))
                .containsExactly(a.id().toString(), b.id().toString());
    }

    @Test
    void whenEveryInvitedTeamDeclinesTheProposalIsDeclinedAndTheProposerMayWithdrawAnother() {
        UUID first = propose(a.lead(), contributions(a, b), b).expect(201).id();
        propose(a.lead(), contributions(a, c), c).expectProblem(409);
        api.post(a.lead().token(), path(first) + "/decline", Map.of("reason", "No"))
                .expectProblem(422);
        JsonNode declined = api.post(b.lead().token(), path(first) + "/decline", Map.of("reason", "Not this year"))
                .expect(200)
                .json();
        assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
        api.awaitNotification(a.lead(), "declined to co-own");

        UUID second = propose(a.lead(), contributions(a, c), c).expect(201).id();
        api.post(c.lead().token(), path(second) + "/withdraw", Map.of()).expectProblem(403);
        assertThat(api.post(a.lead().token(), path(second) + "/withdraw", Map.of("reason", "Priorities moved"))
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("WITHDRAWN");
        accept(c.lead(), second, 1).expectProblem(409);
    }

    @Test
    void badProposalsAreRefusedWithTheFieldNamed() {
        // Someone who does not act for the goal's team.
        propose(b.lead(), contributions(a, c), c).expectProblem(403);
        propose(a.member(), contributions(a, c), c).expectProblem(403);
        // A contribution missing, a team of nobody, a team that owns it already, nothing invited.
        assertThat(propose(a.lead(), contributions(a), b)
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("CONTRIBUTION_MISSING");
        Map<String, Object> stray = contributions(a, b);
        stray.put(UUID.randomUUID().toString(), "A team nobody invited");
        assertThat(propose(a.lead(), stray, b).errorFields()).containsExactly("contributions");
        Map<String, Object> unknown = new LinkedHashMap<>();
        unknown.put("invitedTeamIds", List.of(UUID.randomUUID().toString()));
        unknown.put("contributions", contributions(a));
        assertThat(api.post(a.lead().token(), "/api/v1/goals/" + goal + "/proposals", unknown)
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("UNKNOWN_TEAM");
        propose(a.lead(), contributions(a), a).expectProblem(422);
        assertThat(propose(a.lead(), contributions(a)).errorFields()).contains("invitedTeamIds");
        Map<String, Object> past = new LinkedHashMap<>();
        past.put("invitedTeamIds", List.of(b.id().toString()));
        past.put("contributions", contributions(a, b));
        past.put("due", inDays(-3).toString());
        assertThat(api.post(a.lead().token(), "/api/v1/goals/" + goal + "/proposals", past)
                        .errorFields())
                .containsExactly("due");
        // An organization goal is everyone's already.
        Map<String, Object> orgGoal = new LinkedHashMap<>();
        orgGoal.put("title", "Be the easiest product to start with");
        orgGoal.put("why", "Growth");
        orgGoal.put("doneWhen", "NPS of new customers above 50");
        orgGoal.put("due", inDays(300).toString());
        UUID organizationGoal =
                api.post(admin.token(), "/api/v1/goals", orgGoal).expect(201).id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("invitedTeamIds", List.of(b.id().toString()));
        body.put("contributions", contributions(b));
        assertThat(api.post(admin.token(), "/api/v1/goals/" + organizationGoal + "/proposals", body)
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("ORGANIZATION_GOAL");
        // The same terms again are not a counter-proposal.
        UUID proposal = propose(a.lead(), contributions(a, b), b).expect(201).id();
        Map<String, Object> same = new LinkedHashMap<>();
        same.put("title", "Halve the time to first value");
        same.put("why", "Customers who succeed early stay");
        same.put("doneWhen", "Median time to first value is under 3 days");
        same.put("due", inDays(120).toString());
        same.put("contributions", contributions(a, b));
        assertThat(api.post(b.lead().token(), path(proposal) + "/counter", same)
                        .expectProblem(422)
                        .get("reason")
                        .asString())
                .isEqualTo("SAME_TERMS");
        api.post(b.lead().token(), path(proposal) + "/accept", Map.of()).expectProblem(400);
    }

    @Test
    void proposingCounteringAndAcceptingCountAsCoOwningMoves() {
        Instant from = clock.instant();
        UUID proposal = propose(a.lead(), contributions(a, b), b).expect(201).id();
        counter(b.lead(), proposal, inDays(140), contributions(a, b)).expect(200);
        accept(a.lead(), proposal, 2).expect(200);
        List<EverydayMove> moves = negotiations.moves(admin.organizationId(), from, from.plus(Duration.ofDays(1)));
        assertThat(moves)
                .extracting(EverydayMove::personId)
                .containsExactly(
                        a.lead().personId(), b.lead().personId(), a.lead().personId());
        assertThat(moves)
                .allMatch(move -> move.kind() == EverydayMove.Kind.CO_OWN_GOAL
                        && move.sourceId().equals(proposal));
    }

    @Test
    void listsAGoalsProposalsAPageAtATimeNewestFirst() {
        List<UUID> made = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clock.advance(java.time.Duration.ofMinutes(1));
            UUID proposal =
                    propose(a.lead(), contributions(a, b), b).expect(201).id();
            made.add(0, proposal);
            if (i < 2) {
                api.post(a.lead().token(), path(proposal) + "/withdraw", Map.of("reason", "Try again"))
                        .expect(200);
            }
        }
        String list = "/api/v1/goals/" + goal + "/proposals";

        List<JsonNode> pages = api.pagesOf(b.member().token(), list + "?limit=2");

        assertThat(pages).hasSize(2);
        assertThat(ApiFixtures.itemsOf(pages).stream().map(p -> p.get("id").asString()))
                .containsExactlyElementsOf(made.stream().map(UUID::toString).toList());
        api.expectPagingRefused(b.member().token(), list);
    }
}
