package dev.kept.matching;

import dev.kept.partnerships.Cadence;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One person taking part in a matching program, with the profile they gave when opting in.
 *
 * <p>Private declarations (competitors) are deliberately absent: they reach the engine only as a
 * {@link PairRule}, so no reason shown to a pair can be built from them.
 *
 * @param id the person
 * @param displayName the name used in reasons shown to the pair
 * @param teamId the person's team, or {@code null} when they have none
 * @param region where the person works, or {@code null} when unknown
 * @param level the person's level, or {@code null} when the organization does not use levels
 * @param strengths topics the person can help others with
 * @param growthAreas topics the person wants to grow in
 * @param respects people this person named as people they respect
 * @param timeZone where the person's working hours are
 * @param preferredCadence how often they would like to meet, or {@code null} for no preference
 */
public record Participant(
        UUID id,
        String displayName,
        UUID teamId,
        String region,
        Integer level,
        Set<String> strengths,
        Set<String> growthAreas,
        Set<UUID> respects,
        ZoneId timeZone,
        Cadence preferredCadence) {

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(timeZone, "timeZone");
        strengths = Set.copyOf(strengths);
        growthAreas = Set.copyOf(growthAreas);
        respects = Set.copyOf(respects);
    }

    boolean respects(Participant other) {
        return respects.contains(other.id);
    }
}
