package dev.kept.security;

import dev.kept.shared.Problems;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * An attempt refused before any work was done, because an account or a client address tried too
 * often: 429 with {@code Retry-After} in whole seconds. The detail comes from {@code messages.properties}
 * ({@link #messageCode()} with the seconds, as a number and as digits), on the API as on the pages.
 */
class TooManyAttemptsException extends ErrorResponseException {

    private final long retryAfterSeconds;
    private final String messageCode;

    private TooManyAttemptsException(Duration retryAfter, String title, String messageCode, String detail) {
        this(seconds(retryAfter), title, messageCode, detail);
    }

    private TooManyAttemptsException(long seconds, String title, String messageCode, String detail) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                Problems.of(HttpStatus.TOO_MANY_REQUESTS, title, detail.formatted(seconds)),
                null,
                messageCode,
                new Object[] {seconds, Long.toString(seconds)});
        this.retryAfterSeconds = seconds;
        this.messageCode = messageCode;
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    /** Too many failed sign-ins for one e-mail address. */
    static TooManyAttemptsException forAccount(Duration retryAfter) {
        return new TooManyAttemptsException(
                retryAfter,
                "Too many failed sign-ins",
                "limit.account",
                "Too many failed attempts for this account. Wait %d seconds, then try again.");
    }

    /** Too many attempts of one action from one client address. */
    static TooManyAttemptsException forAddress(AddressLimits.Action action, Duration retryAfter) {
        return new TooManyAttemptsException(
                retryAfter,
                "Too many attempts",
                "limit.address." + action.name(),
                "Too many attempts from your network. Wait %d seconds, then try again.");
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    String messageCode() {
        return messageCode;
    }

    Object[] messageArguments() {
        return new Object[] {retryAfterSeconds, Long.toString(retryAfterSeconds)};
    }

    // whole seconds, rounded up: a client that waits as long as it is told is let through
    private static long seconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
