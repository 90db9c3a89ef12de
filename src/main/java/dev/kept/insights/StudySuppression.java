package dev.kept.insights;

import dev.kept.insights.EffectStudy.Cell;
import dev.kept.insights.EffectStudyRows.Tally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Complementary suppression of the effect study: a cell of too few is hidden, and so are as many of
 * the smallest shown cells beside it as it takes for no subtraction to give it back.
 *
 * <p>A breakdown is a table: one row per cell (a month, a team, serving a goal or not), one column
 * for the whole cell ({@code *}) and one per group. Each row's groups add up to its whole, and each
 * column adds up to the period's figure of that column (the overall row: the groups' totals, and the
 * whole period). Along each of these sums the hidden parts must together be none, or count at least
 * {@value EffectStudy#FEWEST_COMMITMENTS} commitments of at least {@value EffectStudy#FEWEST_OWNERS}
 * owners; otherwise the smallest shown part is hidden too. A sum whose total is hidden but whose parts
 * are all shown gives the total back, so one part is hidden then. Hiding one figure can leave a gap
 * in another sum, so the sums are checked again until nothing changes.
 *
 * <p>A total is guarded as if it were known even when it is itself hidden: a total hidden only to
 * protect another can still be worked out from other figures. The period's whole ({@code *} of the
 * overall row) is never shown, but it is the sum of the two goal cells, so it counts as known.
 */
final class StudySuppression {

    /** The columns of a row: the whole cell first, then each group. */
    static final List<String> COLUMNS = List.of("*", EffectStudy.ALONE, EffectStudy.SHARED, EffectStudy.MET);

    private static final int WHOLE = 0;

    /** The groups of a row tie in the order of {@link #COLUMNS}; so does the SQL of the teams. */
    private static final Comparator<Slot> BY_POSITION = Comparator.comparingLong(slot -> slot.tally.commitments());

    /** The rows of a column tie by their place: a month's order, a team's rank as the SQL gives it. */
    private static final Comparator<Slot> BY_PLACE = BY_POSITION.thenComparingLong(slot -> slot.place);

    /** How the owners of several hidden figures count together. */
    enum Owners {
        /**
         * Each owner is in one figure only (teams: an owner has one team), so their owners add up
         * exactly.
         */
        SUMMED,
        /**
         * An owner may be in several figures (months, goal or not, the groups of a cell): the distinct
         * owners of the hidden figures together are not read, but they are at least as many as the
         * largest figure's owners, and that lower bound is what counts. Too low a count only hides more.
         */
        LARGEST
    }

    /** One figure: its tally, whether it is hidden, and its place among figures of as many commitments. */
    static final class Slot {

        private final Tally tally;
        private final long place;
        private boolean hidden;

        Slot(Tally tally, long place) {
            this(tally, place, Cell.belowThreshold(tally));
        }

        private Slot(Tally tally, long place, boolean hidden) {
            this.tally = tally;
            this.place = place;
            this.hidden = hidden;
        }

        /** Figures that are hidden and not shown anywhere, counted together (the teams not read). */
        static Slot hiddenOnly(Tally tally) {
            return new Slot(tally, Long.MAX_VALUE, true);
        }

        boolean hidden() {
            return hidden;
        }

        Cell cell() {
            return Cell.of(tally, hidden);
        }
    }

    private StudySuppression() {}

    /** The slots of one row, by {@link #COLUMNS}, from its tallies by group ({@code *} for the whole). */
    static Slot[] row(Map<String, Tally> tallies, long place) {
        return COLUMNS.stream()
                .map(column -> new Slot(tallies.getOrDefault(column, Tally.NONE), place))
                .toArray(Slot[]::new);
    }

    /** Guards a row on its own: its groups against its whole. */
    static void guardRow(Slot[] row) {
        guard(groupsOf(row), row[WHOLE].hidden, Owners.LARGEST, BY_POSITION);
    }

    /**
     * Guards every row and every column of a table until nothing changes. {@code rest}, when not
     * null, holds the hidden figures of rows not in the table, by column; {@code totals} the row the
     * columns add up to.
     */
    static void guardTable(List<Slot[]> rows, Slot[] rest, Slot[] totals, Owners acrossRows) {
        boolean changed;
        do {
            changed = false;
            for (Slot[] row : rows) {
                changed |= guard(groupsOf(row), row[WHOLE].hidden, Owners.LARGEST, BY_POSITION);
            }
            for (int column = 0; column < COLUMNS.size(); column++) {
                List<Slot> parts = new ArrayList<>(rows.size() + 1);
                for (Slot[] row : rows) {
                    parts.add(row[column]);
                }
                if (rest != null) {
                    parts.add(rest[column]);
                }
                changed |= guard(parts, totals[column].hidden, acrossRows, BY_PLACE);
            }
        } while (changed);
    }

    /**
     * Guards each column of a table whose rows have no whole that is shown or can be worked out (the
     * matching programs: before and after the match) against the column's total, until nothing
     * changes. {@code rest}, when not null, holds the hidden figures of rows not in the table, by
     * column. Rows may overlap (one person matched by two programs counts in both): guarding them as
     * if they added up exactly only hides more.
     */
    static void guardColumns(List<Slot[]> rows, Slot[] rest, Slot[] totals, Owners acrossRows) {
        for (int column = 0; column < totals.length; column++) {
            List<Slot> parts = new ArrayList<>(rows.size() + 1);
            for (Slot[] row : rows) {
                parts.add(row[column]);
            }
            if (rest != null) {
                parts.add(rest[column]);
            }
            boolean hidOne;
            do {
                hidOne = guard(parts, totals[column].hidden, acrossRows, BY_PLACE);
            } while (hidOne);
        }
    }

    /**
     * Hides the smallest shown part when the hidden parts of a sum could be worked out and together
     * count too few, or when all parts are shown and the total is hidden. True when it hid one.
     */
    private static boolean guard(List<Slot> parts, boolean totalHidden, Owners owners, Comparator<Slot> smallest) {
        long commitments = 0;
        long owned = 0;
        Slot next = null;
        for (Slot part : parts) {
            if (part.hidden) {
                commitments += part.tally.commitments();
                owned = owners == Owners.SUMMED ? owned + part.tally.owners() : Math.max(owned, part.tally.owners());
            } else if (next == null || smallest.compare(part, next) < 0) {
                next = part;
            }
        }
        boolean givenAway = commitments == 0
                ? totalHidden
                : commitments < EffectStudy.FEWEST_COMMITMENTS || owned < EffectStudy.FEWEST_OWNERS;
        if (next == null || !givenAway) {
            return false;
        }
        next.hidden = true;
        return true;
    }

    private static List<Slot> groupsOf(Slot[] row) {
        return List.of(row).subList(1, COLUMNS.size());
    }
}
