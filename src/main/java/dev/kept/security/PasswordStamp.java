package dev.kept.security;

import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.stereotype.Component;

/**
 * What a browser session remembers of its person's password: when it last changed, as the session
 * signed in. Once it changes again (a change elsewhere, a reset), {@link ActiveSessions} ends the
 * session at its next request. A session without the mark signed in before any change.
 */
@Component
class PasswordStamp implements SessionAuthenticationStrategy {

    private static final String ATTRIBUTE = PasswordStamp.class.getName();

    private final Accounts accounts;

    PasswordStamp(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The sign-in form: the session is marked as it signs in. */
    @Override
    public void onAuthentication(
            Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        if (authentication.getPrincipal() instanceof Caller caller) {
            mark(request.getSession(), accounts.passwordChangedAt(caller.organizationId(), caller.personId()));
        }
    }

    static void mark(HttpSession session, Instant passwordChangedAt) {
        if (passwordChangedAt == null) {
            session.removeAttribute(ATTRIBUTE);
        } else {
            session.setAttribute(ATTRIBUTE, passwordChangedAt);
        }
    }

    /** When the password had last changed as this session signed in; null when never. */
    static Instant of(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof Instant at ? at : null;
    }
}
