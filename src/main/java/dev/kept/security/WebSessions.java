package dev.kept.security;

import dev.kept.people.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a person in to a browser session right after sign-up, accepting an invitation or single
 * sign-on; keeps a session signed in, under a new id, after its person changed their password.
 */
@Component
class WebSessions {

    private final SecurityContextRepository repository;
    private final PasswordStamp stamp;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    WebSessions(SecurityContextRepository repository, PasswordStamp stamp) {
        this.repository = repository;
        this.stamp = stamp;
    }

    void signIn(Caller caller, HttpServletRequest request, HttpServletResponse response) {
        // a new session id at every sign-in, so that a planted session id is worth nothing
        if (request.getSession(false) != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(SignIn.authenticated(caller));
        stamp.onAuthentication(context.getAuthentication(), request, response);
        contexts.setContext(context);
        repository.saveContext(context, request, response);
    }

    /** The password changed in this session: it goes on under a new id, while the person's others end. */
    void renewAfterPasswordChange(Instant passwordChangedAt, HttpServletRequest request) {
        request.changeSessionId();
        PasswordStamp.mark(request.getSession(), passwordChangedAt);
    }
}
