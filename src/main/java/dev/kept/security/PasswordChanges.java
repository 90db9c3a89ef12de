package dev.kept.security;

import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.shared.ForbiddenException;
import dev.kept.sso.SingleSignOn;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * A signed-in person changes their password with the current one. A wrong current password is
 * counted like a failed sign-in (the {@link LoginThrottle} of the person's e-mail and the
 * {@link AddressLimits} of the client), so a stolen session cannot guess it. Each step keeps its own
 * transaction: a refused attempt stays counted.
 */
@Component
class PasswordChanges {

    /** What changed: when (the person's other browser sessions end), and how many API tokens were revoked. */
    record Changed(Instant at, int tokensRevoked) {}

    private final Accounts accounts;
    private final People people;
    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final AddressLimits addresses;
    private final SingleSignOn singleSignOn;

    PasswordChanges(
            Accounts accounts,
            People people,
            ApiTokens tokens,
            LoginThrottle throttle,
            AddressLimits addresses,
            SingleSignOn singleSignOn) {
        this.accounts = accounts;
        this.people = people;
        this.tokens = tokens;
        this.throttle = throttle;
        this.addresses = addresses;
        this.singleSignOn = singleSignOn;
    }

    /** Whether the caller may have a password at all: not when their organization signs in only through single sign-on. */
    boolean mayChange(Caller caller) {
        return singleSignOn.allowsPasswordSignIn(caller);
    }

    /**
     * Changes the caller's password: 403 in an organization that signs in only through single
     * sign-on, 429 while attempts must wait, 422 when the current password is wrong or the new one
     * is not acceptable. With {@code endTokens} every API token of the caller is revoked, the one
     * this request came with too.
     */
    Changed change(Caller caller, String current, String next, boolean endTokens, String address) {
        if (!mayChange(caller)) {
            throw ssoOnly();
        }
        String email = people.me(caller).getEmail();
        AddressLimits.Charge charge = addresses.charge(AddressLimits.Action.SIGN_IN, address);
        throttle.attempt(email);
        Instant at = accounts.changePassword(caller, current, next);
        throttle.succeeded(email);
        addresses.refund(charge);
        return new Changed(at, endTokens ? tokens.revokeAll(caller) : 0);
    }

    static ForbiddenException ssoOnly() {
        return new ForbiddenException("Your organization signs in through single sign-on: your password is kept by"
                + " its identity provider, so it cannot be set or reset in Kept.");
    }
}
