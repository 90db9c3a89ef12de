package dev.kept;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: it follows the system clock until a test freezes it or moves
 * it forward, so that expiry and throttling are tested without sleeping. {@link ResetClockExtension}
 * puts it back after each test, because the application context (and so this clock) is shared.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> frozenAt = new AtomicReference<>();
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        Instant frozen = frozenAt.get();
        return (frozen == null ? Instant.now() : frozen).plus(offset.get());
    }

    /** Stops time where it is now: only {@link #advance} moves it until {@link #reset}. */
    public void freeze() {
        frozenAt.set(instant());
        offset.set(Duration.ZERO);
    }

    /** Stops time at the given instant: only {@link #advance} moves it until {@link #reset}. */
    public void freezeAt(Instant instant) {
        frozenAt.set(instant);
        offset.set(Duration.ZERO);
    }

    public void advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
    }

    /** Back to the system clock. */
    public void reset() {
        frozenAt.set(null);
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }
}
