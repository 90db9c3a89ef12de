package dev.kept.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kept.goals.Negotiation.Answer;
import dev.kept.goals.Negotiation.Status;
import dev.kept.goals.Negotiation.Terms;
import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.RuleViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of a co-owned goal's negotiation, without a database. */
class NegotiationTests {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID person = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final LocalDate due = LocalDate.parse("2027-03-01");

    private Terms terms(LocalDate due, UUID by, UUID... teams) {
        Map<UUID, String> contributions = new LinkedHashMap<>();
        for (UUID team : teams) {
            contributions.put(team, "part of " + team);
        }
        return new Terms(
                "Onboard in a day", "They stay", "Median under a day", due, contributions, by, person, null, now);
    }

    private Negotiation open(List<UUID> coOwners, UUID... invited) {
        List<UUID> all = new java.util.ArrayList<>(List.of(a));
        all.addAll(coOwners);
        all.addAll(List.of(invited));
        return Negotiation.open(
                UUID.randomUUID(),
                UUID.randomUUID(),
                a,
                coOwners,
                List.of(invited),
                terms(due, a, all.toArray(UUID[]::new)),
                now);
    }

    @Test
    void agreesOnlyWhenEveryTeamAcceptedTheLatestRound() {
        Negotiation negotiation = open(List.of(), b, c);
        assertThat(negotiation.accept(b, 1, person, now)).isFalse();
        negotiation.counter(c, terms(due.plusDays(30), c, a, b, c), now);
        assertThat(negotiation.round()).isEqualTo(2);
        assertThat(negotiation.parties.get(b).answer).isEqualTo(Answer.PENDING);
        assertThat(negotiation.parties.get(a).answer).isEqualTo(Answer.PENDING);
        assertThatThrownBy(() -> negotiation.accept(b, 1, person, now)).isInstanceOf(ConflictException.class);
        assertThat(negotiation.accept(b, 2, person, now)).isFalse();
        assertThat(negotiation.accept(a, 2, person, now)).isTrue();
        assertThat(negotiation.status).isEqualTo(Status.AGREED);
        assertThatThrownBy(() -> negotiation.accept(c, 2, person, now)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anInvitedTeamThatDeclinesLeavesAndTheLastOneDecliningEndsIt() {
        Negotiation negotiation = open(List.of(), b, c);
        assertThat(negotiation.decline(c, "Full quarter", person, now)).isFalse();
        assertThat(negotiation.status).isEqualTo(Status.OPEN);
        assertThat(negotiation.teamsIn()).containsExactly(a, b);
        assertThatThrownBy(() -> negotiation.counter(b, terms(due, b, a, b, c), now))
                .isInstanceOf(RuleViolationException.class);
        assertThat(negotiation.decline(b, "Not now", person, now)).isFalse();
        assertThat(negotiation.status).isEqualTo(Status.DECLINED);
    }

    @Test
    void aDeclineCanCompleteTheAgreementOfTheOthers() {
        Negotiation negotiation = open(List.of(), b, c);
        negotiation.accept(b, 1, person, now);
        assertThat(negotiation.decline(c, "We only advise", person, now)).isTrue();
        assertThat(negotiation.status).isEqualTo(Status.AGREED);
    }

    @Test
    void aCoOwnerDecliningNewTermsEndsTheNegotiation() {
        Negotiation negotiation = open(List.of(b), c);
        negotiation.decline(b, "The agreed terms stand", person, now);
        assertThat(negotiation.status).isEqualTo(Status.DECLINED);
    }

    @Test
    void onlyTheProposerWithdrawsAndTheProposerDoesNotDecline() {
        Negotiation negotiation = open(List.of(), b);
        assertThatThrownBy(() -> negotiation.withdraw(b, null, person, now)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> negotiation.decline(a, "no", person, now)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> negotiation.accept(c, 1, person, now)).isInstanceOf(ForbiddenException.class);
        negotiation.withdraw(a, "Priorities moved", person, now);
        assertThat(negotiation.status).isEqualTo(Status.WITHDRAWN);
        assertThat(negotiation.steps)
                .extracting(Negotiation.Step::kind)
                .containsExactly(Negotiation.StepKind.PROPOSED, Negotiation.StepKind.WITHDREW);
    }

    @Test
    void everyTeamMustSayWhatItContributesAndTheSameTermsAreNoCounter() {
        assertThatThrownBy(() -> Negotiation.open(
                        UUID.randomUUID(), UUID.randomUUID(), a, List.of(), List.of(b), terms(due, a, a), now))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(
                        e -> assertThat(((RuleViolationException) e).reason()).isEqualTo("CONTRIBUTION_MISSING"));
        Negotiation negotiation = open(List.of(), b);
        assertThatThrownBy(() -> negotiation.counter(b, terms(due, b, a, b), now))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(
                        e -> assertThat(((RuleViolationException) e).reason()).isEqualTo("SAME_TERMS"));
    }
}
