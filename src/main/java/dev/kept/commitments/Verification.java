package dev.kept.commitments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The owner's assessment that closes a commitment, with what they learned. */
public record Verification(
        @NotNull Outcome outcome,
        @NotBlank @Size(max = 4000) String reflection) {}
