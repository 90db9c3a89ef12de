package dev.kept.goals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A co-owned goal's negotiation as one of its teams' members sees it: the terms on the table (the
 * latest round), where each team stands, the whole history with each round's terms, and the teams
 * the viewer may act for ({@code actsFor}).
 */
public record NegotiationView(
        UUID id,
        UUID goalId,
        String status,
        int round,
        TeamRef proposingTeam,
        TermsView terms,
        List<TeamState> teams,
        List<TermsView> rounds,
        List<StepView> history,
        List<UUID> actsFor,
        Instant createdAt,
        Instant closedAt) {

    public record TeamRef(UUID id, String name) {}

    public record Contribution(UUID teamId, String teamName, String contribution) {}

    public record TermsView(
            int round,
            String title,
            String why,
            String doneWhen,
            LocalDate due,
            List<Contribution> contributions,
            TeamRef proposedBy,
            String note,
            Instant at) {

        /** What this team contributes under these terms, or an empty text. */
        public String contributionOf(UUID teamId) {
            return contributions.stream()
                    .filter(c -> c.teamId().equals(teamId))
                    .map(Contribution::contribution)
                    .findFirst()
                    .orElse("");
        }
    }

    public record TeamState(
            UUID teamId, String name, String role, String answer, Integer acceptedRound, String reason) {}

    public record StepView(
            String kind, TeamRef team, UUID personId, String personName, int round, String reason, Instant at) {}

    /** Where one team of the negotiation stands. */
    public TeamState team(UUID teamId) {
        return teams.stream().filter(t -> t.teamId().equals(teamId)).findFirst().orElseThrow();
    }

    /** Whether the viewer may act now for a team still in an open negotiation. */
    public boolean canAct() {
        return "OPEN".equals(status) && !actsFor.isEmpty();
    }

    /** Whether the viewer acts for the proposing team. */
    public boolean actsForProposer() {
        return actsFor.contains(proposingTeam.id());
    }
}
