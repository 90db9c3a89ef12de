package dev.kept.shared;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Something existed but can no longer be used: an invitation link already used or expired. */
public class GoneException extends ErrorResponseException {

    public GoneException(String detail) {
        super(HttpStatus.GONE, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, detail);
        problem.setTitle("Gone");
        return problem;
    }
}
