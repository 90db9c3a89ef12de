package dev.kept.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kept.access.Visibility;
import dev.kept.shared.ConflictException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.RuleViolationException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The commitment's lifecycle as a state machine: each step it allows, the events each step records,
 * and each step it refuses, answered with the right exception and changing nothing at all.
 */
class CommitmentLifecycleTests {

    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID PARTNER = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Instant NOW = TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC);
    private static final LocalDate DUE = TODAY.plusDays(20);
    private static final String DONE_WHEN = "The checklist is on the wiki and two new hires used it";

    // --- making ------------------------------------------------------------------------------

    @Test
    void aNewCommitmentIsOpenAndRecordsThatItWasMade() {
        Commitment commitment = Commitment.make(ORGANIZATION, OWNER, terms(), NOW);

        assertThat(commitment.getStatus()).isEqualTo(CommitmentStatus.OPEN);
        assertThat(commitment.getMilestones()).isEmpty();
        assertThat(commitment.getRenegotiations()).isEmpty();
        assertThat(commitment.getRenegotiated()).isZero();
        assertThat(commitment.getConfirmation()).isNull();
        assertThat(events(commitment))
                .containsExactly(new CommitmentMade(ORGANIZATION, commitment.getId(), OWNER, DUE));
    }

    // --- milestones --------------------------------------------------------------------------

    @Test
    void plansMilestonesFromTodayUpToTheDueDate() {
        Commitment commitment = open();

        commitment.planMilestone("Draft", TODAY, TODAY, later(1));
        commitment.planMilestone("Publish", DUE, TODAY, later(2));

        assertThat(commitment.getMilestones())
                .containsExactly(
                        new Milestone("Draft", TODAY, null, later(1)), new Milestone("Publish", DUE, null, later(2)));
        assertThat(commitment.getUpdatedAt()).isEqualTo(later(2));
        assertThat(events(commitment)).isEmpty();
    }

    @Test
    void marksAMilestoneDoneKeepingWhenItWasFirstDoneAndUndoesIt() {
        Commitment commitment = open();
        commitment.planMilestone("Draft", TODAY.plusDays(3), TODAY, NOW);

        commitment.markMilestone(1, true, later(1));
        commitment.markMilestone(1, true, later(2));

        assertThat(commitment.getMilestones().get(0).doneAt()).isEqualTo(later(1));
        assertThat(commitment.getLastProgressAt())
                .as("marking a step counts as news")
                .isEqualTo(later(2));

        commitment.markMilestone(1, false, later(3));

        assertThat(commitment.getMilestones().get(0).done()).isFalse();
        assertThat(commitment.getMilestones().get(0).doneAt()).isNull();
        assertThat(events(commitment)).isEmpty();
    }

    @Test
    void refusesAMilestoneInThePast() {
        Commitment commitment = open();

        refused(() -> commitment.planMilestone("Late", TODAY.minusDays(1), TODAY, later(1)), commitment)
                .isInstanceOf(RuleViolationException.class)
                .satisfies(reason("MILESTONE_IN_PAST", "due"));
    }

    @Test
    void refusesAMilestoneAfterTheDueDate() {
        Commitment commitment = open();

        refused(() -> commitment.planMilestone("After", DUE.plusDays(1), TODAY, later(1)), commitment)
                .isInstanceOf(RuleViolationException.class)
                .satisfies(reason("MILESTONE_AFTER_DUE", "due"));
    }

    @Test
    void refusesTheFiftyFirstMilestone() {
        Commitment commitment = open();
        for (int i = 1; i <= Commitment.MOST_MILESTONES; i++) {
            commitment.planMilestone("Step " + i, TODAY.plusDays(i % 20), TODAY, NOW);
        }
        assertThat(commitment.getMilestones()).hasSize(50);

        refused(() -> commitment.planMilestone("One more", TODAY.plusDays(1), TODAY, later(1)), commitment)
                .isInstanceOf(RuleViolationException.class)
                .satisfies(reason("TOO_MANY_MILESTONES", null));
    }

    @Test
    void refusesToMarkAMilestoneThatDoesNotExist() {
        Commitment commitment = open();
        commitment.planMilestone("Draft", TODAY.plusDays(3), TODAY, NOW);

        for (int number : List.of(0, -1, 2, Integer.MAX_VALUE, Integer.MIN_VALUE)) {
            refused(() -> commitment.markMilestone(number, true, later(1)), commitment)
                    .as("milestone %d", number)
                    .isInstanceOf(NotFoundException.class);
        }
    }

    // --- progress ----------------------------------------------------------------------------

    @Test
    void reportsProgressWithHowMuchInControlAndWhatIsNeeded() {
        Commitment commitment = open();

        commitment.report(OWNER, 40, Confidence.AT_RISK, "Halfway through the draft", 2, "A reviewer", later(1));
        commitment.report(OWNER, null, Confidence.ON_TRACK, null, null, null, later(2));

        ProgressUpdate first = commitment.getUpdates().get(0);
        assertThat(first.getPercent()).isEqualTo(40);
        assertThat(first.getControl()).isEqualTo(2);
        assertThat(first.getNeeds()).isEqualTo("A reviewer");
        ProgressUpdate second = commitment.getUpdates().get(1);
        assertThat(second.getPercent()).as("no percent: the last one stands").isEqualTo(40);
        assertThat(second.getControl()).isNull();
        assertThat(commitment.getPercent()).isEqualTo(40);
        assertThat(commitment.getConfidence()).isEqualTo(Confidence.ON_TRACK);
        assertThat(commitment.getLastProgressAt()).isEqualTo(later(2));
        assertThat(events(commitment))
                .containsExactly(
                        new ProgressReported(ORGANIZATION, commitment.getId(), OWNER, 40, Confidence.AT_RISK),
                        new ProgressReported(ORGANIZATION, commitment.getId(), OWNER, 40, Confidence.ON_TRACK));
    }

    // --- renegotiation -----------------------------------------------------------------------

    @Test
    void proposesNewTermsWithoutChangingTheCurrentOnes() {
        Commitment commitment = open();

        commitment.proposeRenegotiation(OWNER, "The wiki moves", DUE.plusDays(10), null, TODAY, later(1));

        assertThat(commitment.getDue()).isEqualTo(DUE);
        assertThat(commitment.getDoneWhen()).isEqualTo(DONE_WHEN);
        assertThat(commitment.getRenegotiated()).isZero();
        assertThat(commitment.pendingRenegotiation())
                .isEqualTo(new Renegotiation(
                        OWNER,
                        "The wiki moves",
                        DUE,
                        DUE.plusDays(10),
                        DONE_WHEN,
                        DONE_WHEN,
                        Renegotiation.Status.PENDING,
                        null,
                        null,
                        later(1)));
        assertThat(events(commitment)).isEmpty();
    }

    @Test
    void proposesANewDefinitionOfDoneAloneAndOnTheDueDateItself() {
        Commitment commitment = open();

        commitment.proposeRenegotiation(OWNER, "Smaller scope", null, "One new hire used it", DUE, later(1));

        Renegotiation proposal = commitment.pendingRenegotiation();
        assertThat(proposal.newDue()).isEqualTo(DUE);
        assertThat(proposal.oldDoneWhen()).isEqualTo(DONE_WHEN);
        assertThat(proposal.newDoneWhen()).isEqualTo("One new hire used it");
    }

    @Test
    void acceptingAppliesTheNewTermsCountsItAndKeepsTheHistory() {
        Commitment commitment = open();
        commitment.proposeRenegotiation(OWNER, "The wiki moves", DUE.plusDays(10), "One new hire used it", TODAY, NOW);

        commitment.decideRenegotiation(1, true, PARTNER, "Pat", later(1));

        assertThat(commitment.getDue()).isEqualTo(DUE.plusDays(10));
        assertThat(commitment.getDoneWhen()).isEqualTo("One new hire used it");
        assertThat(commitment.getRenegotiated()).isEqualTo(1);
        assertThat(commitment.pendingRenegotiation()).isNull();
        Renegotiation decided = commitment.getRenegotiations().get(0);
        assertThat(decided.status()).isEqualTo(Renegotiation.Status.ACCEPTED);
        assertThat(decided.decidedBy()).isEqualTo(PARTNER);
        assertThat(decided.decidedAt()).isEqualTo(later(1));
        assertThat(decided.oldDue()).isEqualTo(DUE);
        assertThat(decided.oldDoneWhen()).isEqualTo(DONE_WHEN);
        assertThat(events(commitment))
                .containsExactly(new RenegotiationDecided(ORGANIZATION, commitment.getId(), OWNER, "Pat", true, 1));

        commitment.proposeRenegotiation(OWNER, "Again", DUE.plusDays(12), null, TODAY, later(2));
        commitment.decideRenegotiation(2, true, PARTNER, "Pat", later(3));

        assertThat(commitment.getRenegotiations().get(1).oldDue())
                .as("the second proposal starts from the renegotiated terms")
                .isEqualTo(DUE.plusDays(10));
        assertThat(commitment.getRenegotiated()).isEqualTo(2);
    }

    @Test
    void decliningKeepsTheTermsAndAllowsANewProposal() {
        Commitment commitment = open();
        commitment.proposeRenegotiation(OWNER, "The wiki moves", DUE.plusDays(10), null, TODAY, NOW);

        commitment.decideRenegotiation(1, false, PARTNER, "Pat", later(1));

        assertThat(commitment.getDue()).isEqualTo(DUE);
        assertThat(commitment.getRenegotiated()).isZero();
        assertThat(commitment.getRenegotiations().get(0).status()).isEqualTo(Renegotiation.Status.DECLINED);
        assertThat(commitment.getRenegotiations().get(0).decidedBy()).isEqualTo(PARTNER);
        assertThat(events(commitment))
                .containsExactly(new RenegotiationDecided(ORGANIZATION, commitment.getId(), OWNER, "Pat", false, 1));

        commitment.proposeRenegotiation(OWNER, "A smaller step", DUE.plusDays(3), null, TODAY, later(2));

        assertThat(commitment.getRenegotiations()).hasSize(2);
        assertThat(commitment.pendingRenegotiation().newDue()).isEqualTo(DUE.plusDays(3));
    }

    @Test
    void refusesToRenegotiateAfterTheDueDate() {
        Commitment commitment = open();

        refused(
                        () -> commitment.proposeRenegotiation(
                                OWNER, "Too late", DUE.plusDays(10), null, DUE.plusDays(1), later(1)),
                        commitment)
                .isInstanceOf(RuleViolationException.class)
                .satisfies(reason("TOO_LATE", null));
    }

    @Test
    void refusesASecondProposalWhileOneIsPending() {
        Commitment commitment = open();
        commitment.proposeRenegotiation(OWNER, "First", DUE.plusDays(10), null, TODAY, NOW);

        refused(
                        () -> commitment.proposeRenegotiation(OWNER, "Second", DUE.plusDays(20), null, TODAY, later(1)),
                        commitment)
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void refusesAProposalThatChangesNothing() {
        Commitment commitment = open();

        refused(() -> commitment.proposeRenegotiation(OWNER, "Nothing", null, null, TODAY, later(1)), commitment)
                .isInstanceOf(RuleViolationException.class)
                .satisfies(reason("NO_CHANGE", "due"));
        refused(() -> commitment.proposeRenegotiation(OWNER, "Same", DUE, DONE_WHEN, TODAY, later(1)), commitment)
                .isInstanceOf(RuleViolationException.class)
                .satisfies(reason("NO_CHANGE", "due"));
    }

    @Test
    void refusesToDecideTwice() {
        Commitment accepted = open();
        accepted.proposeRenegotiation(OWNER, "First", DUE.plusDays(10), null, TODAY, NOW);
        accepted.decideRenegotiation(1, true, PARTNER, "Pat", NOW);
        Commitment declined = open();
        declined.proposeRenegotiation(OWNER, "First", DUE.plusDays(10), null, TODAY, NOW);
        declined.decideRenegotiation(1, false, PARTNER, "Pat", NOW);

        for (Commitment commitment : List.of(accepted, declined)) {
            clearEvents(commitment);
            for (boolean accept : List.of(true, false)) {
                refused(() -> commitment.decideRenegotiation(1, accept, PARTNER, "Pat", later(1)), commitment)
                        .isInstanceOf(ConflictException.class);
            }
        }
    }

    @Test
    void refusesToEditTheTermsUnderRenegotiationUntilTheOtherSideAnswers() {
        Commitment commitment = open();
        commitment.proposeRenegotiation(OWNER, "Smaller scope", null, "One new hire used it", TODAY, NOW);
        Commitment.Terms terms = terms();

        refused(() -> commitment.revise(terms(DUE.plusDays(5)), later(1)), commitment)
                .isInstanceOf(ConflictException.class);
        refused(
                        () -> commitment.revise(
                                new Commitment.Terms(
                                        terms.what(),
                                        "Another definition",
                                        DUE,
                                        terms.why(),
                                        terms.visibility(),
                                        terms.sharedWith()),
                                later(1)),
                        commitment)
                .isInstanceOf(ConflictException.class);

        commitment.revise(
                new Commitment.Terms(
                        "A sharper what", DONE_WHEN, DUE, terms.why(), terms.visibility(), terms.sharedWith()),
                later(1));
        commitment.decideRenegotiation(1, true, PARTNER, "Pat", later(2));

        assertThat(commitment.getWhat()).isEqualTo("A sharper what");
        assertThat(commitment.getDue()).isEqualTo(DUE);
        assertThat(commitment.getDoneWhen()).isEqualTo("One new hire used it");

        commitment.revise(terms(DUE.plusDays(5)), later(3));
        assertThat(commitment.getDue())
                .as("once decided, the owner edits again")
                .isEqualTo(DUE.plusDays(5));
    }

    @Test
    void refusesToDecideARenegotiationThatDoesNotExist() {
        Commitment commitment = open();
        commitment.proposeRenegotiation(OWNER, "First", DUE.plusDays(10), null, TODAY, NOW);

        for (int number : List.of(0, -1, 2)) {
            refused(() -> commitment.decideRenegotiation(number, true, PARTNER, "Pat", later(1)), commitment)
                    .as("renegotiation %d", number)
                    .isInstanceOf(NotFoundException.class);
        }
    }

    // --- closing, confirming, reflecting -----------------------------------------------------

    @Test
    void verifyingClosesIt() {
        Commitment kept = open();
        kept.report(OWNER, 60, Confidence.ON_TRACK, null, null, null, NOW);
        Commitment partly = open();
        partly.report(OWNER, 60, Confidence.ON_TRACK, null, null, null, NOW);
        clearEvents(kept);
        clearEvents(partly);

        kept.verify(Outcome.KEPT, "It went well", later(1));
        partly.verify(Outcome.PARTLY_KEPT, "Half of it", later(1));

        assertThat(kept.getStatus()).isEqualTo(CommitmentStatus.CLOSED);
        assertThat(kept.getClosedAt()).isEqualTo(later(1));
        assertThat(kept.getPercent()).isEqualTo(100);
        assertThat(partly.getPercent()).isEqualTo(60);
        assertThat(events(kept))
                .containsExactly(new CommitmentVerified(ORGANIZATION, kept.getId(), OWNER, Outcome.KEPT));
    }

    @Test
    void aClosedCommitmentRefusesEveryChange() {
        Commitment commitment = open();
        commitment.planMilestone("Draft", TODAY.plusDays(3), TODAY, NOW);
        commitment.proposeRenegotiation(OWNER, "Pending", DUE.plusDays(10), null, TODAY, NOW);
        commitment.verify(Outcome.NOT_KEPT, "Ran out of time", NOW);
        clearEvents(commitment);

        List<ThrowingCallable> changes = List.of(
                () -> commitment.planMilestone("More", TODAY.plusDays(4), TODAY, later(1)),
                () -> commitment.markMilestone(1, true, later(1)),
                () -> commitment.report(OWNER, 50, Confidence.ON_TRACK, "news", 3, null, later(1)),
                () -> commitment.proposeRenegotiation(OWNER, "Another", DUE.plusDays(5), null, TODAY, later(1)),
                () -> commitment.decideRenegotiation(1, true, PARTNER, "Pat", later(1)),
                () -> commitment.decideRenegotiation(1, false, PARTNER, "Pat", later(1)),
                () -> commitment.verify(Outcome.KEPT, "Again", later(1)),
                () -> commitment.revise(terms(), later(1)));
        for (ThrowingCallable change : changes) {
            refused(change, commitment).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void theOtherSideConfirmsTheAssessment() {
        Commitment commitment = closed();

        commitment.confirm(PARTNER, "Pat", true, null, later(1));

        assertThat(commitment.getConfirmation()).isEqualTo(Commitment.Confirmation.AGREED);
        assertThat(commitment.getConfirmedBy()).isEqualTo(PARTNER);
        assertThat(commitment.getConfirmedAt()).isEqualTo(later(1));
        assertThat(commitment.getConfirmationComment()).isNull();
        assertThat(events(commitment))
                .containsExactly(new CommitmentConfirmed(ORGANIZATION, commitment.getId(), OWNER, "Pat", true));
    }

    @Test
    void theOtherSideDisputesTheAssessmentWithAComment() {
        Commitment commitment = closed();

        commitment.confirm(PARTNER, "Pat", false, "Only one new hire used it", later(1));

        assertThat(commitment.getConfirmation()).isEqualTo(Commitment.Confirmation.DISPUTED);
        assertThat(commitment.getConfirmationComment()).isEqualTo("Only one new hire used it");
        assertThat(events(commitment))
                .containsExactly(new CommitmentConfirmed(ORGANIZATION, commitment.getId(), OWNER, "Pat", false));
    }

    @Test
    void refusesToConfirmAnOpenCommitment() {
        Commitment commitment = open();

        refused(() -> commitment.confirm(PARTNER, "Pat", true, null, later(1)), commitment)
                .isInstanceOf(ConflictException.class);
        refused(() -> commitment.confirm(PARTNER, "Pat", false, "Not yet", later(1)), commitment)
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void refusesToConfirmTwice() {
        Commitment confirmed = closed();
        confirmed.confirm(PARTNER, "Pat", true, null, NOW);
        Commitment disputed = closed();
        disputed.confirm(PARTNER, "Pat", false, "Not really", NOW);

        for (Commitment commitment : List.of(confirmed, disputed)) {
            clearEvents(commitment);
            refused(() -> commitment.confirm(PARTNER, "Pat", true, null, later(1)), commitment)
                    .isInstanceOf(ConflictException.class);
            refused(() -> commitment.confirm(PARTNER, "Pat", false, "Changed my mind", later(1)), commitment)
                    .isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void refusesADisputeWithoutAComment() {
        Commitment commitment = closed();

        for (String comment : new String[] {null, "", "  \n\t"}) {
            refused(() -> commitment.confirm(PARTNER, "Pat", false, comment, later(1)), commitment)
                    .isInstanceOf(RuleViolationException.class)
                    .satisfies(reason("COMMENT", "comment"));
        }
    }

    @Test
    void theOwnerAndTheOtherSideEachReflectOnce() {
        Commitment commitment = closed();

        commitment.reflect(OWNER, "Writing it down early", null, later(1));
        commitment.reflect(PARTNER, null, "Ask for a date per step", later(2));

        assertThat(commitment.getReflections())
                .containsExactly(
                        new Reflection(OWNER, "Writing it down early", null, later(1)),
                        new Reflection(PARTNER, null, "Ask for a date per step", later(2)));
        assertThat(events(commitment)).isEmpty();

        for (UUID author : List.of(OWNER, PARTNER)) {
            refused(() -> commitment.reflect(author, "Once more", null, later(3)), commitment)
                    .isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void refusesAReflectionOnAnOpenCommitment() {
        Commitment commitment = open();

        for (UUID author : List.of(OWNER, PARTNER)) {
            refused(() -> commitment.reflect(author, "Too early", null, later(1)), commitment)
                    .isInstanceOf(ConflictException.class);
        }
    }

    // --- overdue and risk --------------------------------------------------------------------

    @Test
    void remindsOfAnOverdueAssessmentOncePerDueDate() {
        Commitment commitment = open();

        assertThat(commitment.remindOverdue(TODAY)).isFalse();
        assertThat(commitment.remindOverdue(DUE)).as("on the due date itself").isFalse();
        assertThat(events(commitment)).isEmpty();

        assertThat(commitment.remindOverdue(DUE.plusDays(1))).isTrue();
        assertThat(events(commitment))
                .containsExactly(new CommitmentOverdue(ORGANIZATION, commitment.getId(), OWNER, DUE));
        clearEvents(commitment);

        Map<String, Object> before = state(commitment);
        assertThat(commitment.remindOverdue(DUE.plusDays(2))).isFalse();
        assertThat(state(commitment)).isEqualTo(before);

        LocalDate later = DUE.plusDays(10);
        commitment.revise(terms(later), NOW);
        clearEvents(commitment);
        assertThat(commitment.remindOverdue(later)).isFalse();
        assertThat(commitment.remindOverdue(later.plusDays(1)))
                .as("a new due date")
                .isTrue();
        assertThat(events(commitment))
                .containsExactly(new CommitmentOverdue(ORGANIZATION, commitment.getId(), OWNER, later));
    }

    @Test
    void remindsOfNothingOnceClosed() {
        Commitment commitment = closed();

        Map<String, Object> before = state(commitment);
        assertThat(commitment.remindOverdue(DUE.plusDays(1))).isFalse();
        assertThat(state(commitment)).isEqualTo(before);
    }

    @Test
    void riskReasonsStartAtTheirBoundaries() {
        Commitment commitment = open();
        LocalDate weekBefore = DUE.minusDays(RiskReason.SOON_DAYS);
        Instant silentUntil = NOW.plus(Duration.ofDays(14));

        assertThat(commitment.riskReasons(weekBefore.minusDays(1), NOW)).isEmpty();
        assertThat(commitment.riskReasons(weekBefore, NOW)).containsExactly(RiskReason.BEHIND);
        assertThat(commitment.riskReasons(TODAY, silentUntil))
                .as("exactly 14 days")
                .isEmpty();
        assertThat(commitment.riskReasons(TODAY, silentUntil.plusSeconds(1))).containsExactly(RiskReason.SILENT);

        commitment.report(OWNER, 50, Confidence.OFF_TRACK, null, null, null, NOW);
        assertThat(commitment.riskReasons(weekBefore, NOW)).containsExactly(RiskReason.CONFIDENCE);

        commitment.planMilestone("One", TODAY.plusDays(1), TODAY, NOW);
        commitment.planMilestone("Two", TODAY.plusDays(2), TODAY, NOW);
        commitment.planMilestone("Three", TODAY.plusDays(3), TODAY, NOW);
        commitment.markMilestone(1, true, NOW);
        commitment.report(OWNER, 90, Confidence.ON_TRACK, null, null, null, NOW);
        assertThat(commitment.riskReasons(weekBefore, NOW))
                .as("one milestone of three done, even at 90 %")
                .containsExactly(RiskReason.BEHIND);

        commitment.markMilestone(2, true, NOW);
        assertThat(commitment.riskReasons(weekBefore, NOW)).isEmpty();

        commitment.verify(Outcome.PARTLY_KEPT, "Close", NOW);
        assertThat(commitment.riskReasons(DUE.plusDays(30), NOW.plus(Duration.ofDays(90))))
                .as("a closed commitment is not at risk")
                .isEmpty();
    }

    // --- helpers -----------------------------------------------------------------------------

    private static Commitment.Terms terms() {
        return terms(DUE);
    }

    private static Commitment.Terms terms(LocalDate due) {
        return new Commitment.Terms(
                "Publish the onboarding checklist",
                DONE_WHEN,
                due,
                "New hires get lost",
                Visibility.PARTNERS,
                Set.of());
    }

    private static Instant later(int minutes) {
        return NOW.plus(Duration.ofMinutes(minutes));
    }

    /** An open commitment with no events recorded yet. */
    private static Commitment open() {
        Commitment commitment = Commitment.make(ORGANIZATION, OWNER, terms(), NOW);
        clearEvents(commitment);
        return commitment;
    }

    /** A commitment the owner closed, with no events recorded yet. */
    private static Commitment closed() {
        Commitment commitment = open();
        commitment.verify(Outcome.KEPT, "Done on time", NOW);
        clearEvents(commitment);
        return commitment;
    }

    /** Asserts that the step throws and leaves every field, and the recorded events, as they were. */
    private static AbstractThrowableAssert<?, ? extends Throwable> refused(
            ThrowingCallable step, Commitment commitment) {
        Map<String, Object> before = state(commitment);
        Throwable thrown = catchThrowable(step);
        assertThat(state(commitment)).as("state after a refused step").isEqualTo(before);
        return assertThat(thrown).as("what the refused step threw").isNotNull();
    }

    private static Consumer<Throwable> reason(String reason, String field) {
        return thrown -> {
            RuleViolationException violation = (RuleViolationException) thrown;
            assertThat(violation.reason()).isEqualTo(reason);
            assertThat(violation.field()).isEqualTo(field);
            assertThat(violation.getStatusCode().value()).isEqualTo(422);
        };
    }

    /** Every field of the aggregate (collections copied) and the events it recorded. */
    private static Map<String, Object> state(Commitment commitment) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (Field field : Commitment.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                Object value = ReflectionTestUtils.getField(commitment, field.getName());
                state.put(field.getName(), value instanceof Collection<?> many ? List.copyOf(many) : value);
            }
        }
        state.put("events", events(commitment));
        return state;
    }

    private static List<Object> events(Commitment commitment) {
        Collection<?> events = ReflectionTestUtils.invokeMethod(commitment, "domainEvents");
        return List.copyOf(events);
    }

    private static void clearEvents(Commitment commitment) {
        ReflectionTestUtils.invokeMethod(commitment, "clearDomainEvents");
    }
}
