package dev.kept.commitments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A challenge and its answers, as its author or the commitment's owner sees them. */
public record ChallengeView(
        UUID id,
        UUID commitmentId,
        UUID authorId,
        String authorName,
        ChallengeKind kind,
        String message,
        Boolean helpful,
        Instant createdAt,
        List<AnswerView> answers) {

    /** One answer of the owner. */
    public record AnswerView(UUID authorId, String authorName, String message, Instant at) {}
}
