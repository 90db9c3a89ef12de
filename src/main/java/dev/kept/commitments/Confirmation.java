package dev.kept.commitments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The other side's word on the owner's assessment; a dispute says why. */
public record Confirmation(
        @NotNull Boolean agree, @Size(max = 2000) String comment) {}
