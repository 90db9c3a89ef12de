package dev.kept.teamwork;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import dev.kept.moves.EverydayMove;
import dev.kept.people.Caller;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Offers of help over the API: to a person or a team, accepted, declined or withdrawn; who is
 * told; who sees an offer; accepted help shown on its goal or commitment; the everyday moves.
 */
@KeptApiTest
class HelpOfferApiTests {

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    @Autowired
    HelpOffers offers;

    @Autowired
    dev.kept.StatementCounter counter;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static Map<String, Object> offer(String key, UUID to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, to.toString());
        body.put("kind", "IDEAS");
        body.put("what", "Our load-test scripts and an hour to walk through them");
        return body;
    }

    @Test
    void aPersonAcceptsHelpAndTheOffererIsTold() {
        Account admin = api.signUp();
        Account helper = api.join(admin);
        Account helped = api.join(admin);
        Account bystander = api.join(admin);

        ApiResponse made = api.post(helper.token(), "/api/v1/help-offers", offer("toPersonId", helped.personId()))
                .expect(201);
        UUID id = made.id();
        assertThat(made.headers().getLocation()).hasToString("/api/v1/help-offers/" + id);
        assertThat(made.json().get("status").asString()).isEqualTo("PENDING");
        String told = api.awaitNotification(helped, helper.name() + " offers help");
        assertThat(told).doesNotContain("load-test");
        api.get(bystander.token(), "/api/v1/help-offers/" + id).expectProblem(404);
        api.get(admin.token(), "/api/v1/help-offers/" + id).expectProblem(404);
        api.post(bystander.token(), "/api/v1/help-offers/" + id + "/accept", Map.of())
                .expectProblem(404);
        api.post(helper.token(), "/api/v1/help-offers/" + id + "/accept", Map.of())
                .expectProblem(403);

        JsonNode accepted = api.post(helped.token(), "/api/v1/help-offers/" + id + "/accept", Map.of())
                .expect(200)
                .json();

        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("answeredByName").asString()).isEqualTo(helped.name());
        api.awaitNotification(helper, helped.name() + " accepted the help you offered");
        api.post(helped.token(), "/api/v1/help-offers/" + id + "/decline", Map.of())
                .expectProblem(409);
        api.post(helper.token(), "/api/v1/help-offers/" + id + "/withdraw", Map.of())
                .expectProblem(409);
        assertThat(ids(api.get(helped.token(), "/api/v1/help-offers")
                        .expect(200)
                        .json()))
                .containsExactly(id);
        assertThat(ids(api.get(bystander.token(), "/api/v1/help-offers")
                        .expect(200)
                        .json()))
                .isEmpty();
    }

    @Test
    void aDeclineKeepsItsReasonAndAWithdrawalEndsAWaitingOffer() {
        Account admin = api.signUp();
        Account helper = api.join(admin);
        Account helped = api.join(admin);
        UUID declined = api.post(helper.token(), "/api/v1/help-offers", offer("toPersonId", helped.personId()))
                .expect(201)
                .id();
        UUID withdrawn = api.post(helper.token(), "/api/v1/help-offers", offer("toPersonId", helped.personId()))
                .expect(201)
                .id();

        JsonNode answer = api.post(
                        helped.token(),
                        "/api/v1/help-offers/" + declined + "/decline",
                        Map.of("reason", "We found a way already"))
                .expect(200)
                .json();
        assertThat(answer.get("status").asString()).isEqualTo("DECLINED");
        assertThat(answer.get("declineReason").asString()).isEqualTo("We found a way already");
        api.awaitNotification(helper, helped.name() + " declined the help you offered");

        api.post(helped.token(), "/api/v1/help-offers/" + withdrawn + "/withdraw", Map.of())
                .expectProblem(403);
        assertThat(api.post(helper.token(), "/api/v1/help-offers/" + withdrawn + "/withdraw", Map.of())
                        .expect(200)
                        .text("status"))
                .isEqualTo("WITHDRAWN");
        api.post(helped.token(), "/api/v1/help-offers/" + withdrawn + "/accept", Map.of())
                .expectProblem(409);
    }

    @Test
    void aTeamOfferIsAcceptedByAMemberOfThatTeam() {
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("Data"));
        UUID other = api.team(admin, ApiFixtures.unique("Sales"));
        Account helper = api.join(admin, Map.of("teamId", other.toString()));
        Account first = api.join(admin, Map.of("teamId", team.toString()));
        Account second = api.join(admin, Map.of("teamId", team.toString()));
        Account outsider = api.join(admin, Map.of("teamId", other.toString()));

        UUID id = api.post(helper.token(), "/api/v1/help-offers", offer("toTeamId", team))
                .expect(201)
                .id();
        api.awaitNotification(first, helper.name() + " offers help");
        api.awaitNotification(second, helper.name() + " offers help");
        assertThat(api.get(second.token(), "/api/v1/help-offers/" + id)
                        .expect(200)
                        .json()
                        .get("canAnswer")
                        .asBoolean())
                .isTrue();
        api.get(outsider.token(), "/api/v1/help-offers/" + id).expectProblem(404);

        JsonNode accepted = api.post(second.token(), "/api/v1/help-offers/" + id + "/accept", Map.of())
                .expect(200)
                .json();

        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("toTeamId").asString()).isEqualTo(team.toString());
        api.post(first.token(), "/api/v1/help-offers/" + id + "/decline", Map.of())
                .expectProblem(409);
        api.awaitNotification(helper, second.name() + " accepted the help you offered");
    }

    @Test
    void helpIsShownOnItsCommitmentOnlyOnceAccepted() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account helper = api.join(admin);
        Account colleague = api.join(admin);
        UUID commitment = api.commit(owner, LocalDate.now(clock).plusDays(9), "ORGANIZATION");
        Map<String, Object> body = offer("toPersonId", owner.personId());
        body.put("targetType", "COMMITMENT");
        body.put("targetId", commitment.toString());
        UUID id = api.post(helper.token(), "/api/v1/help-offers", body)
                .expect(201)
                .id();
        Caller asColleague = new Caller(colleague.personId(), colleague.organizationId(), colleague.name());

        assertThat(offers.acceptedOn(asColleague, TargetType.COMMITMENT, List.of(commitment), 10))
                .isEmpty();
        api.get(colleague.token(), "/api/v1/help-offers/" + id).expectProblem(404);

        api.post(owner.token(), "/api/v1/help-offers/" + id + "/accept", Map.of())
                .expect(200);

        assertThat(offers.acceptedOn(asColleague, TargetType.COMMITMENT, List.of(commitment), 10))
                .extracting(HelpOfferView::id)
                .containsExactly(id);
        assertThat(api.get(colleague.token(), "/api/v1/help-offers/" + id)
                        .expect(200)
                        .json()
                        .get("canAnswer")
                        .asBoolean())
                .isFalse();
        api.post(colleague.token(), "/api/v1/help-offers/" + id + "/withdraw", Map.of())
                .expectProblem(403);
        // made private: the accepted help goes with it
        long version = api.get(owner.token(), "/api/v1/commitments/" + commitment)
                .json()
                .get("version")
                .asLong();
        api.patch(
                        owner.token(),
                        "/api/v1/commitments/" + commitment,
                        Map.of("visibility", "PRIVATE", "version", version))
                .expect(200);
        assertThat(offers.acceptedOn(asColleague, TargetType.COMMITMENT, List.of(commitment), 10))
                .isEmpty();
        api.get(colleague.token(), "/api/v1/help-offers/" + id).expectProblem(404);
    }

    @Test
    void refusesHelpToYourselfToTwoRecipientsOrWithSomeoneElsesCommitment() {
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("Data"));
        Account owner = api.join(admin);
        Account helper = api.join(admin);
        Account other = api.join(admin);
        Account guest = api.guest(owner, "COACH");
        UUID commitment = api.commit(owner, LocalDate.now(clock).plusDays(9), "ORGANIZATION");
        UUID hidden = api.commit(owner, LocalDate.now(clock).plusDays(9), "PRIVATE");

        assertThat(reason(helper, offer("toPersonId", helper.personId()))).isEqualTo("SELF");
        Map<String, Object> both = offer("toPersonId", owner.personId());
        both.put("toTeamId", team.toString());
        assertThat(reason(helper, both)).isEqualTo("RECIPIENT");
        assertThat(reason(helper, offer("toPersonId", UUID.randomUUID()))).isEqualTo("UNKNOWN_PERSON");
        assertThat(reason(helper, offer("toPersonId", guest.personId()))).isEqualTo("UNKNOWN_PERSON");
        assertThat(reason(helper, offer("toTeamId", UUID.randomUUID()))).isEqualTo("UNKNOWN_TEAM");
        Map<String, Object> notTheirs = offer("toPersonId", other.personId());
        notTheirs.put("targetType", "COMMITMENT");
        notTheirs.put("targetId", commitment.toString());
        assertThat(reason(helper, notTheirs)).isEqualTo("NOT_THEIRS");
        Map<String, Object> unseen = offer("toPersonId", owner.personId());
        unseen.put("targetType", "COMMITMENT");
        unseen.put("targetId", hidden.toString());
        assertThat(reason(helper, unseen)).isEqualTo("UNKNOWN_TARGET");
        api.post(guest.token(), "/api/v1/help-offers", offer("toPersonId", owner.personId()))
                .expectProblem(403);
        api.get(guest.token(), "/api/v1/help-offers").expectProblem(404);

        ApiResponse invalid = api.post(helper.token(), "/api/v1/help-offers", Map.of("what", " "));
        invalid.expectProblem(400);
        assertThat(invalid.errorFields()).contains("kind", "what");
    }

    @Test
    void countsOneOfferHelpMovePerOfferMadeInThePeriod() {
        Account admin = api.signUp();
        Account helper = api.join(admin);
        Account helped = api.join(admin);
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        clock.freezeAt(start);
        UUID first = api.post(helper.token(), "/api/v1/help-offers", offer("toPersonId", helped.personId()))
                .expect(201)
                .id();
        clock.advance(Duration.ofHours(1));
        UUID second = api.post(helped.token(), "/api/v1/help-offers", offer("toPersonId", helper.personId()))
                .expect(201)
                .id();
        api.post(helped.token(), "/api/v1/help-offers/" + second + "/withdraw", Map.of())
                .expect(200);
        clock.advance(Duration.ofHours(1));
        api.post(helper.token(), "/api/v1/help-offers", offer("toPersonId", helped.personId()))
                .expect(201);

        List<EverydayMove> moves = offers.moves(admin.organizationId(), start, start.plus(Duration.ofHours(2)));

        assertThat(moves)
                .containsExactly(
                        new EverydayMove(EverydayMove.Kind.OFFER_HELP, helper.personId(), start, first),
                        new EverydayMove(
                                EverydayMove.Kind.OFFER_HELP,
                                helped.personId(),
                                start.plus(Duration.ofHours(1)),
                                second));
        assertThat(offers.moves(api.signUp().organizationId(), start, start.plus(Duration.ofHours(3))))
                .isEmpty();
    }

    private String reason(Account who, Map<String, Object> body) {
        return api.post(who.token(), "/api/v1/help-offers", body)
                .expectProblem(422)
                .get("reason")
                .asString();
    }

    @Test
    void listsOffersAPageAtATimeWaitingFirstWithTheSameStatementsForTenTimesMore() {
        TeamworkListFixtures fixtures = new TeamworkListFixtures(jdbc);
        Account admin = api.signUp();
        Account helper = api.join(admin);
        Account helped = api.join(admin);
        Instant start = clock.instant();
        List<UUID> waiting = new java.util.ArrayList<>();
        List<UUID> answered = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String status = i % 2 == 1 ? "DECLINED" : "PENDING";
            UUID id = offerWithItsOwnTarget(fixtures, admin, helper, helped, i, status, start.plusSeconds(60L * i));
            (status.equals("PENDING") ? waiting : answered).add(0, id);
        }
        List<UUID> expected = new java.util.ArrayList<>(waiting);
        expected.addAll(answered);

        List<UUID> seen = api.followPages(helped.token(), "/api/v1/help-offers?limit=2").stream()
                .map(item -> UUID.fromString(item.get("id").asString()))
                .toList();
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(ids(api.get(helper.token(), "/api/v1/help-offers")
                        .expect(200)
                        .json()))
                .containsExactlyElementsOf(expected);
        api.expectPagingRefused(helped.token(), "/api/v1/help-offers");

        Account largeAdmin = api.signUp();
        Account largeHelper = api.join(largeAdmin);
        Account largeHelped = api.join(largeAdmin);
        for (int i = 0; i < 50; i++) {
            offerWithItsOwnTarget(
                    fixtures,
                    largeAdmin,
                    largeHelper,
                    largeHelped,
                    i,
                    i % 2 == 1 ? "DECLINED" : "PENDING",
                    start.plusSeconds(60L * i));
        }
        api.get(largeHelped.token(), "/api/v1/help-offers").expect(200);
        TeamworkListFixtures.expectTargetsNamedInEqualStatements(
                api, counter, "/api/v1/help-offers", helped.token(), largeHelped.token());
    }

    /**
     * The {@code i}th offer of a list fixture, each with a target of its own: a commitment of the
     * person helped (some co-owned), or an organization goal, so that a page names many.
     */
    private static UUID offerWithItsOwnTarget(
            TeamworkListFixtures fixtures,
            Account admin,
            Account helper,
            Account helped,
            int i,
            String status,
            Instant at) {
        UUID organization = admin.organizationId();
        boolean goal = i % 3 == 1;
        UUID target = goal
                ? fixtures.goal(organization, null, admin.personId(), at)
                : fixtures.commitment(organization, helped.personId(), i % 3 == 2 ? admin.personId() : null, at);
        return fixtures.offer(
                organization, helper.personId(), helped.personId(), goal ? "GOAL" : "COMMITMENT", target, status, at);
    }

    /** The ids of a list answer: a page's items, or a bare array. */
    private static List<UUID> ids(JsonNode list) {
        return (list.isArray() ? list : list.get("items"))
                .valueStream()
                .map(n -> UUID.fromString(n.get("id").asString()))
                .toList();
    }
}
