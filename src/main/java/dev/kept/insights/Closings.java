package dev.kept.insights;

/**
 * What became of the commitments closed in a period. {@code closed} counts every one; {@code
 * dropped} those closed as dropped; {@code decided} the others (kept, partly kept, not kept). The
 * kept and on-time rates are out of the decided ones: a dropped commitment was let go, mostly by
 * agreement, and is neither kept nor broken. {@code onTime}: kept with the closing day (in the
 * owner's time zone) on or before the due date then in force. {@code renegotiated}: out of all
 * closed, those with at least one renegotiation the other side accepted; {@code
 * renegotiatedBeforeDue}: those with one accepted on or before the due date it changed.
 */
public record Closings(
        long closed,
        long dropped,
        long decided,
        Share kept,
        Share onTime,
        Share renegotiated,
        Share renegotiatedBeforeDue) {

    /** The counts behind the figures, as the database sums them. */
    record Counts(long closed, long dropped, long kept, long onTime, long renegotiated, long beforeDue) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(
                    closed + other.closed,
                    dropped + other.dropped,
                    kept + other.kept,
                    onTime + other.onTime,
                    renegotiated + other.renegotiated,
                    beforeDue + other.beforeDue);
        }
    }

    static Closings of(Counts counts) {
        long decided = counts.closed() - counts.dropped();
        return new Closings(
                counts.closed(),
                counts.dropped(),
                decided,
                Share.of(counts.kept(), decided),
                Share.of(counts.onTime(), decided),
                Share.of(counts.renegotiated(), counts.closed()),
                Share.of(counts.beforeDue(), counts.closed()));
    }

    /** One calendar month's closings ({@code month} like 2026-03), by the month they were closed in. */
    public record Month(String month, Closings figures) {}
}
