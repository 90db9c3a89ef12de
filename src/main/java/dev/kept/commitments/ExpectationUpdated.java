package dev.kept.commitments;

import java.util.UUID;

/**
 * Published when an expectation is asked or answered, so that the other side hears of it: who
 * acted and what they did, never the terms. {@code step} tells one update from the next.
 */
public record ExpectationUpdated(
        UUID organizationId, UUID expectationId, UUID recipientId, String actorName, Step what, int step) {

    /** What happened. */
    public enum Step {
        ASKED,
        QUESTION,
        ANSWER,
        COUNTER,
        COUNTER_ACCEPTED,
        COUNTER_DECLINED,
        ACCEPTED,
        DECLINED,
        WITHDRAWN
    }
}
