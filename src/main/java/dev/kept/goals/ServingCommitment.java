package dev.kept.goals;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A commitment serving a goal, as a goal's list shows it (the commitment's own page has the rest):
 * {@code status} OPEN or CLOSED, {@code outcome} set once closed, {@code confidence} the owner's
 * latest, {@code atRisk} and {@code overdue} as on the commitment's page.
 */
public record ServingCommitment(
        UUID id,
        String what,
        UUID ownerId,
        String ownerName,
        UUID goalId,
        LocalDate due,
        String status,
        int percent,
        String confidence,
        String outcome,
        boolean atRisk,
        boolean overdue) {}
