package dev.kept.matching;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The compatibility of every pair in a program, fast enough to score all of them: each profile is
 * turned once into numbers (topics as bit sets, team, region, level and cadence as small integers,
 * the working day as a start time in UTC), so scoring two people is a few bit counts and
 * comparisons instead of set look-ups on strings.
 *
 * <p>The score is the same as {@link Compatibility#score} (tests compare the two on many pairs);
 * {@link Compatibility} stays the one that explains a pair, since only the chosen pairs need
 * reasons. This class also applies the program's own hard rules (another team required, the
 * largest level gap), which need nothing but the profile; the caller's private rule is checked by
 * whoever uses the score, only for the pairs it would keep.
 */
final class PairScores {

    private static final int NO_VALUE = Integer.MIN_VALUE;
    private static final int WORKDAY_SECONDS = 8 * 3600;
    private static final int DAY_SECONDS = 24 * 3600;

    private final int size;
    private final int words;
    private final long[] strengths;
    private final long[] growth;
    private final int[] team;
    private final int[] region;
    private final int[] level;
    private final int[] workdayStart;
    private final int[] cadence;
    private final long[] mutualRespect;

    private final double growthWeight;
    private final double respectWeight;
    private final double otherTeamWeight;
    private final double regionWeight;
    private final double[] levelClosenessByGap;
    private final double hoursWeight;
    private final double cadenceWeight;
    private final boolean otherTeamCounts;
    private final boolean otherTeamRequired;
    private final ProgramRules.RegionPreference regionRule;
    private final int largestLevelGap;

    PairScores(List<Participant> participants, Weights weights, ProgramRules rules, Instant offsetsAt) {
        size = participants.size();
        Map<String, Integer> topics = new HashMap<>();
        Map<Object, Integer> teams = new HashMap<>();
        Map<String, Integer> regions = new HashMap<>();
        for (Participant participant : participants) {
            participant.strengths().forEach(topic -> topics.putIfAbsent(topic, topics.size()));
            participant.growthAreas().forEach(topic -> topics.putIfAbsent(topic, topics.size()));
        }
        words = Math.max(1, (topics.size() + 63) / 64);
        strengths = new long[size * words];
        growth = new long[size * words];
        team = new int[size];
        region = new int[size];
        level = new int[size];
        workdayStart = new int[size];
        cadence = new int[size];
        Map<UUID, Integer> positions = new HashMap<>();
        int lowestLevel = Integer.MAX_VALUE;
        int highestLevel = Integer.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            Participant participant = participants.get(i);
            positions.put(participant.id(), i);
            for (String topic : participant.strengths()) {
                int bit = topics.get(topic);
                strengths[i * words + bit / 64] |= 1L << (bit % 64);
            }
            for (String topic : participant.growthAreas()) {
                int bit = topics.get(topic);
                growth[i * words + bit / 64] |= 1L << (bit % 64);
            }
            team[i] = participant.teamId() == null
                    ? NO_VALUE
                    : teams.computeIfAbsent(participant.teamId(), id -> teams.size());
            region[i] = participant.region() == null
                    ? NO_VALUE
                    : regions.computeIfAbsent(participant.region(), name -> regions.size());
            level[i] = participant.level() == null ? NO_VALUE : participant.level();
            if (participant.level() != null) {
                lowestLevel = Math.min(lowestLevel, participant.level());
                highestLevel = Math.max(highestLevel, participant.level());
            }
            ZoneOffset offset = participant.timeZone().getRules().getOffset(offsetsAt);
            workdayStart[i] = Math.floorMod(9 * 3600 - offset.getTotalSeconds(), DAY_SECONDS);
            cadence[i] = participant.preferredCadence() == null
                    ? NO_VALUE
                    : participant.preferredCadence().ordinal();
        }
        mutualRespect = mutualRespect(participants, positions);

        growthWeight = weights.growthMetByStrength();
        respectWeight = weights.mutualRespect();
        otherTeamWeight = weights.otherTeam();
        regionWeight = weights.regionPreference();
        hoursWeight = weights.workingHoursOverlap();
        cadenceWeight = weights.sameCadence();
        int widestGap = highestLevel < lowestLevel ? 0 : highestLevel - lowestLevel;
        levelClosenessByGap = new double[widestGap + 1];
        for (int gap = 0; gap <= widestGap; gap++) {
            levelClosenessByGap[gap] = weights.levelCloseness() / (1 + gap);
        }
        otherTeamCounts = otherTeamWeight > 0 && rules.team() != ProgramRules.TeamRule.NO_PREFERENCE;
        otherTeamRequired = rules.team() == ProgramRules.TeamRule.OTHER_TEAM_REQUIRED;
        regionRule = regionWeight > 0 ? rules.region() : ProgramRules.RegionPreference.NO_PREFERENCE;
        largestLevelGap = rules.largestLevelGap() == null ? Integer.MAX_VALUE : rules.largestLevelGap();
    }

    int size() {
        return size;
    }

    /** Whether the program's own rules allow the pair (the caller's rule is not checked here). */
    boolean allowedByProgram(int a, int b) {
        if (a == b) {
            return false;
        }
        if (otherTeamRequired && team[a] != NO_VALUE && team[a] == team[b]) {
            return false;
        }
        return level[a] == NO_VALUE || level[b] == NO_VALUE || Math.abs(level[a] - level[b]) <= largestLevelGap;
    }

    /** The compatibility of two people, as {@link Compatibility#score} gives it. */
    double score(int a, int b) {
        double score = scoreWithoutRespect(a, b);
        return respectWeight > 0 && respectEachOther(a, b) ? score + respectWeight : score;
    }

    /**
     * The compatibility without mutual respect, which only the few pairs in {@link
     * #mutualRespectPairs()} have: scanning every pair can skip the look-up.
     */
    double scoreWithoutRespect(int a, int b) {
        double score = 0;
        if (growthWeight > 0) {
            int met = 0;
            for (int w = 0; w < words; w++) {
                met += Long.bitCount(growth[a * words + w] & strengths[b * words + w]);
                met += Long.bitCount(growth[b * words + w] & strengths[a * words + w]);
            }
            score += met * growthWeight;
        }
        if (otherTeamCounts && team[a] != NO_VALUE && team[b] != NO_VALUE && team[a] != team[b]) {
            score += otherTeamWeight;
        }
        if (region[a] != NO_VALUE && region[b] != NO_VALUE) {
            if (regionRule == ProgramRules.RegionPreference.OTHER_REGION && region[a] != region[b]
                    || regionRule == ProgramRules.RegionPreference.SAME_REGION && region[a] == region[b]) {
                score += regionWeight;
            }
        }
        if (level[a] != NO_VALUE && level[b] != NO_VALUE) {
            score += levelClosenessByGap[Math.abs(level[a] - level[b])];
        }
        if (hoursWeight > 0) {
            int apart = Math.abs(workdayStart[a] - workdayStart[b]);
            int overlap = WORKDAY_SECONDS - Math.min(apart, DAY_SECONDS - apart);
            if (overlap > 0) {
                score += hoursWeight * overlap / WORKDAY_SECONDS;
            }
        }
        if (cadenceWeight > 0 && cadence[a] != NO_VALUE && cadence[a] == cadence[b]) {
            score += cadenceWeight;
        }
        return score;
    }

    boolean countsRespect() {
        return respectWeight > 0;
    }

    boolean respectEachOther(int a, int b) {
        return Arrays.binarySearch(mutualRespect, key(Math.min(a, b), Math.max(a, b))) >= 0;
    }

    /** The pairs who named each other, as positions {@code a < b}. */
    int[][] mutualRespectPairs() {
        int[][] pairs = new int[mutualRespect.length][];
        for (int p = 0; p < mutualRespect.length; p++) {
            pairs[p] = new int[] {(int) (mutualRespect[p] >>> 32), (int) mutualRespect[p]};
        }
        return pairs;
    }

    private static long[] mutualRespect(List<Participant> participants, Map<UUID, Integer> positions) {
        long[] keys = participants.stream()
                .flatMapToLong(participant -> {
                    int a = positions.get(participant.id());
                    return participant.respects().stream()
                            .map(positions::get)
                            .filter(b ->
                                    b != null && b > a && participants.get(b).respects(participant))
                            .mapToLong(b -> key(a, b));
                })
                .toArray();
        Arrays.sort(keys);
        return keys;
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | b;
    }
}
