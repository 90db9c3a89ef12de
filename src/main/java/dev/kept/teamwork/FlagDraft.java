package dev.kept.teamwork;

import java.util.UUID;

/** A jeopardy flag as someone raises it; {@code help} is null when no help is offered with it. */
public record FlagDraft(TargetType targetType, UUID targetId, String noticed, String question, Help help) {

    /** Help offered with the flag: its kind and what exactly. */
    public record Help(HelpKind kind, String what) {}
}
