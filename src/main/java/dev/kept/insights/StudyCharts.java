package dev.kept.insights;

import dev.kept.insights.EffectStudy.Breakdown;
import dev.kept.insights.EffectStudy.Cell;
import java.util.List;
import java.util.function.Function;

/** The charts of the effect study's page: kept rates with their intervals, a "too few" cell drawn as a gap. */
record StudyCharts(Chart groups, Chart months, Chart teams, Chart goals, Chart matching) {

    static StudyCharts of(EffectStudy study) {
        return new StudyCharts(
                new Chart(
                        "Kept rate by group",
                        Chart.Kind.SHARE,
                        study.groups().stream()
                                .map(g -> column(shortLabel(g.group()), g.cell()))
                                .toList()),
                overall(
                        "Kept rate by month of closing",
                        study.byMonth(),
                        b -> b.label().substring(0, 3)),
                overall("Kept rate by team (largest first)", study.byTeam().items(), Breakdown::label),
                overall("Kept rate, serving a goal or not", study.byGoal(), Breakdown::label),
                new Chart(
                        "Kept rate of matched people, before and after their match",
                        Chart.Kind.SHARE,
                        List.of(
                                column("Before the match", study.matching().before()),
                                column("After the match", study.matching().after()))));
    }

    private static Chart overall(String title, List<Breakdown> rows, Function<Breakdown, String> label) {
        return new Chart(
                title,
                Chart.Kind.SHARE,
                rows.stream().map(row -> column(label.apply(row), row.all())).toList());
    }

    /** A group's name short enough to sit under its column; the table beneath gives the full one. */
    private static String shortLabel(String group) {
        return switch (group) {
            case EffectStudy.ALONE -> "Alone";
            case EffectStudy.SHARED -> "Shared, < 2 check-ins";
            case EffectStudy.MET -> "Shared, 2+ check-ins";
            default -> group;
        };
    }

    static Chart.Column column(String label, Cell cell) {
        if (cell.tooFew()) {
            return new Chart.Column(label, null, null, null, "too few");
        }
        return Chart.Column.of(
                label,
                cell.proportion(),
                cell.commitments() + (cell.commitments() == 1 ? " commitment" : " commitments"));
    }
}
