package dev.kept.security;

import dev.kept.shared.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/** Writes the API's authentication failures as problem documents, like every other API error. */
@Component
class ProblemResponses {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint entryPoint() {
        return (request, response, exception) -> write(
                response,
                HttpStatus.UNAUTHORIZED,
                "Unauthorized",
                "Send a personal API token as 'Authorization: Bearer <token>' (create one with POST /api/v1/tokens).");
    }

    AccessDeniedHandler accessDenied() {
        return (request, response, exception) ->
                write(response, HttpStatus.FORBIDDEN, "Forbidden", "You may not do this.");
    }

    /**
     * The firewall's refusals (a path with "..", ";", "//" or an encoded percent, a header it does
     * not allow): a problem document on the API, the error page elsewhere.
     */
    RequestRejectedHandler rejected() {
        return (request, response, exception) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                write(response, HttpStatus.BAD_REQUEST, "Malformed request", "The request is malformed.");
            } else {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            }
        };
    }

    void unauthorized(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }

    static ErrorResponseException wrongCredentials() {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "E-mail or password is wrong.");
        problem.setTitle("Unauthorized");
        return new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
    }

    void forbidden(HttpServletResponse response, String detail) throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = Problems.of(status, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
