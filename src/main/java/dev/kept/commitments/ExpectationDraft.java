package dev.kept.commitments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** What one person asks of a member ({@code toPersonId}) or a team ({@code toTeamId}). */
public record ExpectationDraft(
        UUID toPersonId,
        UUID toTeamId,
        @NotBlank @Size(max = 500) String what,
        @NotBlank @Size(max = 1000) String doneWhen,
        @NotNull LocalDate due,
        @Size(max = 2000) String why) {}
