package dev.kept.insights;

import java.util.Locale;

/**
 * A {@link Proportion} as the API and the pages give it: the count ({@code yes} of {@code of}), the
 * rate (null for an empty group), its 95 % Wilson interval, and whether the group is large enough
 * ({@link Proportion#FEWEST_TO_SAY}) for the rate to be compared with another.
 */
public record Share(long yes, long of, Double rate, Double low, Double high, boolean enough) {

    public static Share of(Proportion proportion) {
        return new Share(
                proportion.yes(),
                proportion.of(),
                proportion.rate(),
                proportion.low(),
                proportion.high(),
                proportion.enough());
    }

    public static Share of(long yes, long of) {
        return of(new Proportion(yes, of));
    }

    public Proportion proportion() {
        return new Proportion(yes, of);
    }

    /** The rate as a whole percentage ("70 %"), or "–" for an empty group. */
    public String percent() {
        return rate == null ? "–" : whole(rate) + " %";
    }

    /** The interval as whole percentages ("48–85 %"), or "–" for an empty group. */
    public String interval() {
        return low == null ? "–" : whole(low) + "–" + whole(high) + " %";
    }

    private static String whole(double share) {
        return String.format(Locale.ROOT, "%d", Math.round(share * 100));
    }
}
