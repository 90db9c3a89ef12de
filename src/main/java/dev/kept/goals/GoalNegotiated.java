package dev.kept.goals;

import java.util.Set;
import java.util.UUID;

/**
 * Published when a team takes a step in negotiating a co-owned goal: proposes it, counter-proposes,
 * accepts, declines or withdraws; {@code agreed} when that step made every team accept the same
 * terms. {@code tell} holds the leads and negotiators of the other teams in the negotiation.
 */
public record GoalNegotiated(
        UUID organizationId,
        UUID proposalId,
        UUID goalId,
        String goalTitle,
        String step,
        UUID teamId,
        String teamName,
        UUID personId,
        int round,
        boolean agreed,
        Set<UUID> tell) {}
