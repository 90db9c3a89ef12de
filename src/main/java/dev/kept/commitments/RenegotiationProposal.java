package dev.kept.commitments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** New terms the owner proposes before the due date: a date, a definition of done, or both. */
public record RenegotiationProposal(
        @NotBlank @Size(max = 2000) String reason,
        LocalDate due,
        @Size(max = 1000) String doneWhen) {}
