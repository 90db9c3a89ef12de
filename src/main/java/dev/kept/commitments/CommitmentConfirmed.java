package dev.kept.commitments;

import java.util.UUID;

/** Published when the other side confirms or disputes the owner's assessment; carries no text. */
public record CommitmentConfirmed(
        UUID organizationId, UUID commitmentId, UUID ownerId, String confirmedByName, boolean agreed) {}
