package dev.kept.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses form and query parameters that the database cannot store (the NUL character, which
 * PostgreSQL rejects in text) with a 400, before they reach a form and end as a server error. JSON
 * bodies are checked by {@link StorableText}.
 */
@Component
// after RequestBodyLimit: reading the parameters of a form post reads its body
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class StorableParameters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean storable = request.getParameterMap().values().stream()
                .flatMap(java.util.Arrays::stream)
                .allMatch(StorableText::isStorable);
        if (storable) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
                            + "\"detail\":\"A parameter contains the NUL character, which cannot be stored.\"}");
            return;
        }
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
