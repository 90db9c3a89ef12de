package dev.kept.commitments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The side asked proposes another date, another definition of done, or both, with a reason. */
public record CounterProposal(
        @NotBlank @Size(max = 2000) String reason,
        LocalDate due,
        @Size(max = 1000) String doneWhen) {}
