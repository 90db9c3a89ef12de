package dev.kept.matching.programs;

import dev.kept.matching.ProgramRules;
import dev.kept.matching.ProgramRules.RegionPreference;
import dev.kept.matching.ProgramRules.TeamRule;
import dev.kept.matching.Weights;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A new matching program as an admin sets it up.
 *
 * @param name what members see
 * @param teamIds who may join: members of these teams only, or everyone in the organization when
 *     null or empty
 * @param optInUntil until when members may opt in, or null for no deadline
 * @param rules the program's rules; a missing field takes its default
 * @param weights how much each kind of fit counts, or null for the defaults; a missing one takes
 *     its default
 * @param coachIds members who coach people the runs leave unmatched
 */
public record ProgramDraft(
        @NotBlank @Size(max = 120) String name,
        @Size(max = ProgramDraft.MOST_TEAMS) List<@NotNull UUID> teamIds,
        Instant optInUntil,
        @NotNull @Valid RulesDraft rules,
        @Valid WeightsDraft weights,
        @Size(max = 50) List<@NotNull UUID> coachIds) {

    /** How many teams a program may be open to at most. */
    public static final int MOST_TEAMS = 100;

    public record RulesDraft(
            Boolean avoidPreviousPartners,
            TeamRule team,
            RegionPreference region,
            @PositiveOrZero @Max(100) Integer largestLevelGap) {

        ProgramRules toRules() {
            ProgramRules defaults = ProgramRules.defaults();
            return new ProgramRules(
                    avoidPreviousPartners == null ? defaults.avoidPreviousPartners() : avoidPreviousPartners,
                    team == null ? defaults.team() : team,
                    region == null ? defaults.region() : region,
                    largestLevelGap);
        }
    }

    /** Each weight from 0 to {@value #MOST}; NaN and infinities are refused. */
    public record WeightsDraft(
            Double growthMetByStrength,
            Double mutualRespect,
            Double otherTeam,
            Double regionPreference,
            Double levelCloseness,
            Double workingHoursOverlap,
            Double sameCadence) {

        static final double MOST = 100;

        @AssertTrue(message = "every weight must be a number from 0 to 100")
        public boolean isEachInRange() {
            for (Double weight : List.of(
                    orZero(growthMetByStrength),
                    orZero(mutualRespect),
                    orZero(otherTeam),
                    orZero(regionPreference),
                    orZero(levelCloseness),
                    orZero(workingHoursOverlap),
                    orZero(sameCadence))) {
                if (!(weight >= 0 && weight <= MOST)) {
                    return false;
                }
            }
            return true;
        }

        private static Double orZero(Double weight) {
            return weight == null ? 0.0 : weight;
        }

        Weights toWeights() {
            Weights defaults = Weights.defaults();
            return new Weights(
                    or(growthMetByStrength, defaults.growthMetByStrength()),
                    or(mutualRespect, defaults.mutualRespect()),
                    or(otherTeam, defaults.otherTeam()),
                    or(regionPreference, defaults.regionPreference()),
                    or(levelCloseness, defaults.levelCloseness()),
                    or(workingHoursOverlap, defaults.workingHoursOverlap()),
                    or(sameCadence, defaults.sameCadence()));
        }

        private static double or(Double weight, double fallback) {
            return weight == null ? fallback : weight;
        }
    }
}
