package dev.kept.matching;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Scores how well two people would fit as partners under a program's weights and rules, and says
 * why in short sentences shown to both of them.
 *
 * <p>Only what both people may know goes into a reason: the profile each gave and facts about
 * teams, regions, levels and time zones. Respect counts only when it is mutual, so a one-sided
 * nomination changes neither the score nor the reasons. Competitors and other hard rules never
 * reach this class at all.
 */
public final class Compatibility {

    /** How many reasons a pair is shown: the strongest ones, so the explanation stays readable. */
    static final int MAIN_REASONS = 4;

    private static final LocalTime WORKDAY_START = LocalTime.of(9, 0);
    private static final LocalTime WORKDAY_END = LocalTime.of(17, 0);
    private static final long WORKDAY_SECONDS =
            Duration.between(WORKDAY_START, WORKDAY_END).toSeconds();
    private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

    private final Weights weights;
    private final ProgramRules rules;
    private final Instant offsetsAt;

    public Compatibility(Weights weights, ProgramRules rules, Instant offsetsAt) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.offsetsAt = Objects.requireNonNull(offsetsAt, "offsetsAt");
    }

    /** The compatibility of two people: zero or more, higher is a better fit. */
    public double score(Participant a, Participant b) {
        return evaluate(a, b, null);
    }

    /** The main reasons two people fit, strongest first, as sentences shown to both of them. */
    public List<String> reasons(Participant a, Participant b) {
        List<Reason> reasons = new ArrayList<>();
        evaluate(a, b, reasons);
        return reasons.stream()
                .sorted(Comparator.comparingDouble(Reason::contribution).reversed())
                .limit(MAIN_REASONS)
                .map(Reason::text)
                .toList();
    }

    /** Whole hours during which both people's 9-to-5 working days overlap. */
    public long workingHoursOverlap(Participant a, Participant b) {
        return overlapSeconds(a, b) / 3600;
    }

    // One pass serves both the score and the reasons, so the two can never disagree.
    private double evaluate(Participant a, Participant b, List<Reason> reasons) {
        double score = 0;
        score += growthMetByStrength(a, b, reasons);
        score += growthMetByStrength(b, a, reasons);
        if (weights.mutualRespect() > 0 && a.respects(b) && b.respects(a)) {
            score += add(reasons, weights.mutualRespect(), "You named each other as people you respect");
        }
        if (weights.otherTeam() > 0
                && rules.team() != ProgramRules.TeamRule.NO_PREFERENCE
                && a.teamId() != null
                && b.teamId() != null
                && !a.teamId().equals(b.teamId())) {
            score += add(reasons, weights.otherTeam(), "You work in different teams");
        }
        score += regionPreference(a, b, reasons);
        score += levelCloseness(a, b, reasons);
        score += workingHours(a, b, reasons);
        if (weights.sameCadence() > 0 && a.preferredCadence() != null && a.preferredCadence() == b.preferredCadence()) {
            score += add(
                    reasons,
                    weights.sameCadence(),
                    "You both prefer to meet " + a.preferredCadence().name().toLowerCase(Locale.ROOT));
        }
        return score;
    }

    private double growthMetByStrength(Participant grower, Participant helper, List<Reason> reasons) {
        if (weights.growthMetByStrength() == 0) {
            return 0;
        }
        double score = 0;
        // Sorted so the same pair always reads the same explanation.
        for (String topic : new TreeSet<>(grower.growthAreas())) {
            if (helper.strengths().contains(topic)) {
                score += add(
                        reasons,
                        weights.growthMetByStrength(),
                        "%s's strength in %s meets %s's wish to grow in it"
                                .formatted(helper.displayName(), topic, grower.displayName()));
            }
        }
        return score;
    }

    private double regionPreference(Participant a, Participant b, List<Reason> reasons) {
        if (weights.regionPreference() == 0 || a.region() == null || b.region() == null) {
            return 0;
        }
        boolean sameRegion = a.region().equals(b.region());
        return switch (rules.region()) {
            case OTHER_REGION ->
                sameRegion ? 0 : add(reasons, weights.regionPreference(), "You work in different regions");
            case SAME_REGION ->
                sameRegion ? add(reasons, weights.regionPreference(), "You work in the same region") : 0;
            case NO_PREFERENCE -> 0;
        };
    }

    private double levelCloseness(Participant a, Participant b, List<Reason> reasons) {
        if (weights.levelCloseness() == 0 || a.level() == null || b.level() == null) {
            return 0;
        }
        int gap = Math.abs(a.level() - b.level());
        double contribution = weights.levelCloseness() / (1 + gap);
        return switch (gap) {
            case 0 -> add(reasons, contribution, "You are peers at the same level");
            case 1 -> add(reasons, contribution, "Your levels are close");
            // Still counts a little towards the score, but is no reason worth showing.
            default -> contribution;
        };
    }

    private double workingHours(Participant a, Participant b, List<Reason> reasons) {
        if (weights.workingHoursOverlap() == 0) {
            return 0;
        }
        long overlap = overlapSeconds(a, b);
        if (overlap == 0) {
            return 0;
        }
        double contribution = weights.workingHoursOverlap() * overlap / WORKDAY_SECONDS;
        long hours = overlap / 3600;
        if (hours == 0) {
            return contribution;
        }
        return add(
                reasons,
                contribution,
                "Your working hours overlap by %d %s".formatted(hours, hours == 1 ? "hour" : "hours"));
    }

    private long overlapSeconds(Participant a, Participant b) {
        long startA = workdayStartUtc(a);
        long startB = workdayStartUtc(b);
        long best = 0;
        // Working days may straddle midnight UTC, so compare b's day shifted by a day either way.
        for (long shift = -DAY_SECONDS; shift <= DAY_SECONDS; shift += DAY_SECONDS) {
            long from = Math.max(startA, startB + shift);
            long to = Math.min(startA + WORKDAY_SECONDS, startB + shift + WORKDAY_SECONDS);
            best = Math.max(best, to - from);
        }
        return best;
    }

    private long workdayStartUtc(Participant participant) {
        ZoneOffset offset = participant.timeZone().getRules().getOffset(offsetsAt);
        return WORKDAY_START.toSecondOfDay() - offset.getTotalSeconds();
    }

    private static double add(List<Reason> reasons, double contribution, String text) {
        if (reasons != null) {
            reasons.add(new Reason(text, contribution));
        }
        return contribution;
    }

    private record Reason(String text, double contribution) {}
}
