package dev.kept.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProportionTests {

    @Test
    void wilsonIntervalMatchesTheFormulaWorkedByHand() {
        // 7 of 10, z = 1.96: centre (0.7 + 0.19208) / 1.38415 = 0.64450,
        // spread 1.96 * sqrt(0.021 + 0.009604) / 1.38415 = 0.24771
        Proportion seven = new Proportion(7, 10);
        assertThat(seven.rate()).isEqualTo(0.7);
        assertThat(seven.low()).isCloseTo(0.3968, within(0.0001));
        assertThat(seven.high()).isCloseTo(0.8922, within(0.0001));
    }

    @Test
    void allOrNoneStaysInsideZeroAndOne() {
        Proportion none = new Proportion(0, 20);
        assertThat(none.low()).isEqualTo(0.0);
        assertThat(none.high()).isCloseTo(0.1611, within(0.0001));
        Proportion all = new Proportion(20, 20);
        assertThat(all.high()).isEqualTo(1.0);
        assertThat(all.low()).isCloseTo(0.8389, within(0.0001));
    }

    @Test
    void anEmptyGroupHasNoRateAndASmallOneIsNotCompared() {
        assertThat(Proportion.none().rate()).isNull();
        assertThat(Proportion.none().low()).isNull();
        Proportion small = new Proportion(5, 9);
        Proportion large = new Proportion(30, 60);
        assertThat(small.enough()).isFalse();
        assertThat(small.timesAsOftenAs(large)).isNull();
        assertThat(large.timesAsOftenAs(small)).isNull();
        assertThat(new Proportion(42, 60).timesAsOftenAs(large)).isCloseTo(1.4, within(1e-9));
        assertThat(large.timesAsOftenAs(new Proportion(0, 40))).isNull();
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> new Proportion(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Proportion(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csvQuotesWhatNeedsItAndDisarmsFormulas() {
        assertThat(Csv.of(List.of("team", "kept"), List.of(List.of("Core, east", 0.5), List.of("=SUM(A1)", 3))))
                .isEqualTo("team,kept\r\n\"Core, east\",0.5\r\n'=SUM(A1),3\r\n");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell(-3)).isEqualTo("-3");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void chartDrawsSharesOnZeroToOneAndCountsOnZeroToTheLargest() {
        Chart shares = new Chart(
                "Kept",
                Chart.Kind.SHARE,
                List.of(
                        Chart.Column.of("Oct", new Proportion(1, 2), null),
                        new Chart.Column("Nov", null, null, null, null)));
        Chart.Drawn half = shares.drawn().get(0);
        assertThat(half.y()).isEqualTo((Chart.plotBottom() + Chart.TOP) / 2.0);
        assertThat(half.whiskerTop()).isLessThan(half.y());
        assertThat(half.whiskerBottom()).isGreaterThan(half.y());
        assertThat(shares.drawn().get(1).value()).isEqualTo("–");
        assertThat(shares.summary()).isEqualTo("Kept: Oct 50 %; Nov –");
        Chart counts =
                new Chart("Moves", Chart.Kind.COUNT, List.of(Chart.Column.count("a", 4), Chart.Column.count("b", 8)));
        assertThat(counts.drawn().get(1).y()).isEqualTo((double) Chart.TOP);
        assertThat(counts.drawn().get(0).height()).isEqualTo((Chart.plotBottom() - Chart.TOP) / 2.0);
    }

    @Test
    void manyColumnsWriteEveryFewLabelsTheLastAlwaysAndValuesAboveTheirWhisker() {
        List<Chart.Column> months = java.util.stream.IntStream.range(0, 36)
                .mapToObj(i -> Chart.Column.of("m" + i, new Proportion(1, 2), null))
                .toList();
        List<Chart.Drawn> drawn = new Chart("Kept", Chart.Kind.SHARE, months).drawn();
        assertThat(drawn.stream().filter(Chart.Drawn::labelled).count()).isEqualTo(12);
        assertThat(drawn.get(35).labelled()).isTrue();
        assertThat(drawn.get(34).labelled()).isFalse();
        assertThat(drawn.get(35).valueY()).isEqualTo(drawn.get(35).whiskerTop() - 4);
        assertThat(new Proportion(0, 7).low()).isEqualTo(0.0);
        assertThat(new Proportion(7, 7).high()).isEqualTo(1.0);
    }
}
