package dev.kept.commitments;

import dev.kept.access.Visibility;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A new commitment as its owner writes it. With visibility {@code PARTNERS}, {@code sharedWith}
 * names the partnerships to share it with; left out, it is shared with every partner the owner has
 * now, and a partner who comes later sees it only once the owner shares it with them. {@code
 * goalId} names the goal it serves, if any.
 */
public record CommitmentDraft(
        @NotBlank @Size(max = 500) String what,
        @NotBlank @Size(max = 1000) String doneWhen,
        @NotNull LocalDate due,
        @Size(max = 2000) String why,
        @NotNull Visibility visibility,
        @Schema(description = SHARED_WITH) @Size(max = 50) List<UUID> sharedWith,
        UUID goalId) {

    static final String SHARED_WITH = "With visibility PARTNERS, the partnerships to share it with. Left out or"
            + " empty: all the partners you have now. Sharing is decided when you share: a partner who comes later"
            + " sees it only once you share it with them (POST /api/v1/partnerships/{id}/shares).";

    /** A commitment that serves no goal. */
    public CommitmentDraft(
            String what, String doneWhen, LocalDate due, String why, Visibility visibility, List<UUID> sharedWith) {
        this(what, doneWhen, due, why, visibility, sharedWith, null);
    }
}
