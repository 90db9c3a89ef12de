package dev.kept.security;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the rate-limit rows that no longer count (their window and wait are over), on one
 * instance at a time, so the table holds only the attempts of the last window.
 */
@Component
class RateLimitCleanup {

    private static final Logger log = LoggerFactory.getLogger(RateLimitCleanup.class);

    private final RateLimitStore store;
    private final Clock clock;

    RateLimitCleanup(RateLimitStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${kept.rate-limit.cleanup-every:PT10M}",
            initialDelayString = "${kept.rate-limit.cleanup-every:PT10M}")
    @SchedulerLock(name = "rate-limit-cleanup", lockAtMostFor = "PT10M")
    void onSchedule() {
        deleteExpired();
    }

    /** Deletes what no longer counts; answers how many rows. */
    int deleteExpired() {
        int deleted = store.deleteExpired(clock.instant());
        if (deleted > 0) {
            log.debug("Deleted {} rate-limit rows that no longer count", deleted);
        }
        return deleted;
    }
}
