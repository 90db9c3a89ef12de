package dev.kept.shared;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the background jobs work through a backlog: a batch of at most {@code size} rows is read in one
 * query and marked in one batched statement, in its own short transaction, and the job rests
 * {@code pause} between batches so that the requests of the moment get connections and CPU.
 */
@ConfigurationProperties("kept.jobs")
public record JobBatches(
        @DefaultValue("500") int size, @DefaultValue("20ms") Duration pause) {

    public JobBatches {
        if (size < 1) {
            throw new IllegalArgumentException("kept.jobs.size must be at least 1");
        }
        if (pause.isNegative()) {
            throw new IllegalArgumentException("kept.jobs.pause must not be negative");
        }
    }

    /**
     * Rests between two batches. An interrupt does not cut a run short (the run is bounded, and a
     * half-done run would only leave its rest to the next one): the rest is just skipped.
     */
    public void rest() {
        if (pause.isZero()) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(pause.toNanos());
        }
    }
}
