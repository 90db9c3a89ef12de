package dev.kept.pulse;

import dev.kept.insights.Chart;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The charts of a pulse's results page: a group's mean per question, and a question's mean per round. */
final class PulseCharts {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private PulseCharts() {}

    /** A shown group's mean answer to each question (Q1, Q2 ...), the question and its distribution in the table. */
    static Chart means(PulseReport report, PulseReport.Group group) {
        List<Chart.Column> columns = new ArrayList<>();
        for (PulseReport.Score score : group.scores()) {
            PulseView.Question question = report.questions().get(score.position() - 1);
            List<Long> counts = score.counts();
            String note = question.text() + " (answered 1–5: " + counts.get(0) + ", " + counts.get(1) + ", "
                    + counts.get(2) + ", " + counts.get(3) + ", " + counts.get(4) + ")";
            columns.add(new Chart.Column("Q" + score.position(), score.mean(), null, null, note));
        }
        return new Chart(group.name() + ": mean answer per question, from 1 to 5", Chart.Kind.SCALE, columns);
    }

    /** A group's mean answer to one question in each closed round, oldest first; a hidden round is a gap. */
    static Chart trend(PulseReport report, PulseReport.Trend trend, PulseView.Question question) {
        List<Chart.Column> columns = new ArrayList<>();
        for (PulseReport.Point point : trend.points()) {
            columns.add(new Chart.Column(
                    DAY.format(point.opensOn()),
                    point.shown() ? point.means().get(question.position() - 1) : null,
                    null,
                    null,
                    point.shown() ? "round of " + point.opensOn() : PulseCsv.hidden(report.minGroup())));
        }
        return new Chart("Q" + question.position() + ". " + question.text(), Chart.Kind.SCALE, columns);
    }
}
