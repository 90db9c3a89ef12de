package dev.kept.insights;

import dev.kept.shared.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A study's period that cannot be read or is out of bounds: 400, naming the field to blame. */
public class BadPeriodException extends ErrorResponseException {

    private final String field;
    private final String why;

    BadPeriodException(String field, String why) {
        super(HttpStatus.BAD_REQUEST, problem(field, why), null);
        this.field = field;
        this.why = why;
    }

    public String field() {
        return field;
    }

    /** What is wrong, for a page: "'to' must not be before from (2026-01-01)." */
    public String detail() {
        return "'" + field + "' " + why + ".";
    }

    private static ProblemDetail problem(String field, String why) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", "'" + field + "' " + why + ".");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", why)));
        return problem;
    }
}
