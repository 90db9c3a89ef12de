package dev.kept.commitments;

import dev.kept.access.Visibility;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An edit of a commitment, made against the version the editor saw. A null field stays as it is;
 * an empty {@code why} clears it. An empty {@code sharedWith} shares with every partner the owner
 * has now (not with one who comes later); null keeps the current shares. A
 * {@code goalId} names another goal to serve; a commitment cannot be unlinked from its goal yet.
 */
public record CommitmentRevision(
        @NotNull Long version,

        @Size(max = 500) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String what,

        @Size(max = 1000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String doneWhen,

        LocalDate due,
        @Size(max = 2000) String why,
        Visibility visibility,

        @Schema(
                description = "With visibility PARTNERS, the partnerships to share it with; empty: all the"
                        + " partners you have now (sharing is decided when you share); left out: unchanged")
        @Size(max = 50)
        List<UUID> sharedWith,

        UUID goalId) {

    /** An edit that leaves the goal served as it is. */
    public CommitmentRevision(
            Long version,
            String what,
            String doneWhen,
            LocalDate due,
            String why,
            Visibility visibility,
            List<UUID> sharedWith) {
        this(version, what, doneWhen, due, why, visibility, sharedWith, null);
    }
}
