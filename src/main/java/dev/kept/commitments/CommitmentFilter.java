package dev.kept.commitments;

/** The lists "my commitments" can show. */
public enum CommitmentFilter {
    OPEN,
    AT_RISK,
    OVERDUE,
    CLOSED
}
