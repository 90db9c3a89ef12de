package dev.kept.advice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A question for colleagues with other expertise, tagged with 1 to 5 areas of expertise. */
public record AdviceDraft(
        @NotBlank @Size(max = 300) String question,
        @Size(max = 4000) String details,
        @NotNull List<String> areas) {}
