package dev.kept.pulse;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A pulse as an admin sets it: its title, 1 to 10 questions (each answered 1–5), the 1 to
 * {@value Pulses#MOST_TEAMS} teams it goes to, its cadence, the fewest respondents a group needs
 * before anything of it shows ({@code minGroup}, at least {@value Pulses#FEWEST_GROUP}), and the day
 * its first round opens.
 */
public record PulseDraft(
        @NotBlank @Size(max = 120) String title,
        @NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 300) String> questions,
        @NotNull @Size(min = 1, max = Pulses.MOST_TEAMS) List<@NotNull UUID> teamIds,
        @NotNull Cadence cadence,
        @NotNull @Min(Pulses.FEWEST_GROUP) @Max(1000) Integer minGroup,
        @NotNull LocalDate startsOn) {}
