package dev.kept.teamwork;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Jeopardy flags over the API: raised by someone who sees a commitment, expectation or goal,
 * answered by its owners, resolved or withdrawn; who is told, who sees a flag, and what is refused.
 */
@KeptApiTest
class FlagApiTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    dev.kept.StatementCounter counter;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private LocalDate inDays(int days) {
        return LocalDate.now(clock).plusDays(days);
    }

    private static Map<String, Object> flag(String type, UUID target) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("targetType", type);
        body.put("targetId", target.toString());
        body.put("noticed", "The last progress update was on 3 March and the due date is Friday.");
        body.put("question", "What would help you reach Friday?");
        return body;
    }

    @Test
    void aColleagueRaisesAFlagTheOwnerAnswersAndResolvesIt() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account colleague = api.join(admin);
        UUID commitment = api.commit(owner, inDays(10), "ORGANIZATION");

        ApiResponse raised = api.post(colleague.token(), "/api/v1/flags", flag("COMMITMENT", commitment))
                .expect(201);
        UUID id = raised.id();
        assertThat(raised.headers().getLocation()).hasToString("/api/v1/flags/" + id);
        JsonNode flag = raised.json();
        assertThat(flag.get("status").asString()).isEqualTo("OPEN");
        assertThat(flag.get("targetTitle").asString()).isEqualTo("Publish the onboarding checklist for new engineers");
        assertThat(flag.get("wordingHints")).isEmpty();
        assertThat(flag.get("helpOfferId").isNull()).isTrue();
        assertThat(flag.get("canWithdraw").asBoolean()).isTrue();
        assertThat(flag.get("canAnswer").asBoolean()).isFalse();

        String told = api.awaitNotification(owner, "raised a flag");
        assertThat(told).contains(colleague.name()).doesNotContain("progress update");

        JsonNode seenByOwner =
                api.get(owner.token(), "/api/v1/flags/" + id).expect(200).json();
        assertThat(seenByOwner.get("canAnswer").asBoolean()).isTrue();
        assertThat(seenByOwner.get("canWithdraw").asBoolean()).isFalse();

        api.post(owner.token(), "/api/v1/flags/" + id + "/answer", Map.of("answer", "The review slipped; Monday."))
                .expect(200);
        JsonNode changed = api.post(
                        owner.token(), "/api/v1/flags/" + id + "/answer", Map.of("answer", "Reviewed today, on track."))
                .expect(200)
                .json();
        assertThat(changed.get("answer").asString()).isEqualTo("Reviewed today, on track.");
        assertThat(changed.get("answeredByName").asString()).isEqualTo(owner.name());
        api.awaitNotification(colleague, owner.name() + " answered the flag you raised");

        JsonNode resolved = api.post(owner.token(), "/api/v1/flags/" + id + "/resolve", Map.of("note", "Back on track"))
                .expect(200)
                .json();
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.get("note").asString()).isEqualTo("Back on track");
        api.awaitNotification(colleague, owner.name() + " resolved a flag");

        api.post(owner.token(), "/api/v1/flags/" + id + "/answer", Map.of("answer", "Late"))
                .expectProblem(409);
        api.post(colleague.token(), "/api/v1/flags/" + id + "/withdraw", Map.of())
                .expectProblem(409);
        api.post(colleague.token(), "/api/v1/flags/" + id + "/resolve", Map.of())
                .expectProblem(409);
    }

    @Test
    void theRaiserWithdrawsAndTheOwnersAreTold() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account colleague = api.join(admin);
        UUID commitment = api.commit(owner, inDays(10), "ORGANIZATION");
        UUID id = api.post(colleague.token(), "/api/v1/flags", flag("COMMITMENT", commitment))
                .expect(201)
                .id();

        api.post(owner.token(), "/api/v1/flags/" + id + "/withdraw", Map.of()).expectProblem(403);
        JsonNode withdrawn = api.post(colleague.token(), "/api/v1/flags/" + id + "/withdraw", Map.of())
                .expect(200)
                .json();

        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        api.awaitNotification(owner, colleague.name() + " withdrew a flag");
        api.post(colleague.token(), "/api/v1/flags/" + id + "/withdraw", Map.of())
                .expectProblem(409);
    }

    @Autowired
    Flags flags;

    @Test
    void theFlagsOnTargetsAreReadOpenFirstNewestFirstUpToTheirBound() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        UUID commitment = api.commit(owner, inDays(10), "ORGANIZATION");
        List<UUID> raised = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Account colleague = api.join(admin);
            raised.add(api.post(colleague.token(), "/api/v1/flags", flag("COMMITMENT", commitment))
                    .expect(201)
                    .id());
            clock.advance(java.time.Duration.ofMinutes(1));
            if (i == 2) {
                api.post(colleague.token(), "/api/v1/flags/" + raised.get(i) + "/withdraw", Map.of())
                        .expect(200);
            }
        }

        dev.kept.people.Caller asOwner = dev.kept.SignedIn.caller(owner);
        assertThat(flags.onTargets(asOwner, TargetType.COMMITMENT, List.of(commitment), 2).stream()
                        .map(FlagView::id))
                .as("the two open flags, newest first; the withdrawn one, newest of all, after them")
                .containsExactly(raised.get(1), raised.get(0));
        assertThat(flags.onTargets(asOwner, TargetType.COMMITMENT, List.of(commitment), 10))
                .hasSize(3);
    }

    @Test
    void theRaiserMayResolveButNeitherAnswersNorAnyoneElseActs() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account colleague = api.join(admin);
        Account bystander = api.join(admin);
        UUID commitment = api.commit(owner, inDays(10), "ORGANIZATION");
        UUID id = api.post(colleague.token(), "/api/v1/flags", flag("COMMITMENT", commitment))
                .expect(201)
                .id();

        api.post(colleague.token(), "/api/v1/flags/" + id + "/answer", Map.of("answer", "Me?"))
                .expectProblem(403);
        api.post(bystander.token(), "/api/v1/flags/" + id + "/answer", Map.of("answer", "Me?"))
                .expectProblem(403);
        api.post(bystander.token(), "/api/v1/flags/" + id + "/resolve", Map.of())
                .expectProblem(403);
        api.post(bystander.token(), "/api/v1/flags/" + id + "/withdraw", Map.of())
                .expectProblem(403);

        JsonNode resolved = api.post(colleague.token(), "/api/v1/flags/" + id + "/resolve", Map.of())
                .expect(200)
                .json();
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.get("closedByName").asString()).isEqualTo(colleague.name());
        api.awaitNotification(owner, colleague.name() + " resolved a flag");
    }

    @Test
    void aFlagWithHelpOffersItToTheOwnerTiedToTheCommitmentAndTheFlag() {
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("Core"));
        Account owner = api.join(admin, Map.of("teamId", team.toString()));
        Account colleague = api.join(admin, Map.of("teamId", team.toString()));
        UUID commitment = api.commit(owner, inDays(10), "TEAM");
        Map<String, Object> body = flag("COMMITMENT", commitment);
        body.put("help", Map.of("kind", "TIME", "what", "Two afternoons next week"));

        JsonNode raised =
                api.post(colleague.token(), "/api/v1/flags", body).expect(201).json();

        UUID offer = UUID.fromString(raised.get("helpOfferId").asString());
        JsonNode help = api.get(owner.token(), "/api/v1/help-offers/" + offer)
                .expect(200)
                .json();
        assertThat(help.get("toPersonId").asString()).isEqualTo(owner.personId().toString());
        assertThat(help.get("kind").asString()).isEqualTo("TIME");
        assertThat(help.get("what").asString()).isEqualTo("Two afternoons next week");
        assertThat(help.get("targetType").asString()).isEqualTo("COMMITMENT");
        assertThat(help.get("targetId").asString()).isEqualTo(commitment.toString());
        assertThat(help.get("flagId").asString()).isEqualTo(raised.get("id").asString());
        assertThat(help.get("status").asString()).isEqualTo("PENDING");
        api.awaitNotification(owner, colleague.name() + " offers help");
    }

    @Test
    void answersWithWordingHintsWithoutBlocking() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account colleague = api.join(admin);
        UUID commitment = api.commit(owner, inDays(10), "ORGANIZATION");
        Map<String, Object> body = flag("COMMITMENT", commitment);
        body.put("noticed", "You never update anything, it is careless.");
        body.put("question", "Tell me when it will be done");

        JsonNode raised =
                api.post(colleague.token(), "/api/v1/flags", body).expect(201).json();

        List<String> codes = raised.get("wordingHints")
                .valueStream()
                .map(h -> h.get("field").asString() + ":" + h.get("code").asString())
                .toList();
        assertThat(codes).contains("noticed:JUDGING", "question:NOT_A_QUESTION");
    }

    @Test
    void refusesAFlagOnYourOwnCommitmentAndOnWhatYouCannotSee() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account colleague = api.join(admin);
        UUID open = api.commit(owner, inDays(10), "ORGANIZATION");
        UUID hidden = api.commit(owner, inDays(10), "PRIVATE");

        JsonNode own = api.post(owner.token(), "/api/v1/flags", flag("COMMITMENT", open))
                .expectProblem(422);
        assertThat(own.get("reason").asString()).isEqualTo("OWN_COMMITMENT");
        JsonNode unseen = api.post(colleague.token(), "/api/v1/flags", flag("COMMITMENT", hidden))
                .expectProblem(422);
        assertThat(unseen.get("reason").asString()).isEqualTo("UNKNOWN_TARGET");
        assertThat(unseen.get("field").asString()).isEqualTo("targetId");
        JsonNode unknown = api.post(colleague.token(), "/api/v1/flags", flag("COMMITMENT", UUID.randomUUID()))
                .expectProblem(422);
        assertThat(unknown.get("detail").asString())
                .isEqualTo(unseen.get("detail").asString());
    }

    @Test
    void namesTheFieldsOfAnInvalidFlag() {
        Account admin = api.signUp();
        Account colleague = api.join(admin);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("targetType", "COMMITMENT");
        body.put("noticed", "x".repeat(2001));
        body.put("question", " ");
        body.put("help", Map.of("what", "y".repeat(1001)));

        ApiResponse refused = api.post(colleague.token(), "/api/v1/flags", body);

        refused.expectProblem(400);
        assertThat(refused.errorFields()).contains("targetId", "noticed", "question", "help.kind", "help.what");
        ApiResponse badType = api.post(colleague.token(), "/api/v1/flags", Map.of("targetType", "TEAM"));
        assertThat(badType.status()).isEqualTo(400);
        api.post(colleague.token(), "/api/v1/flags/" + UUID.randomUUID() + "/answer", Map.of("answer", " "))
                .expectProblem(400);
        api.get(colleague.token(), "/api/v1/flags?targetType=COMMITMENT").expectProblem(422);
    }

    @Test
    void aFlagIsSeenByItsRaiserAndByWhoeverSeesItsCommitment() {
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("Core"));
        Account owner = api.join(admin, Map.of("teamId", team.toString()));
        Account teammate = api.join(admin, Map.of("teamId", team.toString()));
        Account partner = api.join(admin);
        Account colleague = api.join(admin);
        Account coOwner = api.join(admin);
        Account guest = api.guest(owner, "COACH");
        api.partnership(owner, partner, "PEER");

        UUID privateOne = api.commit(owner, inDays(10), "PRIVATE");
        api.post(
                        owner.token(),
                        "/api/v1/commitments/" + privateOne + "/co-owners",
                        Map.of("personId", coOwner.personId().toString()))
                .expect(201);
        UUID partners = api.commit(owner, inDays(10), "PARTNERS");
        UUID teams = api.commit(owner, inDays(10), "TEAM");
        UUID organization = api.commit(owner, inDays(10), "ORGANIZATION");

        UUID onPrivate = api.post(coOwner.token(), "/api/v1/flags", flag("COMMITMENT", privateOne))
                .expect(201)
                .id();
        UUID onPartners = api.post(partner.token(), "/api/v1/flags", flag("COMMITMENT", partners))
                .expect(201)
                .id();
        UUID onTeam = api.post(teammate.token(), "/api/v1/flags", flag("COMMITMENT", teams))
                .expect(201)
                .id();
        UUID onOrganization = api.post(colleague.token(), "/api/v1/flags", flag("COMMITMENT", organization))
                .expect(201)
                .id();

        Map<UUID, List<Account>> seers = Map.of(
                onPrivate, List.of(owner, coOwner),
                onPartners, List.of(owner, partner),
                onTeam, List.of(owner, teammate),
                onOrganization, List.of(owner, colleague, teammate, partner, coOwner, admin));
        List<Account> everyone = List.of(owner, teammate, partner, colleague, coOwner, admin, guest);
        seers.forEach((flagId, allowed) -> {
            for (Account viewer : everyone) {
                ApiResponse answer = api.get(viewer.token(), "/api/v1/flags/" + flagId);
                assertThat(answer.status())
                        .as("%s on %s", viewer.name(), flagId)
                        .isEqualTo(allowed.contains(viewer) ? 200 : 404);
            }
        });

        assertThat(ids(api.get(owner.token(), "/api/v1/flags").expect(200).json()))
                .containsExactlyInAnyOrder(onPrivate, onPartners, onTeam, onOrganization);
        assertThat(ids(api.get(partner.token(), "/api/v1/flags").expect(200).json()))
                .containsExactly(onPartners);
        assertThat(ids(api.get(admin.token(), "/api/v1/flags").expect(200).json()))
                .isEmpty();
        assertThat(ids(api.get(admin.token(), "/api/v1/flags?targetType=COMMITMENT&targetId=" + organization)
                        .expect(200)
                        .json()))
                .containsExactly(onOrganization);
        assertThat(ids(api.get(admin.token(), "/api/v1/flags?targetType=COMMITMENT&targetId=" + partners)
                        .expect(200)
                        .json()))
                .isEmpty();
        api.get(guest.token(), "/api/v1/flags").expectProblem(404);

        // a flag on a commitment that later becomes private stays its raiser's, without the commitment
        api.patch(
                        owner.token(),
                        "/api/v1/commitments/" + organization,
                        Map.of("visibility", "PRIVATE", "version", version(owner, organization)))
                .expect(200);
        JsonNode ownFlag = api.get(colleague.token(), "/api/v1/flags/" + onOrganization)
                .expect(200)
                .json();
        assertThat(ownFlag.get("targetTitle").isNull()).isTrue();
        api.get(admin.token(), "/api/v1/flags/" + onOrganization).expectProblem(404);
    }

    @Test
    void theOwnersOfAnExpectationAndOfAGoalAreTold() {
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("Core"));
        Account lead = api.join(admin, Map.of("teamId", team.toString()));
        api.patch(
                        admin.token(),
                        "/api/v1/teams/" + team,
                        Map.of("leadId", lead.personId().toString()))
                .expect(200);
        Account requester = api.join(admin);
        Account asked = api.join(admin);
        Account member = api.join(admin, Map.of("teamId", team.toString()));

        Map<String, Object> ask = new LinkedHashMap<>();
        ask.put("toPersonId", asked.personId().toString());
        ask.put("what", "Write the on-call handbook");
        ask.put("doneWhen", "It is on the wiki and 2 engineers used it");
        ask.put("due", inDays(10).toString());
        UUID expectation = api.post(requester.token(), "/api/v1/expectations", ask)
                .expect(201)
                .id();
        api.post(asked.token(), "/api/v1/flags", flag("EXPECTATION", expectation))
                .expect(201);
        api.awaitNotification(requester, asked.name() + " raised a flag: an expectation");

        UUID goal = api.post(
                        lead.token(),
                        "/api/v1/goals",
                        Map.of(
                                "title", "Onboarding takes a day",
                                "why", "People start faster",
                                "doneWhen", "Nine in ten start in a day",
                                "due", inDays(60).toString(),
                                "teamId", team.toString()))
                .expect(201)
                .id();
        UUID onGoal = api.post(member.token(), "/api/v1/flags", flag("GOAL", goal))
                .expect(201)
                .id();
        api.awaitNotification(lead, member.name() + " raised a flag: a goal");
        api.post(lead.token(), "/api/v1/flags/" + onGoal + "/answer", Map.of("answer", "We hired two people."))
                .expect(200);
        api.post(admin.token(), "/api/v1/flags/" + onGoal + "/answer", Map.of("answer", "Not mine"))
                .expectProblem(403);
    }

    private long version(Account owner, UUID commitment) {
        return api.get(owner.token(), "/api/v1/commitments/" + commitment)
                .expect(200)
                .json()
                .get("version")
                .asLong();
    }

    @Test
    void listsFlagsAPageAtATimeOpenFirstWithTheSameStatementsForTenTimesMore() {
        TeamworkListFixtures fixtures = new TeamworkListFixtures(jdbc);
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account colleague = api.join(admin);
        UUID commitment = api.commit(owner, inDays(10), "ORGANIZATION");
        java.time.Instant start = clock.instant();
        List<UUID> open = new java.util.ArrayList<>();
        List<UUID> closed = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String status = i % 2 == 1 ? "RESOLVED" : "OPEN";
            UUID id = flagOnItsOwnTarget(fixtures, admin, owner, colleague, i, status, start.plusSeconds(60L * i));
            (status.equals("OPEN") ? open : closed).add(0, id);
        }
        List<UUID> expected = new java.util.ArrayList<>(open);
        expected.addAll(closed);

        List<UUID> seen = api.followPages(colleague.token(), "/api/v1/flags?limit=2").stream()
                .map(item -> UUID.fromString(item.get("id").asString()))
                .toList();
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(ids(api.get(owner.token(), "/api/v1/flags").expect(200).json()))
                .containsExactlyElementsOf(expected);
        api.expectPagingRefused(colleague.token(), "/api/v1/flags");

        Account largeAdmin = api.signUp();
        Account largeOwner = api.join(largeAdmin);
        Account largeColleague = api.join(largeAdmin);
        for (int i = 0; i < 50; i++) {
            flagOnItsOwnTarget(
                    fixtures,
                    largeAdmin,
                    largeOwner,
                    largeColleague,
                    i,
                    i % 2 == 1 ? "RESOLVED" : "OPEN",
                    start.plusSeconds(60L * i));
        }
        // the larger list's account reads it twice before counting, as the smaller one's did above
        // (its first requests write what a first use writes, e.g. the token's last use)
        for (int warm = 0; warm < 2; warm++) {
            api.get(largeColleague.token(), "/api/v1/flags").expect(200);
        }
        TeamworkListFixtures.expectTargetsNamedInEqualStatements(
                api, counter, "/api/v1/flags", colleague.token(), largeColleague.token());

        for (int i = 0; i < 2; i++) {
            fixtures.flag(
                    admin.organizationId(),
                    commitment,
                    colleague.personId(),
                    owner.personId(),
                    "OPEN",
                    start.plusSeconds(600L + i));
        }
        JsonNode onOne = api.get(
                        colleague.token(), "/api/v1/flags?targetType=COMMITMENT&targetId=" + commitment + "&limit=1")
                .expect(200)
                .json();
        assertThat(ids(onOne)).hasSize(1);
        assertThat(onOne.get("next").isNull()).isFalse();
    }

    /**
     * The {@code i}th flag of a list fixture, each on a target of its own: mostly commitments (some
     * co-owned), and every fifth an organization goal or an expectation, so that a page names many.
     */
    private static UUID flagOnItsOwnTarget(
            TeamworkListFixtures fixtures,
            Account admin,
            Account owner,
            Account raiser,
            int i,
            String status,
            java.time.Instant at) {
        UUID organization = admin.organizationId();
        return switch (i % 5) {
            case 1 ->
                fixtures.flag(
                        organization,
                        "GOAL",
                        fixtures.goal(organization, null, admin.personId(), at),
                        raiser.personId(),
                        owner.personId(),
                        status,
                        at);
            case 3 ->
                fixtures.flag(
                        organization,
                        "EXPECTATION",
                        fixtures.expectation(organization, owner.personId(), raiser.personId(), at),
                        raiser.personId(),
                        owner.personId(),
                        status,
                        at);
            default ->
                fixtures.flag(
                        organization,
                        fixtures.commitment(organization, owner.personId(), i % 5 == 2 ? admin.personId() : null, at),
                        raiser.personId(),
                        owner.personId(),
                        status,
                        at);
        };
    }

    /** The ids of a list answer: a page's items, or a bare array. */
    private static List<UUID> ids(JsonNode list) {
        return (list.isArray() ? list : list.get("items"))
                .valueStream()
                .map(n -> UUID.fromString(n.get("id").asString()))
                .toList();
    }
}
