package dev.kept.insights;

import java.util.List;
import java.util.Locale;

/**
 * A column chart drawn on the server as SVG (no script, within the pages' content security
 * policy), with the table of its numbers beside it for screen readers and for copying: one column
 * per label (a month, a team, a group), each a share from 0 to 1 or a count, with an optional
 * interval drawn as a whisker. {@code fragments/chart.html} draws it.
 */
public record Chart(String title, Kind kind, List<Column> columns) {

    /**
     * What the columns measure: shares are drawn on 0–100 %, counts on 0 to the largest, and the
     * means of answers on a scale from 1 to 5 (a bar rises from 1), written with one decimal.
     */
    public enum Kind {
        SHARE,
        COUNT,
        SCALE
    }

    /** The ends of a {@link Kind#SCALE} chart. */
    public static final int SCALE_LOW = 1;

    public static final int SCALE_HIGH = 5;

    /**
     * One column: its label, its value (null: nothing to show, drawn as a gap), an optional
     * interval, and a note for the table ("12 commitments", "too few to say").
     */
    public record Column(String label, Double value, Double low, Double high, String note) {

        public static Column of(String label, Proportion share, String note) {
            return new Column(label, share.rate(), share.low(), share.high(), note);
        }

        public static Column count(String label, long count) {
            return new Column(label, (double) count, null, null, null);
        }
    }

    /** The drawing's width and height, in SVG user units. */
    public static final int WIDTH = 640;

    public static final int HEIGHT = 240;

    static final int LEFT = 44;

    static final int BOTTOM = 40;

    static final int TOP = 12;

    /**
     * A column as drawn: its bar, its whisker (when it has an interval), where its label sits,
     * whether the label is written ({@code labelled}: with many columns only every few are, the last
     * always, so that labels do not overlap; the table names every column), and the height of its
     * value's text.
     */
    public record Drawn(
            Column column,
            double x,
            double width,
            double y,
            double height,
            Double whiskerTop,
            Double whiskerBottom,
            double labelX,
            String value,
            boolean labelled,
            double valueY) {}

    /** The most column labels written under one chart. */
    static final int MOST_LABELS = 12;

    /** A line across the chart at a value, with its label: 0, 50 % and 100 %, or 0 and the largest count. */
    public record Gridline(double y, String label) {}

    public List<Drawn> drawn() {
        int n = Math.max(1, columns.size());
        double slot = (double) (WIDTH - LEFT) / n;
        double barWidth = Math.max(2, Math.min(56, slot * 0.6));
        double top = top();
        int step = (columns.size() + MOST_LABELS - 1) / MOST_LABELS;
        return java.util.stream.IntStream.range(0, columns.size())
                .mapToObj(i -> {
                    Column column = columns.get(i);
                    double centre = LEFT + slot * i + slot / 2;
                    double value = column.value() == null ? floor() : column.value();
                    double y = y(value, top);
                    return new Drawn(
                            column,
                            round(centre - barWidth / 2),
                            round(barWidth),
                            y,
                            round(plotBottom() - y),
                            column.high() == null ? null : y(column.high(), top),
                            column.low() == null ? null : y(column.low(), top),
                            round(centre),
                            format(column.value()),
                            (columns.size() - 1 - i) % Math.max(1, step) == 0,
                            // above the whisker, when there is one, so that it does not cross the value
                            Math.max(10, (column.high() == null ? y : Math.min(y, y(column.high(), top))) - 4));
                })
                .toList();
    }

    public List<Gridline> gridlines() {
        double top = top();
        if (kind == Kind.SHARE) {
            return List.of(
                    new Gridline(y(0, 1), "0 %"), new Gridline(y(0.5, 1), "50 %"), new Gridline(y(1, 1), "100 %"));
        }
        if (kind == Kind.SCALE) {
            return java.util.stream.IntStream.rangeClosed(SCALE_LOW, SCALE_HIGH)
                    .mapToObj(step -> new Gridline(y(step, top), String.valueOf(step)))
                    .toList();
        }
        return List.of(new Gridline(y(0, top), "0"), new Gridline(y(top, top), format(top)));
    }

    /** A short text saying what the chart shows, for its {@code aria-label}. */
    public String summary() {
        StringBuilder text = new StringBuilder(title).append(": ");
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            text.append(i == 0 ? "" : "; ").append(column.label()).append(' ').append(format(column.value()));
        }
        return text.toString();
    }

    /** A value as the chart and its table write it: a whole percentage for a share, the count otherwise. */
    public String format(Double value) {
        if (value == null) {
            return "–";
        }
        return switch (kind) {
            case SHARE -> String.format(Locale.ROOT, "%d %%", Math.round(value * 100));
            case COUNT -> String.format(Locale.ROOT, "%d", Math.round(value));
            case SCALE -> String.format(Locale.ROOT, "%.1f", value);
        };
    }

    /**
     * The drawing's {@code viewBox}, and where the labels under the columns sit: for the template,
     * where Thymeleaf 3.1 refuses static access ({@code T(...)}).
     */
    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public int labelY() {
        return plotBottom() + 16;
    }

    public static int plotBottom() {
        return HEIGHT - BOTTOM;
    }

    private double top() {
        if (kind == Kind.SHARE) {
            return 1;
        }
        if (kind == Kind.SCALE) {
            return SCALE_HIGH;
        }
        double most = columns.stream()
                .map(Column::value)
                .filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        return most <= 0 ? 1 : most;
    }

    private double y(double value, double top) {
        double span = plotBottom() - TOP;
        double floor = floor();
        return round(plotBottom() - span * Math.min(1, Math.max(0, (value - floor) / (top - floor))));
    }

    /** Where the bars rise from: 0, or the scale's lowest answer. */
    private double floor() {
        return kind == Kind.SCALE ? SCALE_LOW : 0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
