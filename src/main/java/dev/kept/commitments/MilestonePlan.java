package dev.kept.commitments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A milestone the owner plans: what, and by when. */
public record MilestonePlan(
        @NotBlank @Size(max = 200) String title, @NotNull LocalDate due) {}
