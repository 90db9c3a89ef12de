package dev.kept.security;

import dev.kept.security.RateLimitStore.Bucket;
import dev.kept.security.RateLimitStore.Decision;
import dev.kept.shared.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Slows down repeated failed sign-ins for one e-mail address, known or not: after a few free
 * attempts each failure doubles the wait before the next attempt, up to a short maximum, so that
 * guessing a password takes years while the real user waits minutes at most.
 *
 * <p>The count lives in the database (see {@link RateLimitStore}), so every instance sees the same
 * one. An attempt is counted as a failure <em>before</em> its password is checked and forgotten
 * with the others when the password is right: two attempts at the same moment are counted one
 * after the other, so no more get through than one at a time would.
 */
@Component
public class LoginThrottle {

    private final LoginProperties properties;
    private final RateLimitStore store;
    private final Clock clock;

    LoginThrottle(LoginProperties properties, RateLimitStore store, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Counts an attempt to sign in with this e-mail, before its password is checked; refuses it
     * (429) while the account must wait.
     */
    void attempt(String email) {
        count(key(email));
    }

    /**
     * Counts a request for a link to choose a new password for this e-mail, known or not; refuses it
     * (429) while the e-mail must wait. Counted apart from sign-ins, and never forgotten early: each
     * request sends a mail.
     */
    void attemptReset(String email) {
        count("reset:" + key(email));
    }

    private void count(String key) {
        Instant now = RateLimitStore.now(clock);
        Decision decision = store.apply(key, current -> next(current, now));
        if (!decision.allowed()) {
            throw TooManyAttemptsException.forAccount(decision.retryAfter());
        }
    }

    /** The password was right: the failures counted for this e-mail are forgotten. */
    void succeeded(String email) {
        store.delete(key(email));
    }

    /** How long the account must wait before its next attempt; zero when it may try now. */
    public Duration waitBeforeNextAttempt(String email) {
        Instant now = RateLimitStore.now(clock);
        return store.bucket(key(email))
                .map(bucket -> Duration.between(now, bucket.blockedUntil()))
                .filter(wait -> !wait.isNegative() && !wait.isZero())
                .orElse(Duration.ZERO);
    }

    private Decision next(Optional<Bucket> current, Instant now) {
        if (current.isPresent() && current.get().blockedUntil().isAfter(now)) {
            return Decision.refuse(Duration.between(now, current.get().blockedUntil()));
        }
        boolean fresh = current.isEmpty()
                || current.get().lastAt().plus(properties.window()).isBefore(now);
        int count = fresh ? 1 : current.get().hits() + 1;
        Instant startedAt = fresh ? now : current.get().startedAt();
        Instant blockedUntil = now.plus(delayAfter(count));
        Instant forgottenAt = now.plus(properties.window());
        return Decision.allow(
                new Bucket(count, startedAt, now, blockedUntil),
                blockedUntil.isAfter(forgottenAt) ? blockedUntil : forgottenAt);
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
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return "email:" + SecretTokens.hash(normalized);
    }
}
