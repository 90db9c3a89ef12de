package dev.kept.commitments;

/** What a partner's challenge is: a question, a push to do more, or a concern. */
public enum ChallengeKind {
    QUESTION,
    PUSH,
    CONCERN
}
