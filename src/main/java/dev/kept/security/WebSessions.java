package dev.kept.security;

import dev.kept.people.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs a person in to a browser session right after sign-up or accepting an invitation. */
@Component
class WebSessions {

    private final SecurityContextRepository repository;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    WebSessions(SecurityContextRepository repository) {
        this.repository = repository;
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
        contexts.setContext(context);
        repository.saveContext(context, request, response);
    }
}
