package dev.kept.commitments;

import dev.kept.security.Visibility;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * An edit of a commitment, made against the version the editor saw. A null field stays as it is;
 * an empty {@code why} clears it.
 */
public record CommitmentRevision(
        @NotNull Long version,

        @Size(max = 500) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String what,

        @Size(max = 1000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String doneWhen,

        LocalDate due,
        @Size(max = 2000) String why,
        Visibility visibility) {}
