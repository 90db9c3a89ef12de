package dev.kept.matching;

import static dev.kept.matching.MatchingFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairScoresTests {

    private static final Instant SUMMER = Instant.parse("2026-07-15T12:00:00Z");

    @Test
    void scoresEveryPairAsCompatibilityDoesUnderManyRulesAndWeights() {
        for (long seed = 1; seed <= 30; seed++) {
            Random random = new Random(seed);
            List<Participant> participants =
                    OrganizationGenerator.generate(seed, 60).participants();
            ProgramRules rules = new ProgramRules(
                    random.nextBoolean(),
                    ProgramRules.TeamRule.values()[random.nextInt(3)],
                    ProgramRules.RegionPreference.values()[random.nextInt(3)],
                    random.nextBoolean() ? null : random.nextInt(4));
            Weights weights = new Weights(
                    weight(random),
                    weight(random),
                    weight(random),
                    weight(random),
                    weight(random),
                    weight(random),
                    weight(random));
            Instant at = seed % 2 == 0 ? WINTER : SUMMER;
            Compatibility compatibility = new Compatibility(weights, rules, at);
            PairScores scores = new PairScores(participants, weights, rules, at);

            for (int a = 0; a < participants.size(); a++) {
                for (int b = 0; b < participants.size(); b++) {
                    if (a == b) {
                        continue;
                    }
                    Participant x = participants.get(a);
                    Participant y = participants.get(b);
                    assertThat(scores.score(a, b))
                            .as("seed %d, %s and %s", seed, x.displayName(), y.displayName())
                            .isCloseTo(compatibility.score(x, y), within(1e-9));
                    assertThat(scores.respectEachOther(a, b)).isEqualTo(x.respects(y) && y.respects(x));
                }
            }
        }
    }

    @Test
    void appliesTheProgramsOwnLimits() {
        Participant ada = atLevel(inTeam(person("Ada"), TEAM_A), 3);
        Participant ben = atLevel(inTeam(person("Ben"), TEAM_A), 3);
        Participant chen = atLevel(inTeam(person("Chen"), TEAM_B), 6);
        Participant dana = atLevel(inTeam(person("Dana"), TEAM_B), null);
        List<Participant> people = List.of(ada, ben, chen, dana);
        PairScores required = new PairScores(
                people,
                Weights.defaults(),
                new ProgramRules(
                        true,
                        ProgramRules.TeamRule.OTHER_TEAM_REQUIRED,
                        ProgramRules.RegionPreference.NO_PREFERENCE,
                        2),
                WINTER);
        PairScores preferred = new PairScores(people, Weights.defaults(), ProgramRules.defaults(), WINTER);

        assertThat(required.allowedByProgram(0, 0)).as("never oneself").isFalse();
        assertThat(required.allowedByProgram(0, 1)).as("same team").isFalse();
        assertThat(required.allowedByProgram(0, 2)).as("level gap 3 > 2").isFalse();
        assertThat(required.allowedByProgram(0, 3)).as("no level, other team").isTrue();
        assertThat(preferred.allowedByProgram(0, 1)).isTrue();
        assertThat(preferred.allowedByProgram(0, 2)).isTrue();
    }

    private static double weight(Random random) {
        return random.nextInt(4) == 0 ? 0 : Math.round(random.nextDouble() * 40) / 10.0;
    }
}
