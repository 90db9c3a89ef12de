package dev.kept.commitments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A progress update: how far (optional), how confident, and a note. */
public record ProgressReport(
        @Min(0) @Max(100) Integer percent,
        @NotNull Confidence confidence,
        @Size(max = 2000) String note) {}
