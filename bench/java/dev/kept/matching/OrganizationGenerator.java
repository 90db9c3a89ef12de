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
 * Generates realistic organizations for the matching engine's tests and benchmark, from a seed, so
 * the same seed always gives the same organization.
 *
 * <ul>
 *   <li>A reporting tree with spans of control of 3 to 10, filled level by level, so depth grows
 *       with the logarithm of the size, as in a real company.
 *   <li>Teams: each manager leads a team of their direct reports.
 *   <li>Regions with their time zones; a subtree mostly stays in its manager's region.
 *   <li>Levels that fall with depth, with some noise; one person in ten has none.
 *   <li>Strengths and growth areas from a vocabulary of 40 topics, some far more common than
 *       others (topic {@code t} is drawn with weight {@code 1/(t+1)}).
 *   <li>Respect nominations, mostly of people nearby in the tree, some returned; competitor
 *       declarations between peers at the same level; earlier partnerships.
 * </ul>
 */
public final class OrganizationGenerator {

    static final List<String> VOCABULARY = List.of(
            "postgres", "java", "public speaking", "hiring", "estimation", "writing", "security", "design",
            "negotiation", "testing", "coaching", "budgeting", "kubernetes", "data analysis", "product sense",
            "user research", "accessibility", "performance", "incident response", "architecture", "mentoring",
            "facilitation", "roadmapping", "pricing", "sales", "customer success", "legal basics", "statistics",
            "machine learning", "frontend", "mobile", "networking", "observability", "documentation",
            "time management", "delegation", "feedback", "storytelling", "strategy", "change management");

    private static final Map<String, List<String>> ZONES_BY_REGION = Map.of(
            "Europe", List.of("Europe/London", "Europe/Berlin", "Europe/Helsinki"),
            "Americas", List.of("America/New_York", "America/Chicago", "America/Los_Angeles", "America/Sao_Paulo"),
            "Asia Pacific", List.of("Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney"));
    private static final List<String> REGIONS = List.of("Europe", "Americas", "Asia Pacific");
    private static final List<String> NAMES =
            List.of("Ada", "Ben", "Chen", "Dana", "Emeka", "Femi", "Grace", "Hiro", "Ines", "Jon", "Kai", "Lea");
    private static final double[] TOPIC_WEIGHTS = topicWeights();

    private OrganizationGenerator() {}

    public static Organization generate(long seed, int size) {
        Random random = new Random(seed);
        UUID[] ids = new UUID[size];
        int[] managers = new int[size];
        UUID[] teams = new UUID[size];
        String[] regions = new String[size];
        int[] depths = new int[size];
        Map<UUID, UUID> managerOf = new HashMap<>();
        List<List<Integer>> reports = new ArrayList<>();
        int manager = 0;
        int span = 0;
        for (int i = 0; i < size; i++) {
            ids[i] = new UUID(seed, i);
            reports.add(new ArrayList<>());
            if (i == 0) {
                managers[i] = -1;
                teams[i] = new UUID(~seed, size);
                regions[i] = REGIONS.get(random.nextInt(REGIONS.size()));
                span = 3 + random.nextInt(8);
                continue;
            }
            // Managers take reports in the order they joined: the tree fills level by level.
            if (reports.get(manager).size() >= span) {
                manager++;
                span = 3 + random.nextInt(8);
            }
            managers[i] = manager;
            reports.get(manager).add(i);
            managerOf.put(ids[i], ids[manager]);
            depths[i] = depths[manager] + 1;
            teams[i] = new UUID(~seed, manager);
            regions[i] = random.nextDouble() < 0.85 ? regions[manager] : REGIONS.get(random.nextInt(REGIONS.size()));
        }

        List<Set<UUID>> respects = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            respects.add(new HashSet<>());
        }
        Map<UUID, Set<UUID>> competitorsDeclaredBy = new HashMap<>();
        for (int i = 0; i < size && size > 1; i++) {
            int nominations = random.nextInt(4);
            for (int n = 0; n < nominations; n++) {
                int other = random.nextDouble() < 0.7 ? nearby(i, managers, reports, random) : otherThan(i, size, random);
                if (other == i) {
                    continue;
                }
                respects.get(i).add(ids[other]);
                if (random.nextDouble() < 0.4) {
                    respects.get(other).add(ids[i]);
                }
            }
            if (random.nextDouble() < 0.1) {
                int declared = 1 + random.nextInt(2);
                for (int n = 0; n < declared; n++) {
                    int other = nearby(i, managers, reports, random);
                    if (other != i) {
                        competitorsDeclaredBy.computeIfAbsent(ids[i], id -> new HashSet<>()).add(ids[other]);
                    }
                }
            }
        }
        Set<Set<UUID>> previousPartners = new HashSet<>();
        for (int n = 0; n < size / 8 && size > 1; n++) {
            int a = random.nextInt(size);
            previousPartners.add(Set.of(ids[a], ids[otherThan(a, size, random)]));
        }

        List<Participant> participants = new ArrayList<>();
        Cadence[] cadences = Cadence.values();
        for (int i = 0; i < size; i++) {
            Set<String> strengths = topics(1 + random.nextInt(4), Set.of(), random);
            Set<String> growth = topics(1 + random.nextInt(3), strengths, random);
            Integer level = random.nextDouble() < 0.1 ? null : Math.max(1, 8 - depths[i] + random.nextInt(3) - 1);
            List<String> zones = ZONES_BY_REGION.get(regions[i]);
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

    // Someone in the same team, the manager's team or among the person's own reports.
    private static int nearby(int person, int[] managers, List<List<Integer>> reports, Random random) {
        List<Integer> close = new ArrayList<>(reports.get(person));
        if (managers[person] >= 0) {
            close.addAll(reports.get(managers[person]));
            close.add(managers[person]);
        }
        close.remove(Integer.valueOf(person));
        return close.isEmpty() ? person : close.get(random.nextInt(close.size()));
    }

    private static int otherThan(int person, int size, Random random) {
        int other = random.nextInt(size - 1);
        return other >= person ? other + 1 : other;
    }

    private static Set<String> topics(int count, Set<String> excluded, Random random) {
        Set<String> picked = new HashSet<>();
        while (picked.size() < count) {
            double draw = random.nextDouble() * TOPIC_WEIGHTS[TOPIC_WEIGHTS.length - 1];
            int topic = 0;
            while (TOPIC_WEIGHTS[topic] < draw) {
                topic++;
            }
            if (!excluded.contains(VOCABULARY.get(topic))) {
                picked.add(VOCABULARY.get(topic));
            }
        }
        return picked;
    }

    // Cumulative weights 1, 1/2, 1/3, ...: a few topics are common, most are rare.
    private static double[] topicWeights() {
        double[] cumulative = new double[VOCABULARY.size()];
        double sum = 0;
        for (int t = 0; t < cumulative.length; t++) {
            sum += 1.0 / (t + 1);
            cumulative[t] = sum;
        }
        return cumulative;
    }

    /** A generated organization and what only the caller of the engine knows about it. */
    public record Organization(
            List<Participant> participants,
            Map<UUID, UUID> managerOf,
            Map<UUID, Set<UUID>> competitorsDeclaredBy,
            Set<Set<UUID>> previousPartners) {

        public boolean inReportingLine(UUID a, UUID b) {
            return manages(a, b) || manages(b, a);
        }

        /** Whether {@code manager} is above {@code person} at any depth. */
        public boolean manages(UUID manager, UUID person) {
            for (UUID above = managerOf.get(person); above != null; above = managerOf.get(above)) {
                if (above.equals(manager)) {
                    return true;
                }
            }
            return false;
        }

        public boolean competitors(UUID a, UUID b) {
            return competitorsDeclaredBy.getOrDefault(a, Set.of()).contains(b)
                    || competitorsDeclaredBy.getOrDefault(b, Set.of()).contains(a);
        }

        public boolean previousPartners(UUID a, UUID b) {
            return previousPartners.contains(Set.of(a, b));
        }

        /** The rule the program layer would hand to the engine for a program with these rules. */
        public PairRule forbidden(ProgramRules rules) {
            PairRule always = (a, b) -> inReportingLine(a, b) || competitors(a, b);
            return PairRule.forProgram(rules, always, this::previousPartners);
        }

        public Participant participant(UUID id) {
            return participants.stream()
                    .filter(participant -> participant.id().equals(id))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
