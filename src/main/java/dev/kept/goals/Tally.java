package dev.kept.goals;

/**
 * The commitments serving a goal (or a set of goals), counted: those the viewer may see, by state,
 * and how many they may not see ({@code hidden}), counted as a whole and never by state. {@code
 * open} counts open commitments, {@code atRisk} and {@code overdue} the open ones that are at risk
 * or past their due date, {@code closed} the closed ones, of which {@code kept} were kept and
 * {@code notKept} were not.
 */
public record Tally(
        long visible, long open, long atRisk, long overdue, long closed, long kept, long notKept, long hidden) {

    public static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, 0, 0);

    public Tally plus(Tally other) {
        return new Tally(
                visible + other.visible,
                open + other.open,
                atRisk + other.atRisk,
                overdue + other.overdue,
                closed + other.closed,
                kept + other.kept,
                notKept + other.notKept,
                hidden + other.hidden);
    }

    /** Every commitment counted, seen or not. */
    public long all() {
        return visible + hidden;
    }
}
