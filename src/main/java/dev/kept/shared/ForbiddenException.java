package dev.kept.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The caller is known and may see the thing, but may not do this to it (for example, not an admin). */
public class ForbiddenException extends ErrorResponseException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "Forbidden", detail), null);
    }
}
