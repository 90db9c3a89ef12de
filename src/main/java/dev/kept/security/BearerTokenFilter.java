package dev.kept.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests that carry a personal API token as a bearer token. An unknown,
 * expired or revoked token answers 401, all three alike; a read-only token answers 403 to anything
 * but GET and HEAD.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ProblemResponses problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var use = tokens.authenticate(header.substring(7).strip());
        if (use.isEmpty()) {
            problems.unauthorized(response, "This API token is unknown, expired or revoked.");
            return;
        }
        if (use.get().scope() == TokenScope.READ_ONLY && !reads(request)) {
            problems.forbidden(
                    response,
                    "This API token is read-only (GET and HEAD): create a read-write token to change anything.");
            return;
        }
        var context = contexts.createEmptyContext();
        context.setAuthentication(SignIn.authenticated(use.get().caller()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    private static boolean reads(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
    }
}
