package dev.kept.pulse;

import dev.kept.insights.Csv;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A round's results as CSV: a row per group (each team the reader sees, then all teams) and
 * question, with the same figures as the page: respondents, the mean with one decimal, how many
 * answered 1 to 5; a hidden group's row holds only its note. Comments are not in it.
 */
final class PulseCsv {

    static final List<String> HEADER = List.of(
            "round",
            "group",
            "question",
            "text",
            "respondents",
            "mean",
            "answered 1",
            "answered 2",
            "answered 3",
            "answered 4",
            "answered 5",
            "note");

    private PulseCsv() {}

    static String of(PulseReport report) {
        List<List<?>> rows = new ArrayList<>();
        PulseReport.Round round = report.round();
        if (round != null) {
            for (PulseReport.Group group : report.groups()) {
                for (PulseView.Question question : report.questions()) {
                    List<Object> row = new ArrayList<>(
                            List.of(round.opensOn().toString(), group.name(), question.position(), question.text()));
                    if (group.shown()) {
                        PulseReport.Score score = group.scores().get(question.position() - 1);
                        row.add(group.respondents());
                        row.add(mean(score.mean()));
                        row.addAll(score.counts());
                        row.add("");
                    } else {
                        row.addAll(java.util.Collections.nCopies(7, ""));
                        row.add(group.teamId() == null ? hiddenWhole(report.minGroup()) : hidden(report.minGroup()));
                    }
                    rows.add(row);
                }
            }
        }
        return Csv.of(HEADER, rows);
    }

    /** A mean as the pages write it: one decimal. */
    static String mean(double mean) {
        return String.format(Locale.ROOT, "%.1f", mean);
    }

    /** Why all teams together show nothing: too few in all, or in the teams that show nothing, which subtraction would give away. */
    static String hiddenWhole(int minGroup) {
        return "nothing is shown: fewer than " + minGroup
                + " answers in all, or in the teams that show nothing, which subtraction would reveal";
    }

    static String hidden(int minGroup) {
        return "fewer than " + minGroup + " answers: nothing is shown";
    }
}
