package dev.kept.commitments;

/** How the owner judges the chance of keeping a commitment, given with each progress update. */
public enum Confidence {
    ON_TRACK,
    AT_RISK,
    OFF_TRACK
}
