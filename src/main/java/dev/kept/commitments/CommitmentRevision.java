package dev.kept.commitments;

import dev.kept.security.Visibility;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An edit of a commitment, made against the version the editor saw. A null field stays as it is;
 * an empty {@code why} clears it. An empty {@code sharedWith} shares with all partnerships.
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
        @Size(max = 50) List<UUID> sharedWith) {}
