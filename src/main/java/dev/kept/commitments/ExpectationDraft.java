package dev.kept.commitments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What one person asks of a member ({@code toPersonId}) or a team ({@code toTeamId}), and the goal
 * it serves, if any.
 */
public record ExpectationDraft(
        UUID toPersonId,
        UUID toTeamId,
        @NotBlank @Size(max = 500) String what,
        @NotBlank @Size(max = 1000) String doneWhen,
        @NotNull LocalDate due,
        @Size(max = 2000) String why,
        UUID goalId) {

    public ExpectationDraft(UUID toPersonId, UUID toTeamId, String what, String doneWhen, LocalDate due, String why) {
        this(toPersonId, toTeamId, what, doneWhen, due, why, null);
    }
}
