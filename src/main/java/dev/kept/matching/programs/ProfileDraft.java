package dev.kept.matching.programs;

import dev.kept.partnerships.Cadence;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * What a member opts in to a program with.
 *
 * @param strengths topics they can help others with, or null for the strengths of their profile
 * @param growthAreas topics they want to grow in
 * @param respects members of the organization they respect
 * @param competitors members they compete with: replaces their private competitor declarations,
 *     which nobody else ever sees; null leaves them as they are
 * @param timeZone where their working hours are, or null for their own time zone
 * @param preferredCadence how often they would like to meet, or null for no preference
 */
public record ProfileDraft(
        @Size(max = 10) List<String> strengths,
        @Size(max = 10) List<String> growthAreas,
        @Size(max = 50) List<@NotNull UUID> respects,
        @Size(max = 200) List<@NotNull UUID> competitors,
        @Size(max = 64) String timeZone,
        Cadence preferredCadence) {}
