package dev.kept.shared;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A cursor that is not one this list gave out (forged, of another list, or cut short): 400, naming
 * the field. Pages catch it and start the list over.
 */
public class BadCursorException extends ErrorResponseException {

    private static final String WHY = "is not a cursor this list gave out: start again without it";

    public BadCursorException() {
        super(HttpStatus.BAD_REQUEST, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", "'cursor' " + WHY + ".");
        problem.setProperty("errors", List.of(Map.of("field", "cursor", "message", WHY)));
        return problem;
    }
}
