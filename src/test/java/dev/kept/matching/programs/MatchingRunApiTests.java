package dev.kept.matching.programs;

import static dev.kept.matching.programs.ProgramFixtures.id;
import static dev.kept.matching.programs.ProgramFixtures.ids;
import static dev.kept.matching.programs.ProgramFixtures.matched;
import static dev.kept.matching.programs.ProgramFixtures.pairs;
import static dev.kept.matching.programs.ProgramFixtures.proposalOf;
import static dev.kept.matching.programs.ProgramFixtures.unmatched;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Runs of a program over the API: the hard rules hold even where breaking one would make the best
 * pair, each pair is a proposal both accept (a partnership) or decline (matched again with others,
 * never together), people left unmatched are offered a coach, and competitor declarations show
 * nowhere.
 */
@KeptApiTest
class MatchingRunApiTests {

    @Autowired
    ApiFixtures api;

    private ProgramFixtures programs;

    @BeforeEach
    void fixtures() {
        programs = new ProgramFixtures(api);
    }

    @Test
    void pairsTheBestFitsAndExplainsEachPair() {
        Account admin = api.signUp();
        Account ana = api.join(admin);
        Account ben = api.join(admin);
        Account cleo = api.join(admin);
        Account dan = api.join(admin);
        UUID program = programs.program(admin);
        programs.join(ana, program, List.of("kotlin"), List.of("negotiation"));
        programs.join(ben, program, List.of("negotiation"), List.of("kotlin"));
        programs.join(cleo, program, List.of("design"), List.of("sql"));
        programs.join(dan, program, List.of("sql"), List.of("design"));

        JsonNode run = programs.run(admin, program);

        assertThat(pairs(run)).containsExactlyInAnyOrder(ids(ana, ben), ids(cleo, dan));
        assertThat(run.get("trios")).isEmpty();
        assertThat(run.get("unmatched")).isEmpty();
        JsonNode pair = run.get("pairs")
                .valueStream()
                .filter(p -> Set.of(id(p.get("a")), id(p.get("b"))).equals(ids(ana, ben)))
                .findFirst()
                .orElseThrow();
        assertThat(pair.get("reasons").valueStream().map(JsonNode::asString))
                .contains(
                        ana.name() + "'s strength in kotlin meets " + ben.name() + "'s wish to grow in it",
                        ben.name() + "'s strength in negotiation meets " + ana.name() + "'s wish to grow in it");
        assertThat(pair.get("score").asDouble()).isPositive();
        assertThat(pair.get("status").asString()).isEqualTo("PENDING");
        double total = 0;
        for (JsonNode p : run.get("pairs")) {
            total += p.get("score").asDouble();
        }
        assertThat(run.get("totalScore").asDouble()).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(pair.get(id(pair.get("a")).equals(ana.personId()) ? "aName" : "bName")
                        .asString())
                .isEqualTo(ana.name());
        assertThat(run.get("names"))
                .as("names are on each row, not in a map of everyone")
                .isNull();

        JsonNode again = programs.run(admin, program, id(run.get("id")));
        assertThat(pairs(again)).isEqualTo(pairs(run));
        assertThat(api.get(admin.token(), "/api/v1/matching/programs/" + program + "/runs")
                        .expect(200)
                        .json()
                        .get("items")
                        .get(0)
                        .get("pairs")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void eachPersonSeesTheirOwnProposalWithItsReasonsAndIsTold() {
        Account admin = api.signUp();
        Account ana = api.join(admin);
        Account ben = api.join(admin);
        Account cleo = api.join(admin);
        UUID program = programs.program(admin);
        programs.join(ana, program, List.of("kotlin"), List.of("negotiation"));
        programs.join(ben, program, List.of("negotiation"), List.of("kotlin"));
        JsonNode run = programs.run(admin, program);
        UUID proposal = proposalOf(run, ana);

        JsonNode mine = api.get(ana.token(), "/api/v1/matching/proposals")
                .expect(200)
                .json()
                .get("items");

        assertThat(mine).hasSize(1);
        JsonNode seen = mine.get(0);
        assertThat(id(seen.get("id"))).isEqualTo(proposal);
        assertThat(seen.get("kind").asString()).isEqualTo("PAIR");
        assertThat(seen.get("people").valueStream().map(p -> p.get("name").asString()))
                .containsExactly(ana.name(), ben.name());
        assertThat(seen.get("reasons").valueStream().map(JsonNode::asString))
                .contains(ben.name() + "'s strength in negotiation meets " + ana.name() + "'s wish to grow in it");
        assertThat(api.get(ben.token(), "/api/v1/matching/proposals/" + proposal)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("PENDING");
        for (Account other : List.of(cleo, admin)) {
            api.get(other.token(), "/api/v1/matching/proposals/" + proposal).expectProblem(404);
            programs.answer(other, proposal, "accept").expectProblem(404);
            assertThat(api.get(other.token(), "/api/v1/matching/proposals")
                            .json()
                            .get("items"))
                    .isEmpty();
        }
        api.get(
                        ana.token(),
                        "/api/v1/matching/programs/" + program + "/runs/"
                                + run.get("id").asString())
                .expectProblem(403);
        api.post(ana.token(), "/api/v1/matching/programs/" + program + "/runs", null)
                .expectProblem(403);
        assertThat(api.awaitNotification(ben, "You have a match to accept or decline"))
                .contains(api.get(admin.token(), "/api/v1/matching/programs/" + program)
                        .json()
                        .get("name")
                        .asString());
    }

    @Test
    void neverPairsTheReportingLineOrDeclaredCompetitorsEvenWhenTheyFitBest() {
        Account admin = api.signUp();
        Account manager = api.join(admin);
        Account report = api.join(admin, Map.of("managerId", manager.personId().toString()));
        Account skipReport =
                api.join(admin, Map.of("managerId", report.personId().toString()));
        Account rival = api.join(admin);
        Account declarer = api.join(admin);
        Account other = api.join(admin);
        UUID program = programs.program(admin);
        // manager and skip-level report, and rival and declarer, are each other's perfect fit
        programs.join(manager, program, List.of("kotlin", "sql"), List.of("negotiation", "design"));
        programs.join(skipReport, program, List.of("negotiation", "design"), List.of("kotlin", "sql"));
        programs.join(rival, program, List.of("rust", "go"), List.of("hiring", "writing"));
        programs.join(
                declarer,
                program,
                List.of("hiring", "writing"),
                List.of("rust", "go"),
                "competitors",
                List.of(rival.personId().toString()));
        programs.join(report, program, List.of("cooking"), List.of("gardening"));
        programs.join(other, program, List.of("gardening"), List.of("cooking"));

        JsonNode run = programs.run(admin, program);

        assertThat(matched(run)).hasSize(6);
        for (Set<UUID> pair : pairs(run)) {
            assertThat(pair)
                    .isNotEqualTo(ids(manager, skipReport))
                    .isNotEqualTo(ids(rival, declarer))
                    .isNotEqualTo(ids(manager, report))
                    .isNotEqualTo(ids(report, skipReport));
        }
        for (JsonNode trio : run.get("trios")) {
            List<UUID> members = new ArrayList<>();
            trio.get("members").forEach(m -> members.add(id(m)));
            assertThat(members).doesNotContainSequence(manager.personId(), skipReport.personId());
        }
        assertThat(run.toString()).doesNotContainIgnoringCase("compet").doesNotContainIgnoringCase("report");
    }

    @Test
    void competitorDeclarationsShowInNoResponseToAnyone() {
        Account admin = api.signUp();
        Account declarer = api.join(admin);
        Account rival = api.join(admin);
        Account third = api.join(admin);
        UUID program = programs.program(admin);
        String rivalId = rival.personId().toString();

        ApiResponse joined = programs.optIn(
                        declarer,
                        program,
                        ProgramFixtures.profile(List.of("sql"), List.of("go"), "competitors", List.of(rivalId)))
                .expect(201);
        programs.join(rival, program, List.of("go"), List.of("sql"));
        programs.join(third, program, List.of("go"), List.of("design"));
        JsonNode run = programs.run(admin, program);

        assertThat(joined.body()).doesNotContain(rivalId).doesNotContainIgnoringCase("compet");
        assertThat(api.get(declarer.token(), "/api/v1/me/conflicts")
                        .json()
                        .get("personIds")
                        .get(0)
                        .asString())
                .as("stored with the declarer's own declarations, which only they read")
                .isEqualTo(rivalId);
        assertThat(pairs(run)).doesNotContain(ids(declarer, rival));
        List<String> answers = new ArrayList<>();
        answers.add(run.toString());
        for (Account viewer : List.of(admin, declarer, rival, third)) {
            answers.add(api.get(viewer.token(), "/api/v1/matching/programs/" + program)
                    .body());
            answers.add(api.get(viewer.token(), "/api/v1/matching/programs").body());
            answers.add(api.get(viewer.token(), "/api/v1/matching/proposals").body());
            answers.add(api.get(viewer.token(), "/api/v1/matching/programs/" + program + "/participants/me")
                    .body());
            answers.add(api.get(viewer.token(), "/api/v1/notifications").body());
        }
        for (String answer : answers) {
            assertThat(answer).doesNotContainIgnoringCase("compet").doesNotContainIgnoringCase("not eligible");
        }
        assertThat(api.get(rival.token(), "/api/v1/me/conflicts").json().get("personIds"))
                .isEmpty();
    }

    @Test
    void whenBothAcceptTheyBecomeActivePartners() {
        Account admin = api.signUp();
        Account ana = api.join(admin);
        Account ben = api.join(admin);
        UUID program = programs.program(admin);
        programs.join(ana, program, List.of("kotlin"), List.of("sql"), "preferredCadence", "WEEKLY");
        programs.join(ben, program, List.of("sql"), List.of("kotlin"), "preferredCadence", "WEEKLY");
        UUID proposal = proposalOf(programs.run(admin, program), ana);

        JsonNode half = programs.answer(ana, proposal, "accept").expect(200).json();
        assertThat(half.get("status").asString()).isEqualTo("PENDING");
        assertThat(half.get("myAnswer").asString()).isEqualTo("ACCEPTED");
        assertThat(api.get(ana.token(), "/api/v1/partnerships").json().get("items"))
                .isEmpty();

        JsonNode both = programs.answer(ben, proposal, "accept").expect(200).json();

        assertThat(both.get("status").asString()).isEqualTo("ACCEPTED");
        JsonNode partnership =
                api.get(ana.token(), "/api/v1/partnerships").json().get("items").get(0);
        assertThat(partnership.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(partnership.get("kind").asString()).isEqualTo("PEER");
        assertThat(partnership.get("partnerName").asString()).isEqualTo(ben.name());
        assertThat(partnership.get("cadence").asString()).isEqualTo("WEEKLY");
        assertThat(api.get(ben.token(), "/api/v1/partnerships")
                        .json()
                        .get("items")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("ACTIVE");
        programs.answer(ana, proposal, "decline").expectProblem(409);
        api.awaitNotification(ana, "you are partners now");
        api.delete(ana.token(), "/api/v1/matching/programs/" + program + "/participants")
                .expectProblem(409);

        JsonNode rerun = programs.run(admin, program);
        assertThat(matched(rerun)).isEmpty();
        assertThat(unmatched(rerun)).isEmpty();
    }

    @Test
    void aMatchTheRulesNoLongerAllowIsWithdrawnWithoutSayingWhyAndItsPeopleAreMatchedAgain() {
        Account admin = api.signUp();
        Account ana = api.join(admin);
        Account ben = api.join(admin);
        Account cleo = api.join(admin);
        Account dan = api.join(admin);
        UUID program = programs.program(admin);
        programs.join(ana, program, List.of("kotlin", "sql"), List.of("negotiation", "design"));
        programs.join(ben, program, List.of("negotiation", "design"), List.of("kotlin", "sql"));
        programs.join(cleo, program, List.of("rust"), List.of("hiring"));
        programs.join(dan, program, List.of("hiring"), List.of("rust"));
        JsonNode first = programs.run(admin, program);
        assertThat(pairs(first)).containsExactlyInAnyOrder(ids(ana, ben), ids(cleo, dan));
        UUID anaAndBen = proposalOf(first, ana);
        programs.answer(ben, anaAndBen, "accept").expect(200);
        // after the run, Ana privately declares Ben a competitor
        api.send(
                        org.springframework.http.HttpMethod.PUT,
                        ana.token(),
                        "/api/v1/me/conflicts",
                        Map.of("personIds", List.of(ben.personId().toString())))
                .expect(200);

        ApiResponse answered = programs.answer(ana, anaAndBen, "accept").expect(200);

        assertThat(answered.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(api.get(ana.token(), "/api/v1/partnerships").json().get("items"))
                .isEmpty();
        assertThat(api.get(ben.token(), "/api/v1/partnerships").json().get("items"))
                .isEmpty();
        String told = api.awaitNotification(ben, "can no longer be formed");
        api.awaitNotification(ana, "can no longer be formed");
        JsonNode seenByBen =
                api.get(ben.token(), "/api/v1/matching/proposals/" + anaAndBen).json();
        assertThat(seenByBen.get("status").asString()).isEqualTo("WITHDRAWN");
        for (String shown : List.of(answered.body(), seenByBen.toString(), told)) {
            assertThat(shown).doesNotContainIgnoringCase("compet").doesNotContainIgnoringCase("not eligible");
        }
        programs.answer(ben, anaAndBen, "decline").expectProblem(409);

        JsonNode second = programs.run(admin, program);
        // Cleo and Dan still wait for their answers; Ana and Ben take part again, never together.
        assertThat(pairs(second)).isEmpty();
        assertThat(unmatched(second)).containsExactlyInAnyOrder(ana.personId(), ben.personId());
    }

    @Test
    void aMatchWaitingForAnswersIsWithdrawnWhenOneOfItsPeopleIsDeactivated() {
        Account admin = api.signUp();
        Account ana = api.join(admin);
        Account ben = api.join(admin);
        UUID program = programs.program(admin);
        programs.join(ana, program, List.of("kotlin"), List.of("negotiation"));
        programs.join(ben, program, List.of("negotiation"), List.of("kotlin"));
        UUID proposal = proposalOf(programs.run(admin, program), ana);
        programs.answer(ana, proposal, "accept").expect(200);

        api.post(admin.token(), "/api/v1/people/" + ben.personId() + "/deactivate", null)
                .expect(200);

        JsonNode seenByAna = api.get(ana.token(), "/api/v1/matching/proposals/" + proposal)
                .expect(200)
                .json();
        assertThat(seenByAna.get("status").asString()).isEqualTo("WITHDRAWN");
        api.awaitNotification(ana, "can no longer be formed");
        programs.answer(ana, proposal, "accept").expectProblem(409);
        assertThat(api.get(ana.token(), "/api/v1/partnerships").json().get("items"))
                .isEmpty();
        // Ana takes part in the next run again; Ben no longer does
        JsonNode next = programs.run(admin, program);
        assertThat(pairs(next)).isEmpty();
        assertThat(unmatched(next)).containsExactly(ana.personId());
    }

    @Test
    void aDeclinedPairIsMatchedAgainWithOthersAmongThoseLeftAndNeverTogether() {
        Account admin = api.signUp();
        Account ana = api.join(admin);
        Account ben = api.join(admin);
        Account cleo = api.join(admin);
        Account dan = api.join(admin);
        Account eve = api.join(admin);
        Account finn = api.join(admin);
        UUID program = programs.program(admin);
        programs.join(ana, program, List.of("kotlin", "sql"), List.of("negotiation", "design"));
        programs.join(ben, program, List.of("negotiation", "design"), List.of("kotlin", "sql"));
        programs.join(cleo, program, List.of("rust"), List.of("hiring"));
        programs.join(dan, program, List.of("hiring"), List.of("rust"));
        programs.join(eve, program, List.of("go", "sql"), List.of("writing", "design"));
        programs.join(finn, program, List.of("writing", "design"), List.of("go", "sql"));
        JsonNode first = programs.run(admin, program);
        assertThat(pairs(first)).containsExactlyInAnyOrder(ids(ana, ben), ids(cleo, dan), ids(eve, finn));

        programs.answer(ana, proposalOf(first, ana), "decline").expect(200);
        programs.answer(finn, proposalOf(first, finn), "decline").expect(200);
        programs.answer(cleo, proposalOf(first, cleo), "accept").expect(200);
        assertThat(api.get(ben.token(), "/api/v1/matching/proposals/" + proposalOf(first, ben))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DECLINED");
        api.awaitNotification(ben, "was declined");

        JsonNode second = programs.run(admin, program);

        assertThat(matched(second))
                .as("cleo and dan wait for dan's answer; the others are matched again")
                .isEqualTo(ids(ana, ben, eve, finn));
        assertThat(pairs(second)).doesNotContain(ids(ana, ben), ids(eve, finn)).hasSize(2);

        for (Set<UUID> pair : pairs(second)) {
            Account someone = pair.contains(ana.personId()) ? ana : ben;
            programs.answer(someone, proposalOf(second, someone), "decline").expect(200);
        }
        JsonNode third = programs.run(admin, program);
        assertThat(pairs(third)).doesNotContain(ids(ana, ben), ids(eve, finn));
        for (Set<UUID> pair : pairs(third)) {
            assertThat(pairs(second)).doesNotContain(pair);
        }
    }

    @Test
    void someoneLeftUnmatchedIsOfferedACoachOutsideTheirReportingLine() {
        Account admin = api.signUp();
        Account manager = api.join(admin);
        Account alone = api.join(admin, Map.of("managerId", manager.personId().toString()));
        Account coach = api.join(admin);
        java.util.Map<String, Object> body = ProgramFixtures.program("With coaches");
        body.put(
                "coachIds",
                List.of(manager.personId().toString(), coach.personId().toString()));
        UUID program = programs.program(admin, body);
        programs.join(alone, program, List.of("sql"), List.of("go"));

        JsonNode run = programs.run(admin, program);

        assertThat(unmatched(run)).containsExactly(alone.personId());
        JsonNode summary = api.get(admin.token(), "/api/v1/matching/programs/" + program + "/runs")
                .expect(200)
                .json()
                .get("items")
                .get(0);
        assertThat(summary.get("unmatched").asInt()).isEqualTo(1);
        assertThat(summary.get("pairs").asInt()).isZero();
        assertThat(run.get("counts").get("coachOffers").asInt()).isEqualTo(1);
        assertThat(run.get("counts").get("pending").asInt()).isEqualTo(1);
        assertThat(run.get("unmatched").get(0).get("name").asString()).isEqualTo(alone.name());
        JsonNode offer = run.get("unmatched").get(0).get("coachOffer");
        assertThat(id(offer.get("personId"))).isEqualTo(alone.personId());
        assertThat(id(offer.get("coachId"))).isEqualTo(coach.personId());
        assertThat(offer.get("coachName").asString()).isEqualTo(coach.name());
        UUID proposal = id(offer.get("proposalId"));
        api.awaitNotification(alone, "You are offered a coach");
        JsonNode seen = api.get(alone.token(), "/api/v1/matching/proposals/" + proposal)
                .expect(200)
                .json();
        assertThat(seen.get("kind").asString()).isEqualTo("COACH");
        assertThat(seen.get("people").get(1).get("coach").asBoolean()).isTrue();

        JsonNode accepted =
                programs.answer(alone, proposal, "accept").expect(200).json();

        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        JsonNode partnership = api.get(alone.token(), "/api/v1/partnerships")
                .json()
                .get("items")
                .get(0);
        assertThat(partnership.get("kind").asString()).isEqualTo("COACH");
        assertThat(partnership.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(partnership.get("partnerName").asString()).isEqualTo(coach.name());
        assertThat(partnership.get("invitedByMe").asBoolean())
                .as("the coach holds them accountable")
                .isTrue();
    }

    @Test
    void anOddOneJoinsAPairAsATrioAndAllThreeBecomePartners() {
        Account admin = api.signUp();
        Account ana = api.join(admin);
        Account ben = api.join(admin);
        Account cleo = api.join(admin);
        UUID program = programs.program(admin);
        programs.join(ana, program, List.of("kotlin"), List.of("sql"));
        programs.join(ben, program, List.of("sql"), List.of("kotlin"));
        programs.join(cleo, program, List.of("sql"), List.of("kotlin"));

        JsonNode run = programs.run(admin, program);

        assertThat(run.get("pairs")).isEmpty();
        assertThat(run.get("trios")).hasSize(1);
        JsonNode summary = api.get(admin.token(), "/api/v1/matching/programs/" + program + "/runs")
                .expect(200)
                .json()
                .get("items")
                .get(0);
        assertThat(summary.get("trios").asInt()).isEqualTo(1);
        assertThat(run.get("counts").get("trios").asInt()).isEqualTo(1);
        assertThat(run.get("trios").get(0).get("memberNames").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(ana.name(), ben.name(), cleo.name());
        assertThat(summary.get("pairs").asInt()).isZero();
        assertThat(summary.get("totalScore").asDouble())
                .isEqualTo(run.get("totalScore").asDouble());
        UUID proposal = proposalOf(run, cleo);
        programs.answer(ana, proposal, "accept").expect(200);
        programs.answer(ben, proposal, "accept").expect(200);
        assertThat(programs.answer(cleo, proposal, "accept")
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ACCEPTED");
        for (Account person : List.of(ana, ben, cleo)) {
            assertThat(api.get(person.token(), "/api/v1/partnerships").json().get("items"))
                    .hasSize(2)
                    .allSatisfy(p -> assertThat(p.get("status").asString()).isEqualTo("ACTIVE"));
        }
    }

    @Test
    void previousPartnersAreNotPairedWhenTheProgramAvoidsThem() {
        Account admin = api.signUp();
        Account ana = api.join(admin);
        Account ben = api.join(admin);
        UUID ended = api.partnership(ana, ben, "PEER");
        api.post(ana.token(), "/api/v1/partnerships/" + ended + "/end", null).expect(200);
        UUID avoiding = programs.program(admin);
        Map<String, Object> allowing = ProgramFixtures.program("Again");
        allowing.put("rules", Map.of("avoidPreviousPartners", false));
        UUID again = programs.program(admin, allowing);
        for (UUID program : List.of(avoiding, again)) {
            programs.join(ana, program, List.of("kotlin"), List.of("sql"));
            programs.join(ben, program, List.of("sql"), List.of("kotlin"));
        }

        assertThat(unmatched(programs.run(admin, avoiding))).containsExactlyInAnyOrder(ana.personId(), ben.personId());
        assertThat(pairs(programs.run(admin, again))).containsExactly(ids(ana, ben));
    }
}
