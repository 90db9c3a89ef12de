package dev.kept.commitments;

/** A commitment is open until its owner closes it with an outcome. */
public enum CommitmentStatus {
    OPEN,
    CLOSED
}
