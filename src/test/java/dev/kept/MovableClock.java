package dev.kept;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that stands still until a test moves it, so that expiry and throttling are tested
 * without sleeping and without depending on how fast the machine is. Import {@link TestConfig}
 * to make it the application's clock.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Stopped at the current second. */
    public static MovableClock stoppedNow() {
        return new MovableClock(new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.SECONDS)), ZoneOffset.UTC);
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time, seen in another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(now, other);
    }

    /** Replaces the application's clock with a {@link MovableClock}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class TestConfig {

        @Bean
        @Primary
        MovableClock movableClock() {
            return stoppedNow();
        }
    }
}
