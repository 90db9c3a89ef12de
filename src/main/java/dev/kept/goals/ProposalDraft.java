package dev.kept.goals;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A proposal to co-own a goal: the teams invited, the terms (each left out keeps the goal's own),
 * and what each team contributes, keyed by team id (the proposing team's included). {@code teamId}
 * is the team the caller proposes for: the goal's team by default.
 */
public record ProposalDraft(
        UUID teamId,
        @NotEmpty @Size(max = ProposalDraft.MOST_INVITED) List<@NotNull UUID> invitedTeamIds,
        @Size(min = 1, max = 200) String title,
        @Size(min = 1, max = 2000) String why,
        @Size(min = 1, max = 1000) String doneWhen,
        LocalDate due,
        @NotNull Map<UUID, @NotNull @Size(max = 1000) String> contributions,
        @Size(max = 1000) String note) {

    /** How many teams one proposal asks at most. */
    public static final int MOST_INVITED = 10;
}
