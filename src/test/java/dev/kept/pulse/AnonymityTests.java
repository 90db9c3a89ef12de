package dev.kept.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When results may show: a group of at least N; all groups together only if the hidden ones add up to 0 or at least N. */
class AnonymityTests {

    private final Anonymity five = new Anonymity(5);

    @Test
    void showsAGroupOfAtLeastN() {
        assertThat(five.shows(4)).isFalse();
        assertThat(five.shows(5)).isTrue();
        assertThat(five.shows(0)).isFalse();
    }

    @Test
    void hidesTheWholeWhenTheHiddenGroupsAddUpToBetweenOneAndNMinusOne() {
        assertThat(five.showsWhole(List.of(5L, 4L))).isFalse();
        assertThat(five.showsWhole(List.of(6L, 2L, 2L))).isFalse();
        assertThat(five.showsWhole(List.of(5L, 1L))).isFalse();
    }

    @Test
    void showsTheWholeWhenNoGroupIsHiddenOrTheHiddenAddUpToN() {
        assertThat(five.showsWhole(List.of(5L, 7L))).isTrue();
        assertThat(five.showsWhole(List.of(5L, 0L))).isTrue();
        assertThat(five.showsWhole(List.of(5L, 3L, 2L))).isTrue();
        assertThat(five.showsWhole(List.of(4L, 4L))).isTrue();
    }

    @Test
    void hidesAWholeSmallerThanN() {
        assertThat(five.showsWhole(List.of(2L, 2L))).isFalse();
        assertThat(five.showsWhole(List.of())).isFalse();
    }
}
