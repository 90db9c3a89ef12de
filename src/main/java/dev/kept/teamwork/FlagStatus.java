package dev.kept.teamwork;

/** A jeopardy flag is open until it is resolved (an owner or its raiser) or withdrawn (its raiser). */
public enum FlagStatus {
    OPEN,
    RESOLVED,
    WITHDRAWN
}
