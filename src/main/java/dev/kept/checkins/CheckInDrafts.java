package dev.kept.checkins;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** What a partner writes at a check-in. */
public final class CheckInDrafts {

    private CheckInDrafts() {}

    /** A note; {@code private} keeps it to its author. */
    public record Note(
            @NotBlank @Size(max = 4000) String text,
            @NotNull @JsonProperty("private") Boolean isPrivate) {}

    /** A next step: what, who of the two does it, and by when. */
    public record NextStep(
            @NotBlank @Size(max = 500) String text,
            @NotNull UUID ownerId,
            @NotNull LocalDate due) {}
}
