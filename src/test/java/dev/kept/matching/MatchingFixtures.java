package dev.kept.matching;

import dev.kept.partnerships.Cadence;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** Participants, rules and options for matching tests. */
final class MatchingFixtures {

    /** A winter day, so European and American offsets are their standard ones. */
    static final Instant WINTER = Instant.parse("2026-01-15T12:00:00Z");

    static final UUID TEAM_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID TEAM_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private MatchingFixtures() {}

    static Participant person(String name) {
        return new Participant(
                UUID.nameUUIDFromBytes(name.getBytes()),
                name,
                null,
                null,
                null,
                Set.of(),
                Set.of(),
                Set.of(),
                ZoneId.of("UTC"),
                null);
    }

    static Participant withStrengths(Participant p, String... strengths) {
        return new Participant(
                p.id(),
                p.displayName(),
                p.teamId(),
                p.region(),
                p.level(),
                Set.of(strengths),
                p.growthAreas(),
                p.respects(),
                p.timeZone(),
                p.preferredCadence());
    }

    static Participant growingIn(Participant p, String... growthAreas) {
        return new Participant(
                p.id(),
                p.displayName(),
                p.teamId(),
                p.region(),
                p.level(),
                p.strengths(),
                Set.of(growthAreas),
                p.respects(),
                p.timeZone(),
                p.preferredCadence());
    }

    static Participant respecting(Participant p, Participant... respected) {
        Set<UUID> ids =
                Set.copyOf(List.of(respected).stream().map(Participant::id).toList());
        return new Participant(
                p.id(),
                p.displayName(),
                p.teamId(),
                p.region(),
                p.level(),
                p.strengths(),
                p.growthAreas(),
                ids,
                p.timeZone(),
                p.preferredCadence());
    }

    static Participant inTeam(Participant p, UUID teamId) {
        return new Participant(
                p.id(),
                p.displayName(),
                teamId,
                p.region(),
                p.level(),
                p.strengths(),
                p.growthAreas(),
                p.respects(),
                p.timeZone(),
                p.preferredCadence());
    }

    static Participant inRegion(Participant p, String region) {
        return new Participant(
                p.id(),
                p.displayName(),
                p.teamId(),
                region,
                p.level(),
                p.strengths(),
                p.growthAreas(),
                p.respects(),
                p.timeZone(),
                p.preferredCadence());
    }

    static Participant atLevel(Participant p, Integer level) {
        return new Participant(
                p.id(),
                p.displayName(),
                p.teamId(),
                p.region(),
                level,
                p.strengths(),
                p.growthAreas(),
                p.respects(),
                p.timeZone(),
                p.preferredCadence());
    }

    static Participant inZone(Participant p, String zone) {
        return new Participant(
                p.id(),
                p.displayName(),
                p.teamId(),
                p.region(),
                p.level(),
                p.strengths(),
                p.growthAreas(),
                p.respects(),
                ZoneId.of(zone),
                p.preferredCadence());
    }

    static Participant preferring(Participant p, Cadence cadence) {
        return new Participant(
                p.id(),
                p.displayName(),
                p.teamId(),
                p.region(),
                p.level(),
                p.strengths(),
                p.growthAreas(),
                p.respects(),
                p.timeZone(),
                cadence);
    }

    /** Only the weight under test counts, so a score shows exactly one kind of fit. */
    static Weights only(String weight, double value) {
        double[] w = new double[7];
        int index = List.of("growth", "respect", "team", "region", "level", "hours", "cadence")
                .indexOf(weight);
        if (index < 0) {
            throw new IllegalArgumentException(weight);
        }
        w[index] = value;
        return new Weights(w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
    }

    /** Program rules that vary with the seed, so the loops cover every combination. */
    static ProgramRules rulesFor(long seed) {
        Random random = new Random(seed * 31 + 7);
        ProgramRules.TeamRule[] teamRules = ProgramRules.TeamRule.values();
        ProgramRules.RegionPreference[] regions = ProgramRules.RegionPreference.values();
        Integer[] gaps = {null, 1, 2, 3};
        return new ProgramRules(
                random.nextBoolean(),
                teamRules[random.nextInt(teamRules.length)],
                regions[random.nextInt(regions.length)],
                gaps[random.nextInt(gaps.length)]);
    }
}
