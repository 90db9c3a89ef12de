package dev.kept.matching;

import dev.kept.partnerships.Cadence;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Generates organizations for matching tests from a seed: a reporting tree, teams that mostly
 * follow it, regions with their time zones, levels that fall with depth, strengths and growth areas
 * from a small vocabulary, respect nominations (some mutual), private competitor declarations and
 * previous partnerships.
 */
final class OrganizationGenerator {

    static final List<String> VOCABULARY = List.of(
            "postgres",
            "java",
            "public speaking",
            "hiring",
            "estimation",
            "writing",
            "security",
            "design",
            "negotiation",
            "testing",
            "coaching",
            "budgeting");

    private static final Map<String, List<String>> ZONES_BY_REGION = Map.of(
            "Europe", List.of("Europe/London", "Europe/Berlin", "Europe/Helsinki"),
            "Americas", List.of("America/New_York", "America/Chicago", "America/Los_Angeles", "America/Sao_Paulo"),
            "Asia Pacific", List.of("Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney"));
    private static final List<String> REGIONS = List.of("Europe", "Americas", "Asia Pacific");
    private static final List<String> NAMES =
            List.of("Ada", "Ben", "Chen", "Dana", "Emeka", "Femi", "Grace", "Hiro", "Ines", "Jon", "Kai", "Lea");

    private OrganizationGenerator() {}

    static Organization generate(long seed, int size) {
        Random random = new Random(seed);
        UUID[] ids = new UUID[size];
        UUID[] teams = new UUID[size];
        String[] regions = new String[size];
        int[] depths = new int[size];
        Map<UUID, UUID> managerOf = new HashMap<>();
        List<Set<UUID>> respects = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ids[i] = new UUID(seed, i);
            respects.add(new HashSet<>());
            if (i == 0) {
                teams[i] = new UUID(~seed, 0);
                regions[i] = REGIONS.get(random.nextInt(REGIONS.size()));
                continue;
            }
            int manager = random.nextInt(i);
            managerOf.put(ids[i], ids[manager]);
            depths[i] = depths[manager] + 1;
            teams[i] = random.nextDouble() < 0.7 ? teams[manager] : new UUID(~seed, i);
            regions[i] = random.nextDouble() < 0.8 ? regions[manager] : REGIONS.get(random.nextInt(REGIONS.size()));
        }

        Map<UUID, Set<UUID>> competitorsDeclaredBy = new HashMap<>();
        for (int i = 0; i < size && size > 1; i++) {
            int nominations = random.nextInt(4);
            for (int n = 0; n < nominations; n++) {
                int other = otherThan(i, size, random);
                respects.get(i).add(ids[other]);
                if (random.nextDouble() < 0.4) {
                    respects.get(other).add(ids[i]);
                }
            }
            if (random.nextDouble() < 0.15) {
                competitorsDeclaredBy
                        .computeIfAbsent(ids[i], id -> new HashSet<>())
                        .add(ids[otherThan(i, size, random)]);
            }
        }
        Set<Set<UUID>> previousPartners = new HashSet<>();
        for (int n = 0; n < size / 8 && size > 1; n++) {
            int a = random.nextInt(size);
            previousPartners.add(Set.of(ids[a], ids[otherThan(a, size, random)]));
        }

        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Set<String> strengths = pick(VOCABULARY, 1 + random.nextInt(3), Set.of(), random);
            Set<String> growth = pick(VOCABULARY, 1 + random.nextInt(3), strengths, random);
            Integer level = random.nextDouble() < 0.1 ? null : Math.max(1, 7 - depths[i] + random.nextInt(3) - 1);
            List<String> zones = ZONES_BY_REGION.get(regions[i]);
            Cadence[] cadences = Cadence.values();
            int cadence = random.nextInt(cadences.length + 1);
            participants.add(new Participant(
                    ids[i],
                    NAMES.get(i % NAMES.size()) + " " + i,
                    teams[i],
                    regions[i],
                    level,
                    strengths,
                    growth,
                    respects.get(i),
                    ZoneId.of(zones.get(random.nextInt(zones.size()))),
                    cadence == cadences.length ? null : cadences[cadence]));
        }
        return new Organization(participants, managerOf, competitorsDeclaredBy, previousPartners);
    }

    private static int otherThan(int person, int size, Random random) {
        int other = random.nextInt(size - 1);
        return other >= person ? other + 1 : other;
    }

    private static Set<String> pick(List<String> vocabulary, int count, Set<String> excluded, Random random) {
        List<String> available = new ArrayList<>(vocabulary);
        available.removeAll(excluded);
        Set<String> picked = new HashSet<>();
        while (picked.size() < count && !available.isEmpty()) {
            picked.add(available.remove(random.nextInt(available.size())));
        }
        return picked;
    }

    /** A generated organization and what only the caller of the engine knows about it. */
    record Organization(
            List<Participant> participants,
            Map<UUID, UUID> managerOf,
            Map<UUID, Set<UUID>> competitorsDeclaredBy,
            Set<Set<UUID>> previousPartners) {

        boolean inReportingLine(UUID a, UUID b) {
            return manages(a, b) || manages(b, a);
        }

        /** Whether {@code manager} is above {@code person} at any depth. */
        boolean manages(UUID manager, UUID person) {
            for (UUID above = managerOf.get(person); above != null; above = managerOf.get(above)) {
                if (above.equals(manager)) {
                    return true;
                }
            }
            return false;
        }

        boolean competitors(UUID a, UUID b) {
            return competitorsDeclaredBy.getOrDefault(a, Set.of()).contains(b)
                    || competitorsDeclaredBy.getOrDefault(b, Set.of()).contains(a);
        }

        boolean previousPartners(UUID a, UUID b) {
            return previousPartners.contains(Set.of(a, b));
        }

        /** The rule the program layer would hand to the engine for a program with these rules. */
        PairRule forbidden(ProgramRules rules) {
            PairRule always = (a, b) -> inReportingLine(a, b) || competitors(a, b);
            return PairRule.forProgram(rules, always, this::previousPartners);
        }

        Participant participant(UUID id) {
            return participants.stream()
                    .filter(participant -> participant.id().equals(id))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
