package dev.kept.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import dev.kept.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The lifecycle over the API, between an owner and a peer partner who holds them to a commitment
 * shared with partners: milestones, how in control the owner feels, renegotiation, the partner's
 * confirmation and both reflections; who may take each step, what the owner is told, and that bad
 * input anywhere is answered with a problem, never a 500, and changes nothing.
 */
@KeptApiTest
class LifecycleApiTests {

    /** Words of the commitment, its renegotiation and the dispute: never in a notification. */
    private static final List<String> CONFIDENTIAL =
            List.of("onboarding", "checklist", "wiki", "engineers", "IT is late", "one new hire", "never published");

    private static final String NEW_DONE_WHEN = "The checklist is on the wiki and one new hire used it";

    @Autowired
    ApiFixtures api;

    @Autowired
    MutableClock clock;

    /** Stops time on a whole millisecond, so that times read back from the database compare equal. */
    @BeforeEach
    void stopTime() {
        clock.freeze();
        Instant now = clock.instant();
        clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.MILLIS)));
    }

    /** An owner, the peer partner holding them accountable, and an admin of the same organization. */
    private record Pair(Account admin, Account owner, Account partner, UUID partnership) {}

    private Pair pair() {
        Account admin = api.signUp();
        Account owner = api.join(admin);
        Account partner = api.join(admin);
        return new Pair(admin, owner, partner, api.partnership(owner, partner, "PEER"));
    }

    // --- milestones --------------------------------------------------------------------------

    @Test
    void theOwnerPlansAndMarksMilestonesThePartnerSeesThem() {
        Pair pair = pair();
        UUID id = api.commit(pair.owner(), inDays(14), "PARTNERS");

        ApiResponse planned = api.post(
                pair.owner().token(),
                path(id) + "/milestones",
                Map.of("title", "  Draft the checklist  ", "due", inDays(3).toString()));
        api.post(
                        pair.owner().token(),
                        path(id) + "/milestones",
                        Map.of("title", "Publish it", "due", inDays(14).toString()))
                .expect(201);

        JsonNode first = planned.expect(201).json().at("/milestones/0");
        assertThat(first.get("number").asInt()).isEqualTo(1);
        assertThat(first.get("title").asString()).isEqualTo("Draft the checklist");
        assertThat(first.get("due").asString()).isEqualTo(inDays(3).toString());
        assertThat(first.get("done").asBoolean()).isFalse();

        clock.advance(Duration.ofHours(5));
        JsonNode marked = api.patch(pair.owner().token(), path(id) + "/milestones/2", Map.of("done", true))
                .expect(200)
                .json();

        assertThat(marked.at("/milestones/1/done").asBoolean()).isTrue();
        assertThat(marked.at("/milestones/1/doneAt").asString())
                .isEqualTo(clock.instant().toString());
        assertThat(marked.at("/milestones/0/done").asBoolean()).isFalse();
        JsonNode seen = api.get(pair.partner().token(), path(id)).expect(200).json();
        assertThat(seen.get("milestones").valueStream().map(m -> m.get("title").asString()))
                .containsExactly("Draft the checklist", "Publish it");

        JsonNode undone = api.patch(pair.owner().token(), path(id) + "/milestones/2", Map.of("done", false))
                .expect(200)
                .json();
        assertThat(undone.at("/milestones/1/done").asBoolean()).isFalse();
        assertThat(undone.at("/milestones/1/doneAt").isNull()).isTrue();
    }

    @Test
    void refusesMilestonesThatBreakTheRulesAndChangesNothing() {
        Account owner = api.signUp();
        UUID id = api.commit(owner, inDays(10), "PRIVATE");
        String milestones = path(id) + "/milestones";

        assertThat(api.post(
                                owner.token(),
                                milestones,
                                Map.of("title", "  ", "due", inDays(1).toString()))
                        .expect(400)
                        .errorFields())
                .containsExactly("title");
        assertThat(reason(api.post(
                        owner.token(),
                        milestones,
                        Map.of("title", "Late", "due", inDays(-1).toString()))))
                .isEqualTo("MILESTONE_IN_PAST");
        assertThat(reason(api.post(
                        owner.token(),
                        milestones,
                        Map.of("title", "After", "due", inDays(11).toString()))))
                .isEqualTo("MILESTONE_AFTER_DUE");
        api.patch(owner.token(), milestones + "/1", Map.of("done", true)).expectProblem(404);
        assertThat(api.get(owner.token(), path(id)).json().get("version").asLong())
                .isZero();

        for (int i = 0; i < Commitment.MOST_MILESTONES; i++) {
            api.post(
                            owner.token(),
                            milestones,
                            Map.of("title", "Step " + i, "due", inDays(i % 10).toString()))
                    .expect(201);
        }
        assertThat(reason(api.post(
                        owner.token(),
                        milestones,
                        Map.of("title", "One more", "due", inDays(1).toString()))))
                .isEqualTo("TOO_MANY_MILESTONES");
        assertThat(api.get(owner.token(), path(id)).json().get("milestones").size())
                .isEqualTo(Commitment.MOST_MILESTONES);
    }

    @Test
    void onlyTheOwnerPlansOrMarksMilestones() {
        Pair pair = pair();
        UUID id = api.commit(pair.owner(), inDays(14), "PARTNERS");
        milestone(pair.owner(), id, "Draft", inDays(2));
        Map<String, Object> plan = Map.of("title", "Mine", "due", inDays(3).toString());

        api.post(pair.partner().token(), path(id) + "/milestones", plan).expectProblem(403);
        api.patch(pair.partner().token(), path(id) + "/milestones/1", Map.of("done", true))
                .expectProblem(403);
        api.post(pair.admin().token(), path(id) + "/milestones", plan).expectProblem(404);
        api.patch(pair.admin().token(), path(id) + "/milestones/1", Map.of("done", true))
                .expectProblem(404);

        JsonNode unchanged = api.get(pair.owner().token(), path(id)).json();
        assertThat(unchanged.get("milestones").size()).isEqualTo(1);
        assertThat(unchanged.at("/milestones/0/done").asBoolean()).isFalse();
    }

    // --- progress with control and needs -----------------------------------------------------

    @Test
    void progressRecordsHowMuchInControlAndWhatTheOwnerNeeds() {
        Pair pair = pair();
        UUID id = api.commit(pair.owner(), inDays(14), "PARTNERS");

        for (int control = 1; control <= 5; control++) {
            api.post(
                            pair.owner().token(),
                            path(id) + "/progress",
                            Map.of("percent", 10 * control, "confidence", "ON_TRACK", "control", control))
                    .expect(201);
        }
        api.post(
                        pair.owner().token(),
                        path(id) + "/progress",
                        Map.of("confidence", "AT_RISK", "control", 2, "needs", "  A reviewer from IT  "))
                .expect(201);

        JsonNode progress =
                api.get(pair.partner().token(), path(id)).expect(200).json().get("progress");
        assertThat(progress.valueStream().map(p -> p.get("control").asInt())).containsExactly(2, 5, 4, 3, 2, 1);
        assertThat(progress.at("/0/needs").asString()).isEqualTo("A reviewer from IT");
        assertThat(progress.at("/0/percent").asInt())
                .as("no percent: the last one stands")
                .isEqualTo(50);
        assertThat(progress.at("/1/needs").isNull()).isTrue();

        for (Object control : new Object[] {0, 6, -1, 2.5, "3", 1e30, Long.MAX_VALUE}) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("confidence", "ON_TRACK");
            report.put("control", control);
            ApiResponse refused = api.post(pair.owner().token(), path(id) + "/progress", report);
            refused.expectProblem(400);
            assertThat(refused.errorFields()).as("control %s", control).containsExactly("control");
        }
        assertThat(api.get(pair.owner().token(), path(id))
                        .json()
                        .get("progress")
                        .size())
                .isEqualTo(6);
    }

    // --- renegotiation -----------------------------------------------------------------------

    @Test
    void thePartnerAcceptsARenegotiationAndTheNewTermsApply() {
        Pair pair = pair();
        LocalDate due = inDays(14);
        // fixed before the clock moves: two hours on can be tomorrow
        LocalDate newDue = inDays(21);
        UUID id = api.commit(pair.owner(), due, "PARTNERS");
        String oldDoneWhen = api.get(pair.owner().token(), path(id)).text("doneWhen");

        JsonNode proposed = api.post(
                        pair.owner().token(),
                        path(id) + "/renegotiations",
                        Map.of(
                                "reason",
                                "IT is late with the wiki",
                                "due",
                                newDue.toString(),
                                "doneWhen",
                                NEW_DONE_WHEN))
                .expect(201)
                .json();

        assertThat(proposed.get("due").asString())
                .as("nothing applies before the answer")
                .isEqualTo(due.toString());
        assertThat(proposed.at("/renegotiations/0/status").asString()).isEqualTo("PENDING");
        JsonNode seen = api.get(pair.partner().token(), path(id)).expect(200).json();
        assertThat(seen.at("/renegotiations/0/reason").asString()).isEqualTo("IT is late with the wiki");

        clock.advance(Duration.ofHours(2));
        JsonNode accepted = api.post(pair.partner().token(), path(id) + "/renegotiations/1/accept", Map.of())
                .expect(200)
                .json();

        assertThat(accepted.get("due").asString()).isEqualTo(newDue.toString());
        assertThat(accepted.get("doneWhen").asString()).isEqualTo(NEW_DONE_WHEN);
        assertThat(accepted.get("renegotiated").asInt()).isEqualTo(1);
        JsonNode history = api.get(pair.owner().token(), path(id)).json().at("/renegotiations/0");
        assertThat(history.get("number").asInt()).isEqualTo(1);
        assertThat(history.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(history.get("reason").asString()).isEqualTo("IT is late with the wiki");
        assertThat(history.get("oldDue").asString()).isEqualTo(due.toString());
        assertThat(history.get("newDue").asString()).isEqualTo(newDue.toString());
        assertThat(history.get("oldDoneWhen").asString()).isEqualTo(oldDoneWhen);
        assertThat(history.get("newDoneWhen").asString()).isEqualTo(NEW_DONE_WHEN);
        assertThat(history.get("proposedBy").asString())
                .isEqualTo(pair.owner().personId().toString());
        assertThat(history.get("proposedByName").asString())
                .isEqualTo(pair.owner().name());
        assertThat(history.get("decidedBy").asString())
                .isEqualTo(pair.partner().personId().toString());
        assertThat(history.get("decidedByName").asString())
                .isEqualTo(pair.partner().name());
        assertThat(history.get("decidedAt").asString())
                .isEqualTo(clock.instant().toString());
        assertThat(ids(api.get(pair.owner().token(), "/api/v1/commitments").json()))
                .as("the list shows the new date")
                .containsExactly(id.toString());
        assertThat(api.get(pair.owner().token(), "/api/v1/commitments")
                        .json()
                        .at("/items/0/renegotiated")
                        .asInt())
                .isEqualTo(1);

        String notice = api.awaitNotification(pair.owner(), "accepted your renegotiation");
        assertThat(notice).startsWith(pair.partner().name());
        assertNothingConfidentialIn(pair.owner());
    }

    @Test
    void thePartnerDeclinesARenegotiationAndTheTermsStay() {
        Pair pair = pair();
        LocalDate due = inDays(14);
        UUID id = api.commit(pair.owner(), due, "PARTNERS");
        JsonNode before = api.get(pair.owner().token(), path(id)).json();
        api.post(
                        pair.owner().token(),
                        path(id) + "/renegotiations",
                        Map.of(
                                "reason",
                                "IT is late with the wiki",
                                "due",
                                inDays(30).toString()))
                .expect(201);

        JsonNode declined = api.post(pair.partner().token(), path(id) + "/renegotiations/1/decline", Map.of())
                .expect(200)
                .json();

        assertThat(declined.get("due").asString()).isEqualTo(due.toString());
        assertThat(declined.get("doneWhen").asString())
                .isEqualTo(before.get("doneWhen").asString());
        assertThat(declined.get("renegotiated").asInt()).isZero();
        assertThat(declined.at("/renegotiations/0/status").asString()).isEqualTo("DECLINED");
        assertThat(declined.at("/renegotiations/0/decidedByName").asString())
                .isEqualTo(pair.partner().name());
        assertThat(api.awaitNotification(pair.owner(), "declined your renegotiation"))
                .isEqualTo(pair.partner().name() + " declined your renegotiation of a commitment.");

        api.post(pair.partner().token(), path(id) + "/renegotiations/1/accept", Map.of())
                .expectProblem(409);
        api.post(pair.partner().token(), path(id) + "/renegotiations/1/decline", Map.of())
                .expectProblem(409);
        api.post(
                        pair.owner().token(),
                        path(id) + "/renegotiations",
                        Map.of("reason", "Then a week more", "due", inDays(21).toString()))
                .expect(201);
        assertThat(api.get(pair.owner().token(), path(id))
                        .json()
                        .at("/renegotiations/1/status")
                        .asString())
                .isEqualTo("PENDING");
        assertNothingConfidentialIn(pair.owner());
    }

    @Test
    void refusesRenegotiationsOutOfTurn() {
        Pair pair = pair();
        UUID id = api.commit(pair.owner(), inDays(5), "PARTNERS");
        String renegotiations = path(id) + "/renegotiations";

        assertThat(reason(api.post(pair.owner().token(), renegotiations, Map.of("reason", "Nothing new"))))
                .isEqualTo("NO_CHANGE");
        assertThat(reason(api.post(
                        pair.owner().token(),
                        renegotiations,
                        Map.of("reason", "Same date", "due", inDays(5).toString(), "doneWhen", "   "))))
                .isEqualTo("NO_CHANGE");
        assertThat(reason(api.post(
                        pair.owner().token(),
                        renegotiations,
                        Map.of("reason", "Back", "due", inDays(-1).toString()))))
                .isEqualTo("DUE_IN_PAST");
        assertThat(reason(api.post(
                        pair.owner().token(),
                        renegotiations,
                        Map.of("reason", "Far", "due", inDays(365 * 11).toString()))))
                .isEqualTo("DUE_TOO_FAR");
        api.post(
                        pair.partner().token(),
                        renegotiations,
                        Map.of("reason", "Mine", "due", inDays(9).toString()))
                .expectProblem(403);
        api.post(pair.partner().token(), renegotiations + "/1/accept", Map.of()).expectProblem(404);
        assertThat(api.get(pair.owner().token(), path(id)).json().get("version").asLong())
                .isZero();

        api.post(
                        pair.owner().token(),
                        renegotiations,
                        Map.of("reason", "First", "due", inDays(9).toString()))
                .expect(201);
        api.post(
                        pair.owner().token(),
                        renegotiations,
                        Map.of("reason", "Second", "due", inDays(12).toString()))
                .expectProblem(409);
        api.post(pair.partner().token(), renegotiations + "/2/accept", Map.of()).expectProblem(404);

        clock.advance(Duration.ofDays(6));
        api.post(pair.partner().token(), renegotiations + "/1/decline", Map.of())
                .expect(200);
        assertThat(reason(api.post(
                        pair.owner().token(),
                        renegotiations,
                        Map.of("reason", "Late", "due", inDays(9).toString()))))
                .isEqualTo("TOO_LATE");
        assertThat(api.get(pair.owner().token(), path(id))
                        .json()
                        .get("renegotiations")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void onlyAPartnerItIsSharedWithDecides() {
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("Team"));
        Account owner = api.join(admin, Map.of("teamId", team.toString()));
        Account teammate = api.join(admin, Map.of("teamId", team.toString()));
        Account partner = api.join(admin);
        Account otherPartner = api.join(admin);
        UUID partnership = api.partnership(owner, partner, "PEER");
        api.partnership(owner, otherPartner, "PEER");
        UUID shared = UUID.fromString(api.commit(owner, withSharing(inDays(14), partnership))
                .get("id")
                .asString());
        UUID teams = api.commit(owner, inDays(14), "TEAM");
        UUID privately = api.commit(owner, inDays(14), "PRIVATE");
        Map<String, Object> later = Map.of("reason", "Later", "due", inDays(20).toString());
        api.post(owner.token(), path(shared) + "/renegotiations", later).expect(201);

        assertThat(reason(api.post(owner.token(), path(privately) + "/renegotiations", later)))
                .isEqualTo("NO_OTHER_SIDE");
        assertThat(reason(api.post(owner.token(), path(teams) + "/renegotiations", later)))
                .isEqualTo("NO_OTHER_SIDE");
        for (String decision : List.of("accept", "decline")) {
            api.post(owner.token(), path(shared) + "/renegotiations/1/" + decision, Map.of())
                    .expectProblem(403);
            api.post(teammate.token(), path(teams) + "/renegotiations/1/" + decision, Map.of())
                    .expectProblem(403);
            for (Account cannotSee : List.of(teammate, otherPartner, admin)) {
                api.post(cannotSee.token(), path(shared) + "/renegotiations/1/" + decision, Map.of())
                        .expectProblem(404);
            }
            api.post(partner.token(), path(UUID.randomUUID()) + "/renegotiations/1/" + decision, Map.of())
                    .expectProblem(404);
        }
        assertThat(api.get(owner.token(), path(shared))
                        .json()
                        .at("/renegotiations/0/status")
                        .asString())
                .isEqualTo("PENDING");

        api.post(partner.token(), path(shared) + "/renegotiations/1/accept", Map.of())
                .expect(200);
    }

    @Test
    void theTermsUnderRenegotiationWaitForTheOtherSidesAnswer() {
        Pair pair = pair();
        LocalDate due = inDays(14);
        UUID id = api.commit(pair.owner(), due, "PARTNERS");
        api.post(
                        pair.owner().token(),
                        path(id) + "/renegotiations",
                        Map.of("reason", "IT is late with the wiki", "doneWhen", NEW_DONE_WHEN))
                .expect(201);

        api.patch(
                        pair.owner().token(),
                        path(id),
                        Map.of("version", 1, "due", inDays(30).toString()))
                .expectProblem(409);
        api.patch(pair.owner().token(), path(id), Map.of("version", 1, "doneWhen", "Something else entirely"))
                .expectProblem(409);
        api.patch(pair.owner().token(), path(id), Map.of("version", 1, "why", "Still the first week"))
                .expect(200);
        JsonNode accepted = api.post(pair.partner().token(), path(id) + "/renegotiations/1/accept", Map.of())
                .expect(200)
                .json();

        assertThat(accepted.get("due").asString()).isEqualTo(due.toString());
        assertThat(accepted.get("doneWhen").asString()).isEqualTo(NEW_DONE_WHEN);
        assertThat(accepted.get("why").asString()).isEqualTo("Still the first week");
        assertThat(accepted.at("/renegotiations/0/oldDue").asString()).isEqualTo(due.toString());
        api.patch(
                        pair.owner().token(),
                        path(id),
                        Map.of("version", 3, "due", inDays(30).toString()))
                .expect(200);
    }

    @Test
    void aFormerPartnerNoLongerDecides() {
        Pair pair = pair();
        UUID id = api.commit(pair.owner(), inDays(14), "PARTNERS");
        api.post(
                        pair.owner().token(),
                        path(id) + "/renegotiations",
                        Map.of("reason", "Later", "due", inDays(20).toString()))
                .expect(201);

        api.post(pair.partner().token(), "/api/v1/partnerships/" + pair.partnership() + "/end", Map.of())
                .expect(200);

        api.post(pair.partner().token(), path(id) + "/renegotiations/1/accept", Map.of())
                .expectProblem(404);
        assertThat(api.get(pair.owner().token(), path(id))
                        .json()
                        .at("/renegotiations/0/status")
                        .asString())
                .isEqualTo("PENDING");
    }

    // --- confirmation ------------------------------------------------------------------------

    @Test
    void thePartnerConfirmsTheAssessmentOnceTheOwnerClosedIt() {
        Pair pair = pair();
        UUID id = api.commit(pair.owner(), inDays(14), "PARTNERS");
        String confirmation = path(id) + "/confirmation";

        api.post(pair.partner().token(), confirmation, Map.of("agree", true)).expectProblem(409);
        close(pair.owner(), id, "KEPT");
        api.post(pair.owner().token(), confirmation, Map.of("agree", true)).expectProblem(403);
        api.post(pair.admin().token(), confirmation, Map.of("agree", true)).expectProblem(404);

        JsonNode confirmed = api.post(pair.partner().token(), confirmation, Map.of("agree", true))
                .expect(200)
                .json()
                .get("confirmation");

        assertThat(confirmed.get("agreed").asBoolean()).isTrue();
        assertThat(confirmed.get("by").asString())
                .isEqualTo(pair.partner().personId().toString());
        assertThat(confirmed.get("byName").asString()).isEqualTo(pair.partner().name());
        assertThat(confirmed.get("at").asString()).isEqualTo(clock.instant().toString());
        assertThat(api.awaitNotification(pair.owner(), "confirmed your assessment"))
                .isEqualTo(pair.partner().name() + " confirmed your assessment of a commitment.");

        api.post(pair.partner().token(), confirmation, Map.of("agree", true)).expectProblem(409);
        api.post(pair.partner().token(), confirmation, Map.of("agree", false, "comment", "Second thoughts"))
                .expectProblem(409);
        assertThat(api.get(pair.owner().token(), path(id))
                        .json()
                        .at("/confirmation/agreed")
                        .asBoolean())
                .isTrue();
        assertNothingConfidentialIn(pair.owner());
    }

    @Test
    void thePartnerDisputesTheAssessmentWithAComment() {
        Pair pair = pair();
        UUID id = api.commit(pair.owner(), inDays(14), "PARTNERS");
        close(pair.owner(), id, "KEPT");
        String confirmation = path(id) + "/confirmation";

        assertThat(reason(api.post(pair.partner().token(), confirmation, Map.of("agree", false))))
                .isEqualTo("COMMENT");
        assertThat(reason(api.post(pair.partner().token(), confirmation, Map.of("agree", false, "comment", " \n "))))
                .isEqualTo("COMMENT");
        assertThat(api.get(pair.owner().token(), path(id)).json().has("confirmation"))
                .isFalse();

        JsonNode disputed = api.post(
                        pair.partner().token(),
                        confirmation,
                        Map.of("agree", false, "comment", "  The list was never published  "))
                .expect(200)
                .json()
                .get("confirmation");

        assertThat(disputed.get("agreed").asBoolean()).isFalse();
        assertThat(disputed.get("comment").asString()).isEqualTo("The list was never published");
        assertThat(api.awaitNotification(pair.owner(), "disputed your assessment"))
                .isEqualTo(pair.partner().name() + " disputed your assessment of a commitment.");
        assertNothingConfidentialIn(pair.owner());
    }

    @Test
    void aTeammateWhoSeesItNeitherConfirmsNorReflects() {
        Account admin = api.signUp();
        UUID team = api.team(admin, ApiFixtures.unique("Team"));
        Account owner = api.join(admin, Map.of("teamId", team.toString()));
        Account teammate = api.join(admin, Map.of("teamId", team.toString()));
        UUID id = api.commit(owner, inDays(14), "TEAM");
        close(owner, id, "KEPT");
        api.get(teammate.token(), path(id)).expect(200);

        api.post(teammate.token(), path(id) + "/confirmation", Map.of("agree", true))
                .expectProblem(403);
        api.post(teammate.token(), path(id) + "/reflections", Map.of("worked", "Watching"))
                .expectProblem(403);

        JsonNode unchanged = api.get(owner.token(), path(id)).json();
        assertThat(unchanged.has("confirmation")).isFalse();
        assertThat(unchanged.get("reflections").size()).isZero();
    }

    // --- reflections -------------------------------------------------------------------------

    @Test
    void theOwnerAndThePartnerEachReflectOnceItIsClosed() {
        Pair pair = pair();
        UUID id = api.commit(pair.owner(), inDays(14), "PARTNERS");
        String reflections = path(id) + "/reflections";
        Map<String, Object> owners = Map.of("worked", "Writing the steps down", "changeNext", "Ask IT earlier");
        Map<String, Object> partners = Map.of("changeNext", "Check in weekly");

        api.post(pair.owner().token(), reflections, owners).expectProblem(409);
        api.post(pair.partner().token(), reflections, partners).expectProblem(409);
        close(pair.owner(), id, "DROPPED");
        assertThat(reason(api.post(pair.owner().token(), reflections, Map.of("worked", " ", "changeNext", ""))))
                .isEqualTo("EMPTY");
        api.post(pair.admin().token(), reflections, partners).expectProblem(404);

        api.post(pair.owner().token(), reflections, owners).expect(201);
        JsonNode both = api.post(pair.partner().token(), reflections, partners)
                .expect(201)
                .json()
                .get("reflections");

        assertThat(both.size()).isEqualTo(2);
        assertThat(both.at("/0/authorName").asString()).isEqualTo(pair.owner().name());
        assertThat(both.at("/0/worked").asString()).isEqualTo("Writing the steps down");
        assertThat(both.at("/0/changeNext").asString()).isEqualTo("Ask IT earlier");
        assertThat(both.at("/1/authorId").asString())
                .isEqualTo(pair.partner().personId().toString());
        assertThat(both.at("/1/worked").isNull()).isTrue();
        assertThat(both.at("/1/changeNext").asString()).isEqualTo("Check in weekly");

        api.post(pair.owner().token(), reflections, Map.of("worked", "Again")).expectProblem(409);
        api.post(pair.partner().token(), reflections, Map.of("worked", "Again")).expectProblem(409);
        assertThat(api.get(pair.partner().token(), path(id))
                        .json()
                        .get("reflections")
                        .size())
                .isEqualTo(2);
    }

    // --- a closed commitment -----------------------------------------------------------------

    @Test
    void aClosedCommitmentRefusesMilestonesProgressAndRenegotiation() {
        Pair pair = pair();
        UUID id = api.commit(pair.owner(), inDays(14), "PARTNERS");
        milestone(pair.owner(), id, "Draft", inDays(2));
        api.post(
                        pair.owner().token(),
                        path(id) + "/renegotiations",
                        Map.of("reason", "Later", "due", inDays(20).toString()))
                .expect(201);
        close(pair.owner(), id, "DROPPED");
        JsonNode before = api.get(pair.owner().token(), path(id)).json();

        api.post(
                        pair.owner().token(),
                        path(id) + "/milestones",
                        Map.of("title", "More", "due", inDays(3).toString()))
                .expectProblem(409);
        api.patch(pair.owner().token(), path(id) + "/milestones/1", Map.of("done", true))
                .expectProblem(409);
        api.post(pair.owner().token(), path(id) + "/progress", Map.of("confidence", "ON_TRACK", "control", 3))
                .expectProblem(409);
        api.post(
                        pair.owner().token(),
                        path(id) + "/renegotiations",
                        Map.of("reason", "More", "due", inDays(25).toString()))
                .expectProblem(409);
        api.post(pair.partner().token(), path(id) + "/renegotiations/1/accept", Map.of())
                .expectProblem(409);

        assertThat(api.get(pair.owner().token(), path(id)).json()).isEqualTo(before);
    }

    // --- bad input ---------------------------------------------------------------------------

    /** One bad request, by the owner or the partner, on the commitment ({@code {id}} in the path). */
    private record Bad(
            String description,
            boolean byPartner,
            HttpMethod method,
            String path,
            Object body,
            MediaType type,
            int status,
            String field) {}

    @TestFactory
    Stream<DynamicTest> badInputOnAnOpenCommitmentIsAProblemNeverA500AndChangesNothing() {
        Pair pair = pair();
        UUID id = api.commit(pair.owner(), inDays(14), "PARTNERS");
        milestone(pair.owner(), id, "Draft", inDays(2));
        String huge = "x".repeat(100_000);
        String milestones = "/api/v1/commitments/{id}/milestones";
        String renegotiations = "/api/v1/commitments/{id}/renegotiations";
        String progress = "/api/v1/commitments/{id}/progress";
        List<Bad> cases = new ArrayList<>(List.of(
                owner("a blank milestone title", HttpMethod.POST, milestones, plan("title", "   "), 400, "title"),
                owner("an empty milestone title", HttpMethod.POST, milestones, plan("title", ""), 400, "title"),
                owner("no milestone title", HttpMethod.POST, milestones, plan("title", ABSENT), 400, "title"),
                owner(
                        "a milestone title too long",
                        HttpMethod.POST,
                        milestones,
                        plan("title", "t".repeat(201)),
                        400,
                        "title"),
                owner("a huge milestone title", HttpMethod.POST, milestones, plan("title", huge), 400, "title"),
                owner("a number as milestone title", HttpMethod.POST, milestones, plan("title", 5), 400, "title"),
                owner(
                        "a list as milestone title",
                        HttpMethod.POST,
                        milestones,
                        plan("title", List.of("a")),
                        400,
                        "title"),
                owner(
                        "a NUL in a milestone title",
                        HttpMethod.POST,
                        milestones,
                        plan("title", "Draft\u0000"),
                        400,
                        "title"),
                owner("no milestone date", HttpMethod.POST, milestones, plan("due", ABSENT), 400, "due"),
                owner("a milestone date in words", HttpMethod.POST, milestones, plan("due", "tomorrow"), 400, "due"),
                owner(
                        "a milestone date that does not exist",
                        HttpMethod.POST,
                        milestones,
                        plan("due", "2026-02-30"),
                        400,
                        "due"),
                owner("a number as milestone date", HttpMethod.POST, milestones, plan("due", 20261201), 400, "due"),
                owner(
                        "a milestone in the past",
                        HttpMethod.POST,
                        milestones,
                        plan("due", inDays(-3).toString()),
                        422,
                        "due"),
                owner(
                        "a milestone after the due date",
                        HttpMethod.POST,
                        milestones,
                        plan("due", inDays(15).toString()),
                        422,
                        "due"),
                owner("an unknown milestone field", HttpMethod.POST, milestones, plan("done", true), 400, "done"),
                owner("malformed JSON for a milestone", HttpMethod.POST, milestones, "{\"title\": ", 400, null),
                owner("a list for a milestone", HttpMethod.POST, milestones, "[]", 400, null),
                owner("JSON null for a milestone", HttpMethod.POST, milestones, "null", 400, null),
                owner("a milestone in plain text", HttpMethod.POST, milestones, "Draft", MediaType.TEXT_PLAIN, 415),
                owner(
                        "deeply nested JSON for a milestone",
                        HttpMethod.POST,
                        milestones,
                        "{\"title\":" + "[".repeat(10_000),
                        400,
                        null),
                owner("a number for a milestone", HttpMethod.POST, milestones, "42", 400, null),
                owner("no body for a milestone", HttpMethod.POST, milestones, null, 400, null),
                owner("reading milestones with a method they do not have", HttpMethod.GET, milestones, null, 405, null),
                owner("marking milestone 0", HttpMethod.PATCH, milestones + "/0", done(true), 404, null),
                owner("marking milestone -1", HttpMethod.PATCH, milestones + "/-1", done(true), 404, null),
                owner("marking an unplanned milestone", HttpMethod.PATCH, milestones + "/2", done(true), 404, null),
                owner(
                        "marking a milestone past the integers",
                        HttpMethod.PATCH,
                        milestones + "/99999999999",
                        done(true),
                        404,
                        null),
                owner("marking milestone 'first'", HttpMethod.PATCH, milestones + "/first", done(true), 404, null),
                owner("marking without done", HttpMethod.PATCH, milestones + "/1", Map.of(), 400, "done"),
                owner("done as a word", HttpMethod.PATCH, milestones + "/1", done("maybe"), 400, "done"),
                owner("done as a number", HttpMethod.PATCH, milestones + "/1", done(1), 400, "done"),
                owner("done as null", HttpMethod.PATCH, milestones + "/1", done(null), 400, "done"),
                owner(
                        "malformed JSON marking a milestone",
                        HttpMethod.PATCH,
                        milestones + "/1",
                        "{done:true}",
                        400,
                        null),
                owner("control 0", HttpMethod.POST, progress, report("control", 0), 400, "control"),
                owner("control 6", HttpMethod.POST, progress, report("control", 6), 400, "control"),
                owner("control as a word", HttpMethod.POST, progress, report("control", "high"), 400, "control"),
                owner("control as a fraction", HttpMethod.POST, progress, report("control", 4.5), 400, "control"),
                owner(
                        "control past the integers",
                        HttpMethod.POST,
                        progress,
                        "{\"confidence\":\"ON_TRACK\",\"control\":99999999999999999999}",
                        400,
                        "control"),
                owner("needs too long", HttpMethod.POST, progress, report("needs", "n".repeat(1001)), 400, "needs"),
                owner("huge needs", HttpMethod.POST, progress, report("needs", huge), 400, "needs"),
                owner("needs as a list", HttpMethod.POST, progress, report("needs", List.of("time")), 400, "needs"),
                owner(
                        "no reason to renegotiate",
                        HttpMethod.POST,
                        renegotiations,
                        proposal("reason", ABSENT),
                        400,
                        "reason"),
                owner(
                        "a blank reason to renegotiate",
                        HttpMethod.POST,
                        renegotiations,
                        proposal("reason", " "),
                        400,
                        "reason"),
                owner(
                        "a huge reason to renegotiate",
                        HttpMethod.POST,
                        renegotiations,
                        proposal("reason", huge),
                        400,
                        "reason"),
                owner(
                        "a renegotiated date in words",
                        HttpMethod.POST,
                        renegotiations,
                        proposal("due", "next week"),
                        400,
                        "due"),
                owner(
                        "a renegotiated date as a number",
                        HttpMethod.POST,
                        renegotiations,
                        proposal("due", 7),
                        400,
                        "due"),
                owner(
                        "a renegotiated date in the past",
                        HttpMethod.POST,
                        renegotiations,
                        proposal("due", inDays(-1).toString()),
                        422,
                        "due"),
                owner(
                        "a renegotiated date far too far",
                        HttpMethod.POST,
                        renegotiations,
                        proposal("due", "9999-12-31"),
                        422,
                        "due"),
                owner(
                        "a renegotiated definition too long",
                        HttpMethod.POST,
                        renegotiations,
                        proposal("doneWhen", "d".repeat(1001)),
                        400,
                        "doneWhen"),
                owner(
                        "a renegotiated definition as a number",
                        HttpMethod.POST,
                        renegotiations,
                        proposal("doneWhen", 3),
                        400,
                        "doneWhen"),
                owner(
                        "a renegotiation that changes nothing",
                        HttpMethod.POST,
                        renegotiations,
                        Map.of("reason", "Nothing"),
                        422,
                        "due"),
                owner("malformed JSON to renegotiate", HttpMethod.POST, renegotiations, "{\"reason\"", 400, null),
                partner(
                        "accepting renegotiation 1 when there is none",
                        HttpMethod.POST,
                        renegotiations + "/1/accept",
                        null,
                        404),
                partner("declining renegotiation 0", HttpMethod.POST, renegotiations + "/0/decline", null, 404),
                partner(
                        "accepting renegotiation 'latest'",
                        HttpMethod.POST,
                        renegotiations + "/latest/accept",
                        null,
                        404),
                partner(
                        "accepting a renegotiation past the integers",
                        HttpMethod.POST,
                        renegotiations + "/99999999999/accept",
                        null,
                        404),
                partner(
                        "confirming an open commitment",
                        HttpMethod.POST,
                        "/api/v1/commitments/{id}/confirmation",
                        Map.of("agree", true),
                        409),
                partner(
                        "confirming without agree",
                        HttpMethod.POST,
                        "/api/v1/commitments/{id}/confirmation",
                        Map.of("comment", "Fine"),
                        400,
                        "agree"),
                partner(
                        "agree as a word",
                        HttpMethod.POST,
                        "/api/v1/commitments/{id}/confirmation",
                        Map.of("agree", "perhaps"),
                        400,
                        "agree"),
                partner(
                        "a huge confirmation comment",
                        HttpMethod.POST,
                        "/api/v1/commitments/{id}/confirmation",
                        Map.of("agree", false, "comment", huge),
                        400,
                        "comment"),
                partner(
                        "reflecting on an open commitment",
                        HttpMethod.POST,
                        "/api/v1/commitments/{id}/reflections",
                        Map.of("worked", "Early"),
                        409),
                partner(
                        "a huge reflection",
                        HttpMethod.POST,
                        "/api/v1/commitments/{id}/reflections",
                        Map.of("worked", huge),
                        400,
                        "worked"),
                partner(
                        "a reflection as a number",
                        HttpMethod.POST,
                        "/api/v1/commitments/{id}/reflections",
                        Map.of("changeNext", 42),
                        400,
                        "changeNext"),
                owner(
                        "a milestone on a malformed id",
                        HttpMethod.POST,
                        "/api/v1/commitments/not-an-id/milestones",
                        plan("title", "Draft"),
                        404,
                        null),
                owner(
                        "a milestone on an unknown commitment",
                        HttpMethod.POST,
                        "/api/v1/commitments/" + UUID.randomUUID() + "/milestones",
                        plan("title", "Draft"),
                        404,
                        null)));
        return cases.stream()
                .map(bad -> DynamicTest.dynamicTest(bad.description(), () -> answersWithAProblem(pair, id, bad)));
    }

    @TestFactory
    Stream<DynamicTest> badInputOnAClosedCommitmentIsAProblemNeverA500AndChangesNothing() {
        Pair pair = pair();
        UUID id = api.commit(pair.owner(), inDays(14), "PARTNERS");
        close(pair.owner(), id, "KEPT");
        String confirmation = "/api/v1/commitments/{id}/confirmation";
        String reflections = "/api/v1/commitments/{id}/reflections";
        List<Bad> cases = List.of(
                partner(
                        "a dispute without a comment",
                        HttpMethod.POST,
                        confirmation,
                        Map.of("agree", false),
                        422,
                        "comment"),
                partner(
                        "a dispute with a blank comment",
                        HttpMethod.POST,
                        confirmation,
                        Map.of("agree", false, "comment", "\t"),
                        422,
                        "comment"),
                partner("agree as a number", HttpMethod.POST, confirmation, Map.of("agree", 2), 400, "agree"),
                partner(
                        "a comment as an object",
                        HttpMethod.POST,
                        confirmation,
                        Map.of("agree", false, "comment", Map.of("a", 1)),
                        400,
                        "comment"),
                partner(
                        "an unknown confirmation field",
                        HttpMethod.POST,
                        confirmation,
                        Map.of("agree", true, "score", 5),
                        400,
                        "score"),
                partner("malformed JSON to confirm", HttpMethod.POST, confirmation, "{\"agree\": tru", 400, null),
                partner("no body to confirm", HttpMethod.POST, confirmation, null, 400),
                owner("the owner confirming", HttpMethod.POST, confirmation, Map.of("agree", true), 403),
                partner("an empty reflection", HttpMethod.POST, reflections, Map.of(), 422, "worked"),
                partner(
                        "a blank reflection",
                        HttpMethod.POST,
                        reflections,
                        Map.of("worked", "  ", "changeNext", "\n"),
                        422,
                        "worked"),
                partner(
                        "a reflection too long",
                        HttpMethod.POST,
                        reflections,
                        Map.of("changeNext", "c".repeat(2001)),
                        400,
                        "changeNext"),
                partner(
                        "a NUL in a reflection",
                        HttpMethod.POST,
                        reflections,
                        Map.of("worked", "\u0000"),
                        400,
                        "worked"),
                partner("a list for a reflection", HttpMethod.POST, reflections, "[{\"worked\": \"x\"}]", 400, null),
                owner(
                        "a milestone after closing",
                        HttpMethod.POST,
                        "/api/v1/commitments/{id}/milestones",
                        plan("title", "More"),
                        409,
                        null));
        return cases.stream()
                .map(bad -> DynamicTest.dynamicTest(bad.description(), () -> answersWithAProblem(pair, id, bad)));
    }

    private void answersWithAProblem(Pair pair, UUID id, Bad bad) {
        JsonNode before = api.get(pair.owner().token(), path(id)).expect(200).json();
        Account caller = bad.byPartner() ? pair.partner() : pair.owner();

        ApiResponse response = api.send(
                bad.method(),
                caller.token(),
                bad.path().replace("{id}", id.toString()),
                bad.body(),
                bad.type() == null ? MediaType.APPLICATION_JSON : bad.type());

        JsonNode problem = response.expectProblem(bad.status());
        if (bad.field() != null) {
            assertThat(response.errorFields())
                    .as("field errors of %s", response)
                    .contains(bad.field());
        }
        if (bad.status() == 422) {
            assertThat(problem.get("reason").asString()).isNotBlank();
        }
        assertThat(api.get(pair.owner().token(), path(id)).expect(200).json()).isEqualTo(before);
    }

    private static final Object ABSENT = new Object();

    private static Bad owner(
            String description, HttpMethod method, String path, Object body, int status, String field) {
        return new Bad(description, false, method, path, body, null, status, field);
    }

    private static Bad owner(String description, HttpMethod method, String path, Object body, int status) {
        return new Bad(description, false, method, path, body, null, status, null);
    }

    private static Bad owner(
            String description, HttpMethod method, String path, Object body, MediaType type, int status) {
        return new Bad(description, false, method, path, body, type, status, null);
    }

    private static Bad partner(
            String description, HttpMethod method, String path, Object body, int status, String field) {
        return new Bad(description, true, method, path, body, null, status, field);
    }

    private static Bad partner(String description, HttpMethod method, String path, Object body, int status) {
        return new Bad(description, true, method, path, body, null, status, null);
    }

    private Map<String, Object> plan(String field, Object value) {
        return with(map("title", "Draft", "due", inDays(3).toString()), field, value);
    }

    private static Map<String, Object> done(Object value) {
        return map("done", value);
    }

    private static Map<String, Object> report(String field, Object value) {
        return with(map("percent", 20, "confidence", "ON_TRACK"), field, value);
    }

    private Map<String, Object> proposal(String field, Object value) {
        return with(map("reason", "IT is late", "due", inDays(20).toString()), field, value);
    }

    /** A JSON object from name-value pairs; values may be null. */
    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        if (value == ABSENT) {
            body.remove(field);
        } else {
            body.put(field, value);
        }
        return body;
    }

    // --- helpers -----------------------------------------------------------------------------

    private LocalDate inDays(int days) {
        return LocalDate.now(clock).plusDays(days);
    }

    private static String path(UUID id) {
        return "/api/v1/commitments/" + id;
    }

    private void milestone(Account owner, UUID id, String title, LocalDate due) {
        api.post(owner.token(), path(id) + "/milestones", Map.of("title", title, "due", due.toString()))
                .expect(201);
    }

    private void close(Account owner, UUID id, String outcome) {
        api.post(
                        owner.token(),
                        path(id) + "/verification",
                        Map.of("outcome", outcome, "reflection", "How it went, honestly"))
                .expect(200);
    }

    private static Map<String, Object> withSharing(LocalDate due, UUID partnership) {
        Map<String, Object> terms = ApiFixtures.clearTerms(due, "PARTNERS");
        terms.put("sharedWith", List.of(partnership.toString()));
        return terms;
    }

    private static String reason(ApiResponse response) {
        JsonNode problem = response.expectProblem(422);
        assertThat(problem.get("reason")).as("reason of %s", response).isNotNull();
        return problem.get("reason").asString();
    }

    private static List<String> ids(JsonNode list) {
        return (list.isArray() ? list : list.get("items"))
                .valueStream()
                .map(c -> c.get("id").asString())
                .toList();
    }

    /** Waits for the owner's notifications to settle, then checks none quotes the commitment. */
    private void assertNothingConfidentialIn(Account owner) {
        List<String> texts = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> api.notifications(owner), notices -> !notices.isEmpty());
        for (String text : texts) {
            for (String word : CONFIDENTIAL) {
                assertThat(text.toLowerCase()).as("notification %s", text).doesNotContain(word.toLowerCase());
            }
        }
    }
}
