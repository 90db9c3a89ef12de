package dev.kept.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Answers that are costly to compute and may be a little old, kept in memory for a while: an
 * answer is given again until {@code fresh} has passed since it was computed, or until it is
 * forgotten (after a write that changes it). The memory is bounded: past {@code most} answers,
 * all are dropped and computed again as they are asked for. Each instance of Kept keeps its own,
 * so a change made through another instance shows within {@code fresh}.
 *
 * @param <K> what an answer is for
 * @param <V> the answer
 */
public final class RecentAnswers<K, V> {

    /** An answer and the instant it was computed, for those who say how old it is. */
    public record Answer<V>(V value, Instant computedAt) {}

    private final Duration fresh;
    private final int most;
    private final Map<K, Answer<V>> answers = new ConcurrentHashMap<>();

    public RecentAnswers(Duration fresh, int most) {
        if (fresh.isNegative() || most < 1) {
            throw new IllegalArgumentException("a freshness of at least zero and room for one answer");
        }
        this.fresh = fresh;
        this.most = most;
    }

    /** The answer for {@code key} computed within {@code fresh} of {@code now}, or {@code compute}'s. */
    public Answer<V> get(K key, Instant now, Supplier<V> compute) {
        Answer<V> kept = answers.get(key);
        if (kept != null
                && !now.isBefore(kept.computedAt())
                && now.isBefore(kept.computedAt().plus(fresh))) {
            return kept;
        }
        Answer<V> computed = new Answer<>(compute.get(), now);
        if (fresh.isZero()) {
            return computed;
        }
        if (answers.size() >= most) {
            answers.clear();
        }
        answers.put(key, computed);
        return computed;
    }

    /** Forgets the answers whose keys {@code which} accepts. */
    public void forget(Predicate<? super K> which) {
        answers.keySet().removeIf(which);
    }

    /** Forgets every answer. */
    public void forgetAll() {
        answers.clear();
    }
}
