package dev.kept.matching;

import static dev.kept.matching.MatchingFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.partnerships.Cadence;
import org.junit.jupiter.api.Test;

class CompatibilityTests {

    private final ProgramRules rules = ProgramRules.defaults();
    private final Compatibility defaults = new Compatibility(Weights.defaults(), rules, WINTER);

    @Test
    void explainsGrowthMetByStrengthNamingBothPeople() {
        Participant ada = withStrengths(person("Ada"), "postgres");
        Participant ben = growingIn(person("Ben"), "postgres");

        assertThat(defaults.reasons(ada, ben)).contains("Ada's strength in postgres meets Ben's wish to grow in it");
        assertThat(defaults.reasons(ben, ada)).contains("Ada's strength in postgres meets Ben's wish to grow in it");
    }

    @Test
    void countsGrowthMetByStrengthBothWays() {
        Compatibility growthOnly = new Compatibility(only("growth", 3), rules, WINTER);
        Participant ada = growingIn(withStrengths(person("Ada"), "postgres"), "hiring");
        Participant ben = growingIn(person("Ben"), "postgres");
        Participant benWhoHires = withStrengths(ben, "hiring");

        assertThat(growthOnly.score(ada, ben)).isEqualTo(3);
        assertThat(growthOnly.score(ada, benWhoHires)).isEqualTo(6);
        assertThat(growthOnly.reasons(ada, benWhoHires))
                .containsExactlyInAnyOrder(
                        "Ada's strength in postgres meets Ben's wish to grow in it",
                        "Ben's strength in hiring meets Ada's wish to grow in it");
    }

    @Test
    void mutualRespectCountsAndIsExplained() {
        Participant ada = person("Ada");
        Participant ben = person("Ben");
        Participant adaRespectingBen = respecting(ada, ben);
        Participant benRespectingAda = respecting(ben, ada);
        Compatibility respectOnly = new Compatibility(only("respect", 2), rules, WINTER);

        assertThat(respectOnly.score(adaRespectingBen, benRespectingAda)).isEqualTo(2);
        assertThat(respectOnly.reasons(adaRespectingBen, benRespectingAda))
                .containsExactly("You named each other as people you respect");
    }

    @Test
    void oneSidedRespectChangesNeitherScoreNorReasons() {
        Participant ada = withStrengths(person("Ada"), "postgres");
        Participant ben = growingIn(person("Ben"), "postgres");
        Participant adaRespectingBen = respecting(ada, ben);

        assertThat(defaults.score(adaRespectingBen, ben)).isEqualTo(defaults.score(ada, ben));
        assertThat(defaults.reasons(adaRespectingBen, ben)).isEqualTo(defaults.reasons(ada, ben));
        assertThat(String.join(" ", defaults.reasons(adaRespectingBen, ben))).doesNotContainIgnoringCase("respect");
    }

    @Test
    void otherTeamCountsOnlyWhenTheProgramPrefersOrRequiresIt() {
        Participant ada = inTeam(person("Ada"), TEAM_A);
        Participant ben = inTeam(person("Ben"), TEAM_B);
        Participant benInTeamA = inTeam(person("Ben"), TEAM_A);
        Compatibility preferred = new Compatibility(only("team", 1), rules, WINTER);
        Compatibility indifferent = new Compatibility(
                only("team", 1),
                new ProgramRules(
                        true, ProgramRules.TeamRule.NO_PREFERENCE, ProgramRules.RegionPreference.NO_PREFERENCE, null),
                WINTER);

        assertThat(preferred.reasons(ada, ben)).containsExactly("You work in different teams");
        assertThat(preferred.score(ada, ben)).isEqualTo(1);
        assertThat(preferred.score(ada, benInTeamA)).isZero();
        assertThat(indifferent.score(ada, ben)).isZero();
        assertThat(indifferent.reasons(ada, ben)).isEmpty();
    }

    @Test
    void regionFollowsTheProgramsPreference() {
        Participant ada = inRegion(person("Ada"), "Europe");
        Participant ben = inRegion(person("Ben"), "Americas");
        Participant chen = inRegion(person("Chen"), "Europe");
        Compatibility otherRegion = new Compatibility(only("region", 1), rules, WINTER);
        Compatibility sameRegion = new Compatibility(
                only("region", 1),
                new ProgramRules(
                        true, ProgramRules.TeamRule.NO_PREFERENCE, ProgramRules.RegionPreference.SAME_REGION, null),
                WINTER);

        assertThat(otherRegion.reasons(ada, ben)).containsExactly("You work in different regions");
        assertThat(otherRegion.score(ada, chen)).isZero();
        assertThat(sameRegion.reasons(ada, chen)).containsExactly("You work in the same region");
        assertThat(sameRegion.score(ada, ben)).isZero();
    }

    @Test
    void peersAtTheSameLevelFitBestAndTheFitShrinksWithTheGap() {
        Compatibility levelOnly = new Compatibility(only("level", 1), rules, WINTER);
        Participant ada = atLevel(person("Ada"), 3);

        assertThat(levelOnly.reasons(ada, atLevel(person("Ben"), 3)))
                .containsExactly("You are peers at the same level");
        assertThat(levelOnly.score(ada, atLevel(person("Ben"), 3)))
                .isGreaterThan(levelOnly.score(ada, atLevel(person("Ben"), 4)));
        assertThat(levelOnly.score(ada, atLevel(person("Ben"), 4)))
                .isGreaterThan(levelOnly.score(ada, atLevel(person("Ben"), 6)));
        assertThat(levelOnly.reasons(ada, atLevel(person("Ben"), 6))).isEmpty();
        assertThat(levelOnly.score(ada, person("Ben"))).isZero();
    }

    @Test
    void explainsHowManyWorkingHoursOverlap() {
        Compatibility hoursOnly = new Compatibility(only("hours", 2), rules, WINTER);
        Participant london = inZone(person("Ada"), "Europe/London");
        Participant berlin = inZone(person("Ben"), "Europe/Berlin");
        Participant losAngeles = inZone(person("Chen"), "America/Los_Angeles");
        Participant tokyo = inZone(person("Dana"), "Asia/Tokyo");

        assertThat(hoursOnly.reasons(london, berlin)).containsExactly("Your working hours overlap by 7 hours");
        assertThat(hoursOnly.score(london, berlin)).isEqualTo(2.0 * 7 / 8);
        assertThat(hoursOnly.score(london, london)).isEqualTo(2);
        assertThat(hoursOnly.score(berlin, losAngeles)).isZero();
        assertThat(hoursOnly.reasons(berlin, losAngeles)).isEmpty();
        // Los Angeles' afternoon is Tokyo's next morning: the overlap crosses midnight UTC.
        assertThat(hoursOnly.workingHoursOverlap(losAngeles, tokyo)).isEqualTo(1);
        assertThat(hoursOnly.reasons(losAngeles, tokyo)).containsExactly("Your working hours overlap by 1 hour");
    }

    @Test
    void explainsASharedCadence() {
        Compatibility cadenceOnly = new Compatibility(only("cadence", 1), rules, WINTER);
        Participant ada = preferring(person("Ada"), Cadence.WEEKLY);

        assertThat(cadenceOnly.reasons(ada, preferring(person("Ben"), Cadence.WEEKLY)))
                .containsExactly("You both prefer to meet weekly");
        assertThat(cadenceOnly.score(ada, preferring(person("Ben"), Cadence.MONTHLY)))
                .isZero();
        assertThat(cadenceOnly.score(ada, person("Ben"))).isZero();
    }

    @Test
    void weightsChangeTheScore() {
        Participant ada = inZone(withStrengths(person("Ada"), "postgres"), "Europe/London");
        Participant ben = inZone(growingIn(person("Ben"), "postgres"), "Europe/Berlin");
        Weights heavierGrowth = new Weights(6, 2, 1, 0.5, 1, 2, 0.5);

        assertThat(new Compatibility(heavierGrowth, rules, WINTER).score(ada, ben))
                .isEqualTo(defaults.score(ada, ben) + 3);
        assertThat(new Compatibility(only("growth", 0), rules, WINTER).score(ada, ben))
                .isZero();
    }

    @Test
    void showsOnlyTheStrongestReasonsStrongestFirst() {
        Participant ada = inZone(withStrengths(person("Ada"), "postgres", "java", "hiring"), "Europe/London");
        Participant ben = inZone(growingIn(person("Ben"), "postgres", "java", "hiring"), "America/New_York");
        Participant adaAtThree = atLevel(preferring(ada, Cadence.WEEKLY), 3);
        Participant benAtThree = atLevel(preferring(ben, Cadence.WEEKLY), 3);

        var reasons = defaults.reasons(adaAtThree, benAtThree);

        assertThat(reasons).hasSize(Compatibility.MAIN_REASONS);
        assertThat(reasons.subList(0, 3)).allMatch(reason -> reason.startsWith("Ada's strength in"));
        assertThat(reasons).doesNotContain("You both prefer to meet weekly");
    }
}
