package dev.kept.shared;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.Errors;
import org.springframework.web.ErrorResponseException;

/**
 * Well-formed input that breaks a rule of the domain (422). It names a machine-readable
 * {@code reason} and, when one field is to blame, that field.
 */
public class RuleViolationException extends ErrorResponseException {

    private final String reason;
    private final String field;

    public RuleViolationException(String reason, String field, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(reason, field, detail), null);
        this.reason = reason;
        this.field = field;
    }

    public String reason() {
        return reason;
    }

    /** The form field to blame, or null when the rule concerns the whole request. */
    public String field() {
        return field;
    }

    /** Shows the broken rule on a form: at its field, or for the whole form when no field is to blame. */
    public void rejectOn(Errors errors) {
        if (field == null) {
            errors.reject(reason, detail());
        } else {
            errors.rejectValue(field, reason, detail());
        }
    }

    public String detail() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(String reason, String field, String detail) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Rule broken", detail);
        problem.setProperty("reason", reason);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
