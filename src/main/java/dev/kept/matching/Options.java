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
 * @param largestGroup with pruning, a program larger than this is matched in groups of at most
 *     this many people (people who named each other stay together), then the people the groups
 *     left over are matched together; scoring every pair grows with the square of the size
 */
public record Options(Integer topK, Instant offsetsAt, int largestGroup) {

    /**
     * Programs up to this size are matched on the full candidate graph, so their pairing is the
     * exact optimum; larger ones keep each person's best candidates.
     */
    public static final int LARGEST_FULL_GRAPH = 300;

    /** Each person's best candidates kept in a larger program (see docs/performance.md). */
    public static final int CANDIDATES_PER_PERSON = 20;

    /** The largest group whose every pair is scored together (see docs/performance.md). */
    public static final int LARGEST_GROUP = 10_000;

    public Options {
        Objects.requireNonNull(offsetsAt, "offsetsAt");
        if (topK != null && topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1");
        }
        if (largestGroup < 2) {
            throw new IllegalArgumentException("largestGroup must be at least 2");
        }
    }

    /** The options a program of this many participants is matched with. */
    public static Options forProgram(int participants, Instant offsetsAt) {
        return participants <= LARGEST_FULL_GRAPH ? fullGraph(offsetsAt) : pruned(CANDIDATES_PER_PERSON, offsetsAt);
    }

    public static Options fullGraph(Instant offsetsAt) {
        return new Options(null, offsetsAt, Integer.MAX_VALUE);
    }

    public static Options pruned(int topK, Instant offsetsAt) {
        return new Options(topK, offsetsAt, LARGEST_GROUP);
    }

    /** The same options, matching in groups of at most {@code largest} people. */
    public Options inGroupsOf(int largest) {
        return new Options(topK, offsetsAt, largest);
    }
}
