package dev.kept.matching;

import java.time.Instant;
import java.util.Objects;

/**
 * How the engine runs, as opposed to what it optimizes.
 *
 * @param topK keep only each person's {@code topK} most compatible people as candidates (an edge
 *     stays when it is in the top of either side), or {@code null} for the full candidate graph
 * @param offsetsAt the moment whose UTC offsets are used to compare working hours, since daylight
 *     saving time moves them during the year
 */
public record Options(Integer topK, Instant offsetsAt) {

    public Options {
        Objects.requireNonNull(offsetsAt, "offsetsAt");
        if (topK != null && topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1");
        }
    }

    public static Options fullGraph(Instant offsetsAt) {
        return new Options(null, offsetsAt);
    }

    public static Options pruned(int topK, Instant offsetsAt) {
        return new Options(topK, offsetsAt);
    }
}
