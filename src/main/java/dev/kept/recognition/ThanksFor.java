package dev.kept.recognition;

/** What a thanks may be for: a goal or a commitment the recipient helped with. */
public enum ThanksFor {
    GOAL,
    COMMITMENT
}
