package dev.kept.commitments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a list of commitments is narrowed to: one owner, a state, the goals they serve, a range of
 * due dates (both ends included). A null or empty part narrows nothing.
 */
public record CommitmentSearch(
        UUID owner, CommitmentFilter status, List<UUID> goals, LocalDate dueAfter, LocalDate dueBefore) {

    public CommitmentSearch {
        goals = goals == null ? List.of() : List.copyOf(goals);
    }

    /** Every commitment the caller may see. */
    public static CommitmentSearch all() {
        return new CommitmentSearch(null, null, List.of(), null, null);
    }

    /** The commitments of one owner in one state (null: any). */
    public static CommitmentSearch ownedBy(UUID owner, CommitmentFilter status) {
        return new CommitmentSearch(owner, status, List.of(), null, null);
    }

    boolean mayBeOpen() {
        return status != CommitmentFilter.CLOSED;
    }

    boolean mayBeClosed() {
        return status == null || status == CommitmentFilter.CLOSED;
    }

    /** Appends this search's conditions on the commitment {@code c}, with {@code and}, and their parameters. */
    void appendTo(StringBuilder where, Map<String, Object> parameters, LocalDate today, Instant now) {
        if (owner != null) {
            where.append(" and c.owner_id = :owner");
            parameters.put("owner", owner);
        }
        if (!goals.isEmpty()) {
            where.append(" and c.goal_id in (:goals)");
            parameters.put("goals", goals);
        }
        if (dueAfter != null) {
            where.append(" and c.due >= :dueAfter");
            parameters.put("dueAfter", dueAfter);
        }
        if (dueBefore != null) {
            where.append(" and c.due <= :dueBefore");
            parameters.put("dueBefore", dueBefore);
        }
        if (status == CommitmentFilter.AT_RISK) {
            where.append(" and ").append(CommitmentQueries.AT_RISK);
            parameters.putAll(CommitmentQueries.atRiskParameters(today, now));
        } else if (status == CommitmentFilter.OVERDUE) {
            where.append(" and c.due < :today");
            parameters.put("today", today);
        }
    }
}
