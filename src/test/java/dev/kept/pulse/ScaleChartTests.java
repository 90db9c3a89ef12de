package dev.kept.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.insights.Chart;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chart of means on the 1–5 scale: bars rise from 1, values have one decimal, gridlines at 1 to 5. */
class ScaleChartTests {

    private final Chart chart = new Chart(
            "Means",
            Chart.Kind.SCALE,
            List.of(
                    new Chart.Column("Q1", 1.0, null, null, null),
                    new Chart.Column("Q2", 5.0, null, null, null),
                    new Chart.Column("Q3", 3.0, null, null, null),
                    new Chart.Column("Q4", null, null, null, "too few")));

    @Test
    void drawsMeansBetweenOneAndFive() {
        List<Chart.Drawn> drawn = chart.drawn();
        assertThat(drawn.get(0).height()).isZero();
        assertThat(drawn.get(1).y()).isEqualTo(12.0);
        assertThat(drawn.get(1).height()).isEqualTo(Chart.plotBottom() - 12.0);
        assertThat(drawn.get(2).height()).isEqualTo(drawn.get(1).height() / 2);
        assertThat(drawn.get(3).height()).isZero();
        assertThat(drawn.get(3).value()).isEqualTo("–");
    }

    @Test
    void writesOneDecimalAndGridlinesFromOneToFive() {
        assertThat(chart.format(3.6)).isEqualTo("3.6");
        assertThat(chart.gridlines()).extracting(Chart.Gridline::label).containsExactly("1", "2", "3", "4", "5");
        assertThat(chart.summary()).isEqualTo("Means: Q1 1.0; Q2 5.0; Q3 3.0; Q4 –");
    }
}
