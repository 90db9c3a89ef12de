package dev.kept.matching;

/**
 * How much each kind of fit counts towards the compatibility of two people. Every weight is
 * non-negative, so a compatibility score is never negative.
 *
 * @param growthMetByStrength for each topic one side wants to grow in and the other is strong in,
 *     counted in both directions
 * @param mutualRespect when both named each other as people they respect
 * @param otherTeam when the program prefers another team and the two are in different teams
 * @param regionPreference when the two meet the program's region preference
 * @param levelCloseness for peers at the same level, shrinking as the gap grows
 * @param workingHoursOverlap for fully overlapping working hours, in proportion to the overlap
 * @param sameCadence when both prefer to meet equally often
 */
public record Weights(
        double growthMetByStrength,
        double mutualRespect,
        double otherTeam,
        double regionPreference,
        double levelCloseness,
        double workingHoursOverlap,
        double sameCadence) {

    public Weights {
        for (double weight : new double[] {
            growthMetByStrength,
            mutualRespect,
            otherTeam,
            regionPreference,
            levelCloseness,
            workingHoursOverlap,
            sameCadence
        }) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weights must be finite and non-negative");
            }
        }
    }

    /**
     * Growth met by strength counts most, since it is what the partner brings; a shared working
     * day matters next, since partners who cannot meet do not keep each other accountable.
     */
    public static Weights defaults() {
        return new Weights(3.0, 2.0, 1.0, 0.5, 1.0, 2.0, 0.5);
    }
}
