package dev.kept.commitments;

/** Where an expectation stands: open while the two sides align, then accepted, declined or withdrawn. */
public enum ExpectationStatus {
    OPEN,
    ACCEPTED,
    DECLINED,
    WITHDRAWN
}
