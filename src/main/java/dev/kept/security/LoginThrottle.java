package dev.kept.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down repeated failed sign-ins for one e-mail address, known or not: after a few free
 * attempts each failure doubles the wait before the next attempt, up to a short maximum, so that
 * guessing a password takes years while the real user waits minutes at most.
 */
@Component
public class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final LoginProperties properties;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the account must wait before its next attempt; zero when it may try now. */
    public Duration waitBeforeNextAttempt(String email) {
        Failures recorded = failures.get(key(email));
        if (recorded == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), recorded.blockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String email) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.last().plus(properties.window()).isBefore(now));
        }
        failures.compute(key(email), (k, previous) -> {
            int count = previous == null
                            || previous.last().plus(properties.window()).isBefore(now)
                    ? 1
                    : previous.count() + 1;
            return new Failures(count, now, now.plus(delayAfter(count)));
        });
    }

    public void succeeded(String email) {
        failures.remove(key(email));
    }

    Duration delayAfter(int count) {
        int over = count - properties.freeAttempts();
        if (over < 0) {
            return Duration.ZERO;
        }
        Duration delay = Duration.ofSeconds(1L << Math.min(over, 20));
        return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant last, Instant blockedUntil) {}
}
