package dev.kept.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Something existed but can no longer be used: an invitation link already used or expired. */
public class GoneException extends ErrorResponseException {

    public GoneException(String detail) {
        super(HttpStatus.GONE, Problems.of(HttpStatus.GONE, "Gone", detail), null);
    }
}
