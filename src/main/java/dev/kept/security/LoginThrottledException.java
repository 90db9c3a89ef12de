package dev.kept.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in attempt refused without checking the password, because the account or the client
 * address must wait: how the refusal travels through Spring Security's form sign-in.
 */
class LoginThrottledException extends AuthenticationException {

    private final TooManyAttemptsException refusal;

    LoginThrottledException(TooManyAttemptsException refusal) {
        super(refusal.getBody().getDetail(), refusal);
        this.refusal = refusal;
    }

    TooManyAttemptsException refusal() {
        return refusal;
    }
}
