package dev.kept.commitments;

import java.util.UUID;

/** Published when progress is reported on a commitment. */
public record ProgressReported(
        UUID organizationId, UUID commitmentId, UUID authorId, int percent, Confidence confidence) {}
