package dev.kept.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Something does not exist, or the caller may not see it: both answer the same way.
 */
public class NotFoundException extends ErrorResponseException {

    public NotFoundException(String what) {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "Not found", what + " was not found."), null);
    }
}
