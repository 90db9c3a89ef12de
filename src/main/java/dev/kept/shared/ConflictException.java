package dev.kept.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The request does not fit the current state: a stale version, or an action on something closed.
 */
public class ConflictException extends ErrorResponseException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "Conflict", detail), null);
    }

    /** A conflict with a machine-readable {@code reason}, for a client that acts on it. */
    public ConflictException(String reason, String detail) {
        this(detail);
        getBody().setProperty("reason", reason);
    }
}
