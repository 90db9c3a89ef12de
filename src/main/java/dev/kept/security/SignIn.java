package dev.kept.security;

import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.sso.SingleSignOn;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks an e-mail and password, behind the limit on failed sign-ins per client address
 * ({@link AddressLimits}) and the {@link LoginThrottle} of the e-mail. Used by the sign-in form and
 * by the API's token endpoint, so both are slowed down the same way.
 */
@Component
class SignIn implements AuthenticationProvider {

    private final People people;
    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final AddressLimits addresses;
    private final SingleSignOn singleSignOn;

    SignIn(
            People people,
            Accounts accounts,
            LoginThrottle throttle,
            AddressLimits addresses,
            SingleSignOn singleSignOn) {
        this.people = people;
        this.accounts = accounts;
        this.throttle = throttle;
        this.addresses = addresses;
        this.singleSignOn = singleSignOn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        Object credentials = authentication.getCredentials();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        try {
            return authenticated(check(email, credentials == null ? null : credentials.toString(), address));
        } catch (TooManyAttemptsException refused) {
            throw new LoginThrottledException(refused);
        }
    }

    /**
     * The caller this e-mail and password sign in as; {@link TooManyAttemptsException} while the
     * address or the account must wait, {@link BadCredentialsException} when they are wrong. Every
     * attempt is counted before the password is checked; a right password gives the address its
     * attempt back and clears the account's failures. A right password of someone whose organization
     * signs in only through single sign-on is refused all the same ({@link PasswordSignInRefusedException}).
     */
    Caller check(String email, String password, String address) {
        AddressLimits.Charge charge = addresses.charge(AddressLimits.Action.SIGN_IN, address);
        throttle.attempt(email);
        Optional<Caller> caller = accounts.authenticate(email, password);
        if (caller.isEmpty()) {
            throw new BadCredentialsException("E-mail or password is wrong.");
        }
        throttle.succeeded(email);
        addresses.refund(charge);
        if (!singleSignOn.allowsPasswordSignIn(caller.get())) {
            throw new PasswordSignInRefusedException();
        }
        return caller.get();
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
