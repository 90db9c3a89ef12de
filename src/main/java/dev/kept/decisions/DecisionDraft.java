package dev.kept.decisions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A decision to record: what was decided, the options considered (1 to 10, each 1 to 500
 * characters), how it serves the whole organization beyond one area, and the teams it affects.
 */
public record DecisionDraft(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String decision,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 500) String> options,
        @NotBlank @Size(max = 4000) String servesOrganization,
        @NotEmpty List<@NotNull UUID> teamIds) {}
