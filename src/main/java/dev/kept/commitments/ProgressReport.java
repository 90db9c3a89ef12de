package dev.kept.commitments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A progress update: how far (optional), how confident, a note, and optionally how much in control
 * the owner feels (1 to 5) and what they need.
 */
public record ProgressReport(
        @Min(0) @Max(100) Integer percent,
        @NotNull Confidence confidence,
        @Size(max = 2000) String note,
        @Min(1) @Max(5) Integer control,
        @Size(max = 1000) String needs) {

    public ProgressReport(Integer percent, Confidence confidence, String note) {
        this(percent, confidence, note, null, null);
    }
}
