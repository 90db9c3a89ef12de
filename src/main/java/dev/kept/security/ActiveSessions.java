package dev.kept.security;

import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session at its next request once its person was deactivated (or no longer exists),
 * or changed or reset their password since the session signed in ({@link PasswordStamp}):
 * the session holds who signed in, not whether they still may, so it is asked again on every
 * request that carries one. The request then goes on as anonymous, and the sign-in page follows.
 */
class ActiveSessions extends OncePerRequestFilter {

    private final Accounts accounts;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ActiveSessions(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Static files show nothing of anyone: a page's styles and scripts do not read the person again. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.startsWith("/favicon.");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Authentication signedIn = contexts.getContext().getAuthentication();
            if (signedIn != null
                    && signedIn.getPrincipal() instanceof Caller caller
                    && accounts.sessionEnded(caller.organizationId(), caller.personId(), PasswordStamp.of(session))) {
                session.invalidate();
                contexts.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
