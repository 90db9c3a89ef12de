package dev.kept.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The organization's effect study: how often commitments closed in a period were kept, in three
 * disjoint groups (made alone; shared with a partner or made to someone, with fewer than two
 * check-ins held; shared with a partner and met at least twice while open), each compared with
 * the first, and the same by month of closing, by the owner's team, for commitments serving a goal
 * or not, and for the people matching programs matched, before and after their match, all together
 * and program by program. Only counts
 * and rates: never a commitment's text or owner, and a cell of fewer than {@value #FEWEST_COMMITMENTS}
 * commitments or {@value #FEWEST_OWNERS} owners shows "too few" instead of its numbers, as do the
 * cells hidden with it so that it cannot be worked out by subtraction ({@link StudySuppression}).
 * {@code countedAt} says when the figures were counted: a study is counted again at most every
 * {@link InsightProperties#studyFreshFor()}.
 */
public record EffectStudy(
        LocalDate from,
        LocalDate to,
        Rules rules,
        List<Group> groups,
        List<Breakdown> byMonth,
        TeamPage byTeam,
        List<Breakdown> byGoal,
        MatchingOutcome matching,
        Instant countedAt) {

    /** The same study, counted at {@code at}. */
    EffectStudy countedAt(Instant at) {
        return new EffectStudy(from, to, rules, groups, byMonth, byTeam, byGoal, matching, at);
    }

    /** The same study, its next page of teams at {@code next}. */
    EffectStudy withNextTeams(String next) {
        return new EffectStudy(
                from, to, rules, groups, byMonth, new TeamPage(byTeam.items(), next), byGoal, matching, countedAt);
    }

    /** A cell with fewer commitments than this shows no numbers. */
    public static final int FEWEST_COMMITMENTS = 5;

    /** A cell with commitments of fewer different owners than this shows no numbers. */
    public static final int FEWEST_OWNERS = 3;

    /** The study's definitions, in words, as the page and the API state them. */
    public record Rules(
            String groups, String keptRate, String fewest, String hiddenTogether, String comparison, String period) {

        static final Rules STATED = new Rules(
                "Three disjoint groups of the commitments closed in the period: ALONE, made alone (shared with no"
                        + " partner and made to no one); SHARED, shared with a partner or made to someone, with fewer"
                        + " than two check-ins held; MET, shared with a partner with at least two check-ins held by"
                        + " the partnerships it is shared with between its making and its closing. A commitment is"
                        + " in exactly one group.",
                "The kept rate is the share of closed commitments whose outcome is KEPT: partly kept, not kept"
                        + " and dropped ones all count as not kept (dropping a commitment is not keeping it).",
                "A cell with fewer than " + FEWEST_COMMITMENTS + " commitments, or with commitments of fewer than "
                        + FEWEST_OWNERS + " different owners, shows \"too few\" instead of its numbers, so that"
                        + " no one person's record can be read off.",
                "Figures that add up to a shown figure (the months, the teams on every page together, serving a"
                        + " goal or not, the three groups of a cell, and the matching programs' before and after"
                        + " against everyone matched, as if no one were matched by two programs) never give away a"
                        + " hidden one by subtraction:"
                        + " when the hidden figures among them together count fewer than " + FEWEST_COMMITMENTS
                        + " commitments or fewer than " + FEWEST_OWNERS + " different owners, the smallest shown"
                        + " ones are hidden too, until they do or all are hidden, and again wherever that hiding"
                        + " leaves a new gap. Where one owner may be in several of the hidden figures (months, goal or"
                        + " not, groups, programs), their owners together count as those of the hidden figure with the"
                        + " most;"
                        + " across teams, whose owners differ, they add up.",
                "Groups are compared only when each has at least " + Proportion.FEWEST_TO_SAY
                        + " commitments; intervals are 95 % Wilson score intervals.",
                "Commitments closed from the start of 'from' to the end of 'to' (UTC); months of closing in UTC;"
                        + " a team is the owner's current team.");
    }

    /**
     * The numbers of one cell: how many commitments were closed, how many kept, the kept rate and
     * its 95 % interval; all null when {@code tooFew}.
     */
    public record Cell(boolean tooFew, Long commitments, Long kept, Double rate, Double low, Double high) {

        static Cell of(EffectStudyRows.Tally tally) {
            return of(tally, belowThreshold(tally));
        }

        /** The cell's numbers, or none when {@code hidden}: too few itself, or hidden with another. */
        static Cell of(EffectStudyRows.Tally tally, boolean hidden) {
            if (hidden) {
                return new Cell(true, null, null, null, null, null);
            }
            Proportion kept = new Proportion(tally.kept(), tally.commitments());
            return new Cell(false, tally.commitments(), tally.kept(), kept.rate(), kept.low(), kept.high());
        }

        /** Whether a tally is too small to show by itself, whatever the figures around it. */
        static boolean belowThreshold(EffectStudyRows.Tally tally) {
            return tally.commitments() < FEWEST_COMMITMENTS || tally.owners() < FEWEST_OWNERS;
        }

        /** The kept share, or none when too few. */
        public Proportion proportion() {
            return tooFew ? Proportion.none() : new Proportion(kept, commitments);
        }

        /** How many times as often as {@code baseline} this cell's commitments were kept, when both say enough. */
        Double timesAsOftenAs(Cell baseline) {
            return tooFew || baseline.tooFew ? null : proportion().timesAsOftenAs(baseline.proportion());
        }
    }

    /** One of the three groups: its key (ALONE, SHARED, MET), its name, its numbers and its comparison. */
    public record Group(String group, String label, Cell cell, Double timesAsOftenAsAlone, String sentence) {}

    /** One cell of a breakdown (a month, a team, serving a goal or not): all its commitments, and each group's. */
    public record Breakdown(String key, String label, Cell all, Cell alone, Cell shared, Cell met) {}

    /** A page of teams, the largest first; {@code next} continues it (null at the end). */
    public record TeamPage(List<Breakdown> items, String next) {}

    /**
     * The people matching programs matched: how many, and their commitments closed in the period
     * before and after their first match (the day its last member accepted); then the same for each
     * program, by the first match in that program ({@code byProgram}, the most people matched first,
     * at most {@value OrganizationInsights#PROGRAMS_LISTED}), and how many programs are past those
     * and not listed ({@code programsNotListed}).
     */
    public record MatchingOutcome(
            long peopleMatched,
            Cell before,
            Cell after,
            Double timesAsOftenAsBefore,
            String sentence,
            List<ProgramOutcome> byProgram,
            long programsNotListed) {}

    /**
     * One matching program: the people it matched, and their commitments closed in the period before
     * and after their first match in this program. A person two programs matched counts in both.
     */
    public record ProgramOutcome(
            String programId, String name, long peopleMatched, Cell before, Cell after, Double timesAsOftenAsBefore) {}

    /** Names of the groups, as the page, the API and the CSV write them. */
    static final String ALONE = "ALONE";

    static final String SHARED = "SHARED";

    static final String MET = "MET";

    static String label(String group) {
        return switch (group) {
            case ALONE -> "Made alone";
            case SHARED -> "Shared or made to someone, fewer than 2 check-ins";
            case MET -> "Shared, 2 or more check-ins held";
            default -> "All";
        };
    }

    /** The group as the plain sentence names its commitments. */
    static String described(String group) {
        return switch (group) {
            case ALONE -> "commitments made alone";
            case SHARED -> "commitments shared with a partner or made to someone (with fewer than two check-ins held)";
            case MET -> "commitments shared with a partner who met them at least twice while they were open";
            default -> "commitments";
        };
    }

    /**
     * The plain sentence comparing a group with those made alone: "In your organization, commitments
     * shared ... were kept 1.6 × as often as those made alone (0.80 vs 0.50, 10 and 12
     * commitments)", or why it cannot say.
     */
    static String sentence(String group, Cell cell, Cell alone) {
        if (group.equals(ALONE)) {
            return cell.tooFew()
                    ? "Too few commitments made alone were closed in this period to say anything about them."
                    : String.format(
                            Locale.ENGLISH,
                            "In your organization, %s of the commitments made alone were kept (%s).",
                            rate(cell.rate()),
                            commitments(cell.commitments()));
        }
        String what = described(group);
        if (cell.tooFew()
                || alone.tooFew()
                || !cell.proportion().enough()
                || !alone.proportion().enough()) {
            return "Too few " + what + " or made alone were closed in this period to compare them: each group needs"
                    + " at least " + Proportion.FEWEST_TO_SAY + ".";
        }
        Double times = cell.timesAsOftenAs(alone);
        if (times == null) {
            return String.format(
                    Locale.ENGLISH,
                    "In your organization, %s were kept at a rate of %s, while none of those made alone was (%s and %s).",
                    what,
                    rate(cell.rate()),
                    number(cell.commitments()),
                    commitments(alone.commitments()));
        }
        return String.format(
                Locale.ENGLISH,
                "In your organization, %s were kept %s × as often as those made alone (%s vs %s, %s and %s).",
                what,
                times(times),
                rate(cell.rate()),
                rate(alone.rate()),
                number(cell.commitments()),
                commitments(alone.commitments()));
    }

    /** The sentence comparing matched people's commitments after their match with before it. */
    static String matchingSentence(long people, Cell before, Cell after) {
        if (people == 0) {
            return "No one has been matched by a matching program yet.";
        }
        if (before.tooFew()
                || after.tooFew()
                || !before.proportion().enough()
                || !after.proportion().enough()) {
            return "Too few commitments of the people matching programs matched were closed in this period, before"
                    + " or after their match, to compare them: each side needs at least " + Proportion.FEWEST_TO_SAY
                    + ".";
        }
        Double times = after.timesAsOftenAs(before);
        if (times == null) {
            return String.format(
                    Locale.ENGLISH,
                    "People matched by a program kept %s of their commitments after their match, and none before it"
                            + " (%s and %s).",
                    rate(after.rate()),
                    number(after.commitments()),
                    commitments(before.commitments()));
        }
        return String.format(
                Locale.ENGLISH,
                "People matched by a program kept their commitments %s × as often after their match as before it"
                        + " (%s vs %s, %s and %s).",
                times(times),
                rate(after.rate()),
                rate(before.rate()),
                number(after.commitments()),
                commitments(before.commitments()));
    }

    private static String rate(Double rate) {
        return String.format(Locale.ENGLISH, "%.2f", rate);
    }

    private static String times(double times) {
        return String.format(Locale.ENGLISH, "%.1f", times);
    }

    private static String number(long count) {
        return String.format(Locale.ENGLISH, "%,d", count);
    }

    private static String commitments(long count) {
        return number(count) + (count == 1 ? " commitment" : " commitments");
    }
}
