package dev.kept.pulse;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** One person's answer to a round: a score from 1 to 5 per question, in the questions' order, and an optional comment. */
public record AnswerDraft(
        @NotNull @Size(min = 1, max = 10) List<@NotNull @Min(1) @Max(5) Integer> scores,
        @Size(max = 1000) String comment) {}
