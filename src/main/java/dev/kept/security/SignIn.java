package dev.kept.security;

import dev.kept.people.Caller;
import dev.kept.people.People;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;

/**
 * Checks an e-mail and password, behind the {@link LoginThrottle}. Used by the sign-in form and by
 * the API's token endpoint, so both are slowed down the same way.
 */
@Component
class SignIn implements AuthenticationProvider {

    private final People people;
    private final LoginThrottle throttle;

    SignIn(People people, LoginThrottle throttle) {
        this.people = people;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        Object credentials = authentication.getCredentials();
        Caller caller = check(email, credentials == null ? null : credentials.toString());
        return authenticated(caller);
    }

    Caller check(String email, String password) {
        Duration wait = throttle.waitBeforeNextAttempt(email);
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
        return people.authenticate(email, password)
                .map(caller -> {
                    throttle.succeeded(email);
                    return caller;
                })
                .orElseThrow(() -> {
                    throttle.failed(email);
                    return new BadCredentialsException("E-mail or password is wrong.");
                });
    }

    static Authentication authenticated(Caller caller) {
        return UsernamePasswordAuthenticationToken.authenticated(
                caller, null, AuthorityUtils.createAuthorityList("ROLE_MEMBER"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
