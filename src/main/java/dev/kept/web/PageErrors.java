package dev.kept.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** On pages, an address with an id that cannot exist shows the same "not found" page as an unknown id. */
@ControllerAdvice
class PageErrors {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void typeMismatch(MethodArgumentTypeMismatchException mismatch, HttpServletResponse response) throws IOException {
        boolean inPath = mismatch.getParameter().hasParameterAnnotation(PathVariable.class);
        response.sendError(inPath ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_BAD_REQUEST);
    }
}
