package dev.kept.commitments;

/** How a commitment ended, as its owner assesses it. */
public enum Outcome {
    KEPT,
    PARTLY_KEPT,
    NOT_KEPT,
    DROPPED
}
