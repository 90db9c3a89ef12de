package dev.kept.goals;

import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.RuleViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The negotiation of a co-owned goal between teams. Round 1 holds the proposing team's terms; each
 * counter-proposal adds a round with changed terms and asks every other team again. A team accepts
 * one round's terms, so the goal becomes co-owned only when every team still in has accepted the
 * same, latest terms. An invited team that declines leaves with its reason; the others go on
 * without it, and with none left the proposal is declined. A team that already co-owns the goal
 * cannot leave by declining: its decline ends the negotiation and the agreed terms stand. Only the
 * proposing team withdraws. Every step is kept in order.
 */
final class Negotiation {

    enum Status {
        OPEN,
        AGREED,
        DECLINED,
        WITHDRAWN
    }

    enum Role {
        PROPOSER,
        CO_OWNER,
        INVITED
    }

    enum Answer {
        PENDING,
        ACCEPTED,
        DECLINED
    }

    enum StepKind {
        PROPOSED,
        COUNTERED,
        ACCEPTED,
        DECLINED,
        WITHDREW,
        AGREED
    }

    /** The terms of one round, with what each team contributes, keyed by team in party order. */
    record Terms(
            String title,
            String why,
            String doneWhen,
            LocalDate due,
            Map<UUID, String> contributions,
            UUID teamId,
            UUID personId,
            String note,
            Instant at) {

        boolean sameAs(Terms other) {
            return title.equals(other.title)
                    && why.equals(other.why)
                    && doneWhen.equals(other.doneWhen)
                    && due.equals(other.due)
                    && contributions.equals(other.contributions);
        }
    }

    /** One team in the negotiation and where it stands. */
    static final class Party {
        final UUID teamId;
        final Role role;
        Answer answer;
        Integer acceptedRound;
        String reason;

        Party(UUID teamId, Role role, Answer answer, Integer acceptedRound, String reason) {
            this.teamId = teamId;
            this.role = role;
            this.answer = answer;
            this.acceptedRound = acceptedRound;
            this.reason = reason;
        }
    }

    record Step(StepKind kind, UUID teamId, UUID personId, int round, String reason, Instant at) {}

    final UUID id;
    final UUID organizationId;
    final UUID goalId;
    final UUID proposingTeamId;
    final UUID createdBy;
    final Instant createdAt;
    Status status;
    Instant closedAt;
    final long version;
    final Map<UUID, Party> parties;
    final List<Terms> rounds;
    final List<Step> steps;
    /** How many steps were stored when this was read; the store appends the rest. */
    final int storedSteps;

    Negotiation(
            UUID id,
            UUID organizationId,
            UUID goalId,
            UUID proposingTeamId,
            UUID createdBy,
            Instant createdAt,
            Status status,
            Instant closedAt,
            long version,
            Map<UUID, Party> parties,
            List<Terms> rounds,
            List<Step> steps) {
        this.id = id;
        this.organizationId = organizationId;
        this.goalId = goalId;
        this.proposingTeamId = proposingTeamId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.status = status;
        this.closedAt = closedAt;
        this.version = version;
        this.parties = parties;
        this.rounds = rounds;
        this.steps = steps;
        this.storedSteps = steps.size();
    }

    /**
     * Opens a negotiation: the proposing team has accepted its own terms; the teams that already
     * co-own the goal and the invited ones are asked.
     */
    static Negotiation open(
            UUID organizationId,
            UUID goalId,
            UUID proposingTeamId,
            List<UUID> coOwners,
            List<UUID> invited,
            Terms terms,
            Instant now) {
        Map<UUID, Party> parties = new LinkedHashMap<>();
        parties.put(proposingTeamId, new Party(proposingTeamId, Role.PROPOSER, Answer.ACCEPTED, 1, null));
        coOwners.forEach(team -> parties.put(team, new Party(team, Role.CO_OWNER, Answer.PENDING, null, null)));
        invited.forEach(team -> parties.put(team, new Party(team, Role.INVITED, Answer.PENDING, null, null)));
        Negotiation negotiation = new Negotiation(
                UUID.randomUUID(),
                organizationId,
                goalId,
                proposingTeamId,
                terms.personId(),
                now,
                Status.OPEN,
                null,
                -1,
                parties,
                new ArrayList<>(),
                new ArrayList<>());
        negotiation.requireContributions(terms);
        negotiation.rounds.add(terms);
        negotiation.steps.add(new Step(StepKind.PROPOSED, proposingTeamId, terms.personId(), 1, null, now));
        return negotiation;
    }

    int round() {
        return rounds.size();
    }

    Terms terms() {
        return rounds.get(rounds.size() - 1);
    }

    boolean isNew() {
        return version < 0;
    }

    /** The teams still in: every team but those that declined. */
    List<UUID> teamsIn() {
        return parties.values().stream()
                .filter(party -> party.answer != Answer.DECLINED)
                .map(party -> party.teamId)
                .toList();
    }

    /** The team accepts the terms of {@code round}, which must be the latest. */
    boolean accept(UUID teamId, int round, UUID by, Instant now) {
        Party party = activeParty(teamId);
        if (round != round()) {
            throw new ConflictException("The terms changed while you looked: round " + round()
                    + " is the latest. Read the new terms and accept those if they suit your team.");
        }
        if (party.answer == Answer.ACCEPTED && Objects.equals(party.acceptedRound, round)) {
            throw new ConflictException("Your team has already accepted these terms.");
        }
        party.answer = Answer.ACCEPTED;
        party.acceptedRound = round;
        steps.add(new Step(StepKind.ACCEPTED, teamId, by, round, null, now));
        return agreeIfAllAccepted(by, now);
    }

    /** The team proposes changed terms: a new round that every other team is asked to accept. */
    void counter(UUID teamId, Terms terms, Instant now) {
        Party party = activeParty(teamId);
        requireContributions(terms);
        if (terms.sameAs(terms())) {
            throw new RuleViolationException(
                    "SAME_TERMS",
                    "title",
                    "These are the terms already on the table: change something, or accept them as they are.");
        }
        rounds.add(terms);
        parties.values().stream()
                .filter(other -> other.answer != Answer.DECLINED)
                .forEach(other -> {
                    other.answer = Answer.PENDING;
                    other.acceptedRound = null;
                });
        party.answer = Answer.ACCEPTED;
        party.acceptedRound = round();
        steps.add(new Step(StepKind.COUNTERED, teamId, terms.personId(), round(), terms.note(), now));
    }

    /** The team declines with a reason; returns whether the goal is now agreed by the rest. */
    boolean decline(UUID teamId, String reason, UUID by, Instant now) {
        Party party = activeParty(teamId);
        if (party.role == Role.PROPOSER) {
            throw new RuleViolationException(
                    "PROPOSER_WITHDRAWS",
                    "teamId",
                    "The proposing team withdraws its proposal rather than declining it.");
        }
        party.answer = Answer.DECLINED;
        party.acceptedRound = null;
        party.reason = reason;
        steps.add(new Step(StepKind.DECLINED, teamId, by, round(), reason, now));
        if (party.role == Role.CO_OWNER
                || parties.values().stream()
                        .noneMatch(other -> other.role != Role.PROPOSER && other.answer != Answer.DECLINED)) {
            close(Status.DECLINED, now);
            return false;
        }
        return agreeIfAllAccepted(by, now);
    }

    /** The proposing team withdraws the proposal. */
    void withdraw(UUID teamId, String reason, UUID by, Instant now) {
        Party party = activeParty(teamId);
        if (party.role != Role.PROPOSER) {
            throw new ForbiddenException("Only the proposing team can withdraw the proposal; decline it instead.");
        }
        steps.add(new Step(StepKind.WITHDREW, teamId, by, round(), reason, now));
        close(Status.WITHDRAWN, now);
    }

    private boolean agreeIfAllAccepted(UUID by, Instant now) {
        boolean all = parties.values().stream()
                .filter(party -> party.answer != Answer.DECLINED)
                .allMatch(party -> party.answer == Answer.ACCEPTED && Objects.equals(party.acceptedRound, round()));
        if (all) {
            steps.add(new Step(StepKind.AGREED, proposingTeamId, by, round(), null, now));
            close(Status.AGREED, now);
        }
        return all;
    }

    private void close(Status to, Instant now) {
        status = to;
        closedAt = now;
    }

    private Party activeParty(UUID teamId) {
        if (status != Status.OPEN) {
            throw new ConflictException(
                    "This proposal is " + status.name().toLowerCase() + ": nothing more can change.");
        }
        Party party = parties.get(teamId);
        if (party == null) {
            throw new ForbiddenException("Your team is not part of this proposal.");
        }
        if (party.answer == Answer.DECLINED) {
            throw new ConflictException("Your team has declined this proposal.");
        }
        return party;
    }

    /** Every team still in must say what it contributes, and no other team may be named. */
    private void requireContributions(Terms terms) {
        List<UUID> in = teamsIn();
        for (UUID team : in) {
            String contribution = terms.contributions().get(team);
            if (contribution == null || contribution.isBlank()) {
                throw new RuleViolationException(
                        "CONTRIBUTION_MISSING",
                        "contributions",
                        "Say what each team contributes: one is missing for a team in this proposal.");
            }
        }
        if (!in.containsAll(terms.contributions().keySet())) {
            throw new RuleViolationException(
                    "UNKNOWN_TEAM", "contributions", "A contribution names a team that is not part of this proposal.");
        }
    }
}
