package dev.kept.insights;

/**
 * How many of a group of {@code of} did something ({@code yes}): a kept rate, an on-time rate. With
 * its 95 % confidence interval by Wilson's score method, which stays inside [0, 1] and says
 * something honest about small groups, and whether the group is too small to say anything at all.
 */
public record Proportion(long yes, long of) {

    /** The z value of a two-sided 95 % interval. */
    static final double Z95 = 1.959963984540054;

    /** Below this many, a rate is shown with its count but not compared: "too few to say". */
    public static final int FEWEST_TO_SAY = 10;

    public Proportion {
        if (of < 0 || yes < 0 || yes > of) {
            throw new IllegalArgumentException("a proportion counts 0 <= yes <= of, not " + yes + " of " + of);
        }
    }

    public static Proportion none() {
        return new Proportion(0, 0);
    }

    /** The share, or null when the group is empty. */
    public Double rate() {
        return of == 0 ? null : (double) yes / of;
    }

    /** Whether the group is large enough for its rate to be compared with another's. */
    public boolean enough() {
        return of >= FEWEST_TO_SAY;
    }

    /** The lower end of the 95 % Wilson score interval, or null when the group is empty. */
    public Double low() {
        if (of == 0) {
            return null;
        }
        // exactly 0 when none did, where rounding would leave a trace of 1e-17
        return yes == 0 ? 0.0 : wilson(-1);
    }

    /** The upper end of the 95 % Wilson score interval, or null when the group is empty. */
    public Double high() {
        if (of == 0) {
            return null;
        }
        return yes == of ? 1.0 : wilson(1);
    }

    private double wilson(int side) {
        double n = of;
        double p = yes / n;
        double z2 = Z95 * Z95;
        double centre = p + z2 / (2 * n);
        double spread = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double bound = (centre + side * spread) / (1 + z2 / n);
        return Math.min(1, Math.max(0, bound));
    }

    /**
     * This rate divided by {@code baseline}'s ("1.4 × as often"), or null when either group is too
     * small to say anything or the baseline's rate is 0.
     */
    public Double timesAsOftenAs(Proportion baseline) {
        if (!enough() || !baseline.enough() || baseline.yes == 0) {
            return null;
        }
        return rate() / baseline.rate();
    }

    /** This and another group counted together. */
    public Proportion plus(Proportion other) {
        return new Proportion(yes + other.yes, of + other.of);
    }
}
