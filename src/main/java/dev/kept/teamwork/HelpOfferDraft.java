package dev.kept.teamwork;

import java.util.UUID;

/**
 * An offer of help as someone makes it: to a person or a team (exactly one), what kind and what
 * exactly, and optionally the goal or commitment of theirs it is about.
 */
public record HelpOfferDraft(
        UUID toPersonId, UUID toTeamId, HelpKind kind, String what, TargetType targetType, UUID targetId) {}
