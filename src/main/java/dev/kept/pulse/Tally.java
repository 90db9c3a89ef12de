package dev.kept.pulse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The answers of some rounds as the database counted them (how many of each team answered each
 * question with each score), turned into what may show: a group's respondents, means and
 * distributions when {@link Anonymity} allows, nothing otherwise.
 */
final class Tally {

    /** How many of a team answered a question of a round with a score. */
    record Cell(UUID roundId, UUID teamId, UUID questionId, int score, long answers) {}

    // round -> team -> question -> answers of each score (index 0: score 1)
    private final Map<UUID, Map<UUID, Map<UUID, long[]>>> counts = new HashMap<>();
    private final Anonymity anonymity;
    private final List<PulseView.Question> questions;

    private Tally(Anonymity anonymity, List<PulseView.Question> questions) {
        this.anonymity = anonymity;
        this.questions = questions;
    }

    static Tally of(Collection<Cell> cells, Anonymity anonymity, List<PulseView.Question> questions) {
        Tally tally = new Tally(anonymity, questions);
        for (Cell cell : cells) {
            tally.counts
                            .computeIfAbsent(cell.roundId(), round -> new HashMap<>())
                            .computeIfAbsent(cell.teamId(), team -> new HashMap<>())
                            .computeIfAbsent(cell.questionId(), question -> new long[5])[cell.score() - 1] +=
                    cell.answers();
        }
        return tally;
    }

    /** Everyone answers every question: a team's respondents are the answers to any one of them. */
    long respondents(UUID roundId, UUID teamId) {
        return teamsOf(roundId).getOrDefault(teamId, Map.of()).values().stream()
                .mapToLong(scores -> Arrays.stream(scores).sum())
                .max()
                .orElse(0);
    }

    boolean shows(UUID roundId, UUID teamId) {
        return teamId == null
                ? anonymity.showsWhole(teamsOf(roundId).keySet().stream()
                        .map(team -> respondents(roundId, team))
                        .toList())
                : anonymity.shows(respondents(roundId, teamId));
    }

    /** Those of these teams whose results of the round show. */
    Set<UUID> shownTeams(UUID roundId, Set<UUID> among) {
        Set<UUID> shown = new HashSet<>();
        for (UUID team : among) {
            if (shows(roundId, team)) {
                shown.add(team);
            }
        }
        return shown;
    }

    /** A team's results of a round, or, with no team, those of all teams together. */
    PulseReport.Group group(UUID roundId, UUID teamId, String name, List<String> comments) {
        if (!shows(roundId, teamId)) {
            return new PulseReport.Group(teamId, name, false, null, List.of(), List.of());
        }
        Map<UUID, long[]> byQuestion = distribution(roundId, teamId);
        List<PulseReport.Score> scores = new ArrayList<>();
        for (PulseView.Question question : questions) {
            long[] answers = byQuestion.getOrDefault(question.id(), new long[5]);
            scores.add(new PulseReport.Score(
                    question.id(),
                    question.position(),
                    mean(answers),
                    Arrays.stream(answers).boxed().toList()));
        }
        long respondents = teamId == null
                ? teamsOf(roundId).keySet().stream()
                        .mapToLong(team -> respondents(roundId, team))
                        .sum()
                : respondents(roundId, teamId);
        return new PulseReport.Group(teamId, name, true, respondents, scores, comments);
    }

    /** A team (or all teams) over these rounds. */
    PulseReport.Trend trend(List<PulseReport.Round> rounds, UUID teamId, String name) {
        List<PulseReport.Point> points = new ArrayList<>();
        for (PulseReport.Round round : rounds) {
            PulseReport.Group group = group(round.id(), teamId, name, List.of());
            points.add(new PulseReport.Point(
                    round.id(),
                    round.opensOn(),
                    group.shown(),
                    group.scores().stream().map(PulseReport.Score::mean).toList()));
        }
        return new PulseReport.Trend(teamId, name, points);
    }

    private Map<UUID, Map<UUID, long[]>> teamsOf(UUID roundId) {
        return counts.getOrDefault(roundId, Map.of());
    }

    private Map<UUID, long[]> distribution(UUID roundId, UUID teamId) {
        if (teamId != null) {
            return teamsOf(roundId).getOrDefault(teamId, Map.of());
        }
        Map<UUID, long[]> all = new HashMap<>();
        teamsOf(roundId)
                .values()
                .forEach(team -> team.forEach((question, answers) -> {
                    long[] sum = all.computeIfAbsent(question, q -> new long[5]);
                    for (int i = 0; i < 5; i++) {
                        sum[i] += answers[i];
                    }
                }));
        return all;
    }

    private static double mean(long[] answers) {
        long count = 0;
        long total = 0;
        for (int i = 0; i < answers.length; i++) {
            count += answers[i];
            total += answers[i] * (i + 1);
        }
        return count == 0 ? 0 : (double) total / count;
    }
}
