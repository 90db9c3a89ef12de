package dev.kept.pulse;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a pulse's results show a person: for one closed round ({@code round}, null while none has
 * closed) each team of theirs and all the pulse's teams together ({@code groups}), and each of
 * them over the last closed rounds ({@code trends}, oldest first). A group that is not
 * {@code shown} had fewer than {@code minGroup} respondents (or, for all teams together, would
 * let a small group be worked out): it carries no count, no score and no comment.
 */
public record PulseReport(
        UUID pulseId,
        String title,
        int minGroup,
        List<PulseView.Question> questions,
        List<Round> rounds,
        Round round,
        List<Group> groups,
        List<Trend> trends) {

    /** A closed round: open from {@code opensOn} until the day before {@code closesOn}. */
    public record Round(UUID id, LocalDate opensOn, LocalDate closesOn) {}

    /**
     * A team's (or, with no {@code teamId}, all teams') results of one round: how many answered,
     * each question's mean and how many answered 1, 2, 3, 4 and 5, and the comments in the order of
     * their text. All empty when not shown.
     */
    public record Group(
            UUID teamId, String name, boolean shown, Long respondents, List<Score> scores, List<String> comments) {}

    /** A question's mean answer in a group and its distribution: {@code counts[0]} answered 1 ... {@code counts[4]} 5. */
    public record Score(UUID questionId, int position, double mean, List<Long> counts) {}

    /** A group over the rounds, oldest first. */
    public record Trend(UUID teamId, String name, List<Point> points) {}

    /** A group in one round: the mean of each question, in order (empty when not shown). */
    public record Point(UUID roundId, LocalDate opensOn, boolean shown, List<Double> means) {}
}
