package dev.kept.security;

import dev.kept.shared.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.Errors;
import org.springframework.web.ErrorResponseException;

/** A new token's expiry asked for in a way Kept does not offer (400, the field named). */
class TokenChoiceException extends ErrorResponseException {

    private final String field;
    private final String code;
    private final String message;

    TokenChoiceException(String field, String code, String message) {
        super(HttpStatus.BAD_REQUEST, problem(field, message), null);
        this.field = field;
        this.code = code;
        this.message = message;
    }

    /** Shows it on a form with a field of the same name, in the words of {@code messages.properties}. */
    void rejectOn(Errors errors) {
        errors.rejectValue(field, code, message);
    }

    private static ProblemDetail problem(String field, String message) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", field + " " + message + ".");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
