package dev.kept.insights;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The charts of a track record's page: rates by month with their intervals, moves per week. */
@Component
class TrackRecordCharts {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH);

    private final MessageSource messages;

    TrackRecordCharts(MessageSource messages) {
        this.messages = messages;
    }

    Chart keptByMonth(List<Closings.Month> months) {
        return byMonth("insight.chart.kept", months, Closings::kept);
    }

    Chart onTimeByMonth(List<Closings.Month> months) {
        return byMonth("insight.chart.onTime", months, Closings::onTime);
    }

    Chart movesByWeek(List<TeamRecord.MovesWeek> weeks) {
        return new Chart(
                text("insight.chart.moves"),
                Chart.Kind.COUNT,
                weeks.stream()
                        .map(week -> Chart.Column.count(week.week().substring(5), week.total()))
                        .toList());
    }

    private Chart byMonth(String title, List<Closings.Month> months, Function<Closings, Share> figure) {
        return new Chart(
                text(title),
                Chart.Kind.SHARE,
                months.stream()
                        .map(month -> {
                            Share share = figure.apply(month.figures());
                            String note = share.of() == 0
                                    ? text("insight.chart.none")
                                    : text("insight.chart.outOf", share.yes(), share.of())
                                            + (share.enough() ? "" : text("insight.chart.few"));
                            return Chart.Column.of(
                                    YearMonth.parse(month.month()).format(MONTH), share.proportion(), note);
                        })
                        .toList());
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
