package dev.kept.security;

import dev.kept.people.Caller;
import dev.kept.people.PasswordResets;
import dev.kept.sso.SingleSignOn;
import org.springframework.stereotype.Component;

/**
 * Someone who forgot their password asks for a link by e-mail. The answer is the same whether or
 * not the address has an account: the same work is done before any account is looked up, the
 * request is counted per e-mail ({@link LoginThrottle}) and per client address
 * ({@link AddressLimits}) either way, and the mail goes out later, from the outbox. A deactivated
 * person, someone who never chose a password, and a member of an organization that signs in only
 * through single sign-on are sent nothing.
 */
@Component
class PasswordResetLinks {

    /** What the page and the API answer to every request that was not refused. */
    static final String SENT = "If an account of Kept uses this address, a link to choose a new password is on its"
            + " way there. It works once, for an hour.";

    private final PasswordResets resets;
    private final LoginThrottle throttle;
    private final AddressLimits addresses;
    private final SingleSignOn singleSignOn;

    PasswordResetLinks(
            PasswordResets resets, LoginThrottle throttle, AddressLimits addresses, SingleSignOn singleSignOn) {
        this.resets = resets;
        this.throttle = throttle;
        this.addresses = addresses;
        this.singleSignOn = singleSignOn;
    }

    /** Sends a link to each account with this e-mail that may have a password; 429 while requests must wait. */
    void request(String email, String address) {
        addresses.charge(AddressLimits.Action.PASSWORD_RESET, address);
        throttle.attemptReset(email);
        for (Caller account : resets.activeAccounts(email)) {
            if (singleSignOn.allowsPasswordSignIn(account)) {
                resets.send(account);
            }
        }
    }

    /** Checks a link: 404 unknown, 410 used or expired, 403 when the account signs in only through single sign-on. */
    Caller check(String token) {
        Caller account = resets.account(token);
        if (!singleSignOn.allowsPasswordSignIn(account)) {
            throw PasswordChanges.ssoOnly();
        }
        return account;
    }

    /** Sets the new password through the link (422 when not acceptable); every session of the person ends. */
    void reset(String token, String password) {
        check(token);
        resets.reset(token, password);
    }
}
