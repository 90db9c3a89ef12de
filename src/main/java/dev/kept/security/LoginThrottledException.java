package dev.kept.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in attempt refused without checking the password, because the account must wait. */
class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins; wait " + retryAfter.toSeconds() + " s.");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
