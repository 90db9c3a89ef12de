package dev.kept.goals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Changed terms a team puts on the table, in full: title, why, done when, due, what each team still
 * in contributes, and a note saying why. {@code teamId} is the team the caller speaks for, needed
 * only when they act for more than one team in the negotiation.
 */
public record CounterDraft(
        UUID teamId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 2000) String why,
        @NotBlank @Size(max = 1000) String doneWhen,
        @NotNull LocalDate due,
        @NotNull Map<UUID, @NotNull @Size(max = 1000) String> contributions,
        @Size(max = 1000) String note) {}
