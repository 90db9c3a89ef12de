package dev.kept.people;

import java.util.List;
import java.util.UUID;

/**
 * What importing a file does or would do: how many rows create (and invite), update, change
 * nothing or have problems; the teams it forms; and every row's outcome. {@code token} names the
 * kept file a page applies (null when none was kept).
 */
public record ImportPreview(
        UUID token, long create, long update, long unchanged, long problems, List<String> newTeams, List<Row> rows) {

    /** Whether the file can be applied: no row has a problem. */
    public boolean applicable() {
        return problems == 0;
    }

    /** One row: its number in the file (the header is row 1), its e-mail, what it does, and its problems. */
    public record Row(long row, String email, String action, List<Change> changes, List<Problem> problems) {}

    /** A field a row changes, from and to (a team by name, a manager by e-mail; null for none). */
    public record Change(String field, String from, String to) {}

    /** What is wrong with a row: the column (null for the whole row), a reason code and a message. */
    public record Problem(String column, String reason, String message) {}

    static ImportPreview of(ImportPlan plan, UUID token) {
        List<Row> rows = plan.outcomes().stream()
                .map(o -> new Row(
                        o.row(),
                        o.email(),
                        o.action().name(),
                        o.changes().stream()
                                .map(c -> new Change(c.field(), c.from(), c.to()))
                                .toList(),
                        o.problems().stream()
                                .map(p -> new Problem(p.column(), p.reason(), p.message()))
                                .toList()))
                .toList();
        return new ImportPreview(
                plan.hasProblems() ? null : token,
                plan.count(ImportPlan.Action.CREATE),
                plan.count(ImportPlan.Action.UPDATE),
                plan.count(ImportPlan.Action.UNCHANGED),
                plan.count(ImportPlan.Action.ERROR),
                plan.newTeams(),
                rows);
    }
}
