package dev.kept.insights;

import dev.kept.insights.EffectStudy.Breakdown;
import dev.kept.insights.EffectStudy.Cell;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The effect study as CSV: one line per cell and group, the same numbers as the page and the API. */
final class StudyCsv {

    static final List<String> HEADER = List.of(
            "section",
            "for",
            "group",
            "commitments",
            "kept",
            "kept_rate",
            "low_95",
            "high_95",
            "times_as_often_as_baseline",
            "note");

    private StudyCsv() {}

    static String of(EffectStudy study) {
        List<List<?>> lines = new ArrayList<>();
        String period = study.from() + " to " + study.to();
        for (EffectStudy.Group group : study.groups()) {
            lines.add(line("groups", period, group.group(), group.cell(), group.timesAsOftenAsAlone()));
        }
        study.byMonth().forEach(month -> breakdown(lines, "month", month));
        study.byTeam().items().forEach(team -> breakdown(lines, "team", team));
        study.byGoal().forEach(goal -> breakdown(lines, "goal", goal));
        EffectStudy.MatchingOutcome matching = study.matching();
        lines.add(line("matching", "people matched: " + matching.peopleMatched(), "BEFORE", matching.before(), null));
        lines.add(line(
                "matching",
                "people matched: " + matching.peopleMatched(),
                "AFTER",
                matching.after(),
                matching.timesAsOftenAsBefore()));
        for (EffectStudy.ProgramOutcome program : matching.byProgram()) {
            String label = program.name() + " (people matched: " + program.peopleMatched() + ")";
            lines.add(line("program", label, "BEFORE", program.before(), null));
            lines.add(line("program", label, "AFTER", program.after(), program.timesAsOftenAsBefore()));
        }
        if (matching.programsNotListed() > 0) {
            lines.add(Arrays.asList(
                    "program",
                    "programs not listed: " + matching.programsNotListed(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "only the " + OrganizationInsights.PROGRAMS_LISTED + " that matched the most people are listed"));
        }
        return Csv.of(HEADER, lines);
    }

    private static void breakdown(List<List<?>> lines, String section, Breakdown row) {
        lines.add(line(section, row.label(), "ALL", row.all(), null));
        lines.add(line(section, row.label(), EffectStudy.ALONE, row.alone(), null));
        lines.add(line(section, row.label(), EffectStudy.SHARED, row.shared(), null));
        lines.add(line(section, row.label(), EffectStudy.MET, row.met(), null));
    }

    private static List<?> line(String section, String label, String group, Cell cell, Double times) {
        return Arrays.asList(
                section,
                label,
                group,
                cell.commitments(),
                cell.kept(),
                cell.rate(),
                cell.low(),
                cell.high(),
                times,
                cell.tooFew() ? "too few" : null);
    }
}
