package dev.kept.commitments;

import java.util.UUID;

/** Published when the other side accepts or declines the owner's renegotiation; carries no text. */
public record RenegotiationDecided(
        UUID organizationId, UUID commitmentId, UUID ownerId, String decidedByName, boolean accepted, int position) {}
