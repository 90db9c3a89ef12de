package dev.kept.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A track record as one CSV table, one figure a line: what it measures, for which period (a month
 * like 2026-03, an ISO week, or "all" for the whole period), the count, out of how many, and for a
 * rate its value and 95 % interval (0 to 1, four decimals). The same numbers as the API's.
 */
final class TrackRecordCsv {

    static final List<String> HEADER = List.of("measure", "period", "count", "of", "rate", "low", "high");

    private TrackRecordCsv() {}

    static String person(PersonRecord record) {
        List<List<?>> rows = new ArrayList<>();
        closings(rows, record.total(), record.byMonth());
        rows.add(count("open_now", "now", record.atRisk().open()));
        rows.add(count("at_risk_now", "now", record.atRisk().atRisk()));
        String days = "last " + record.checkIns().days() + " days";
        rows.add(share("check_in_consistency", days, record.checkIns().consistency()));
        rows.add(count("check_ins_held", days, record.checkIns().held()));
        rows.add(count("check_ins_skipped", days, record.checkIns().skipped()));
        rows.add(count("check_ins_not_recorded", days, record.checkIns().unrecorded()));
        rows.add(count("check_in_streak", "now", record.checkIns().streak()));
        for (PersonRecord.Challenges c : record.challenges()) {
            String kind = c.kind().toLowerCase(Locale.ROOT);
            rows.add(count("challenges_" + kind, "all", c.made()));
            rows.add(count("challenges_" + kind + "_answered", "all", c.answered()));
            rows.add(count("challenges_" + kind + "_helpful", "all", c.helpful()));
            rows.add(count("challenges_" + kind + "_not_helpful", "all", c.notHelpful()));
            rows.add(count("challenges_" + kind + "_then_kept", "all", c.kept()));
            rows.add(count("challenges_" + kind + "_then_not_kept", "all", c.notKept()));
            rows.add(count("challenges_" + kind + "_then_dropped", "all", c.dropped()));
            rows.add(count("challenges_" + kind + "_still_open", "all", c.stillOpen()));
        }
        return Csv.of(HEADER, rows);
    }

    static String team(TeamRecord record) {
        List<List<?>> rows = new ArrayList<>();
        closings(rows, record.total(), record.byMonth());
        rows.add(share("at_risk_now", "now", record.risk().share()));
        rows.add(count("team_goals", "now", record.goals().teamGoals()));
        rows.add(count("co_owned_goals", "now", record.goals().coOwnedGoals()));
        contributions(rows, "serving_goals_from_members", record.goals().fromMembers());
        contributions(rows, "serving_goals_from_other_teams", record.goals().fromOtherTeams());
        rows.add(count("thanks_given_across_teams", "all", record.thanks().given()));
        rows.add(count("thanks_received_across_teams", "all", record.thanks().received()));
        rows.add(count("help_offered_to_team", "all", record.help().toTeam()));
        rows.add(count("help_offered_to_team_accepted", "all", record.help().toTeamAccepted()));
        rows.add(Arrays.asList("help_offered_to_members", "all", record.help().toMembers(), null, null, null, null));
        rows.add(Arrays.asList("help_offered_by_members", "all", record.help().given(), null, null, null, null));
        for (TeamRecord.MovesWeek week : record.moves()) {
            rows.add(count("moves", week.week(), week.total()));
            week.byMove()
                    .forEach((move, times) ->
                            rows.add(count("moves_" + move.toLowerCase(Locale.ROOT), week.week(), times)));
        }
        return Csv.of(HEADER, rows);
    }

    private static void closings(List<List<?>> rows, Closings total, List<Closings.Month> months) {
        closing(rows, "all", total);
        months.forEach(month -> closing(rows, month.month(), month.figures()));
    }

    private static void closing(List<List<?>> rows, String period, Closings figures) {
        rows.add(count("closed", period, figures.closed()));
        rows.add(count("dropped", period, figures.dropped()));
        rows.add(share("kept", period, figures.kept()));
        rows.add(share("on_time", period, figures.onTime()));
        rows.add(share("renegotiated", period, figures.renegotiated()));
        rows.add(share("renegotiated_before_due", period, figures.renegotiatedBeforeDue()));
    }

    private static void contributions(List<List<?>> rows, String measure, TeamRecord.Contributions c) {
        rows.add(count(measure, "now", c.serving()));
        rows.add(count(measure + "_open", "now", c.open()));
        rows.add(share(measure + "_kept", "now", c.keptShare()));
    }

    private static List<?> count(String measure, String period, long count) {
        return Arrays.asList(measure, period, count, null, null, null, null);
    }

    private static List<?> share(String measure, String period, Share share) {
        return Arrays.asList(
                measure,
                period,
                share.yes(),
                share.of(),
                decimal(share.rate()),
                decimal(share.low()),
                decimal(share.high()));
    }

    static String decimal(Double value) {
        return value == null ? null : String.format(Locale.ROOT, "%.4f", value);
    }
}
