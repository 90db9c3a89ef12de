package dev.kept.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentAnswersTests {

    private static final Instant T0 = Instant.parse("2026-06-15T10:00:00Z");

    private final AtomicInteger computed = new AtomicInteger();

    private Integer compute() {
        return computed.incrementAndGet();
    }

    @Test
    void givesAnAnswerAgainUntilItIsNoLongerFresh() {
        RecentAnswers<String, Integer> answers = new RecentAnswers<>(Duration.ofMinutes(5), 10);

        assertThat(answers.get("a", T0, this::compute).value()).isEqualTo(1);
        RecentAnswers.Answer<Integer> again = answers.get("a", T0.plusSeconds(299), this::compute);
        assertThat(again.value()).isEqualTo(1);
        assertThat(again.computedAt()).isEqualTo(T0);
        assertThat(answers.get("b", T0, this::compute).value()).isEqualTo(2);

        RecentAnswers.Answer<Integer> stale = answers.get("a", T0.plusSeconds(300), this::compute);
        assertThat(stale.value()).isEqualTo(3);
        assertThat(stale.computedAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void computesAgainWhenTheClockWentBack() {
        RecentAnswers<String, Integer> answers = new RecentAnswers<>(Duration.ofMinutes(5), 10);
        answers.get("a", T0, this::compute);

        assertThat(answers.get("a", T0.minusSeconds(1), this::compute).value()).isEqualTo(2);
    }

    @Test
    void forgetsWhatItIsToldToAndEverythingPastItsRoom() {
        RecentAnswers<String, Integer> answers = new RecentAnswers<>(Duration.ofMinutes(5), 2);
        answers.get("a", T0, this::compute);
        answers.get("b", T0, this::compute);
        answers.forget("a"::equals);
        assertThat(answers.get("a", T0, this::compute).value()).isEqualTo(3);
        assertThat(answers.get("b", T0, this::compute).value()).isEqualTo(2);

        answers.get("c", T0, this::compute); // past its room of two: everything else dropped
        assertThat(answers.get("b", T0, this::compute).value()).isEqualTo(5);
        answers.forgetAll();
        assertThat(answers.get("b", T0, this::compute).value()).isEqualTo(6);
    }

    @Test
    void keepsNothingWhenNothingMayBeOld() {
        RecentAnswers<String, Integer> answers = new RecentAnswers<>(Duration.ZERO, 2);
        answers.get("a", T0, this::compute);

        assertThat(answers.get("a", T0, this::compute).value()).isEqualTo(2);
        assertThatIllegalArgumentException().isThrownBy(() -> new RecentAnswers<>(Duration.ofSeconds(-1), 2));
        assertThatIllegalArgumentException().isThrownBy(() -> new RecentAnswers<>(Duration.ofSeconds(1), 0));
    }
}
