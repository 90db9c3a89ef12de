package dev.kept.teamwork;

/** An offer of help waits for an answer, then is accepted or declined, or withdrawn by the offerer. */
public enum HelpStatus {
    PENDING,
    ACCEPTED,
    DECLINED,
    WITHDRAWN
}
