package dev.kept.web;

import dev.kept.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests no controller method answers (an unknown address, a wrong method) and, on pages, an id
 * that cannot exist: the API answers with a problem document, pages with the error page.
 */
@ControllerAdvice
class UnmatchedRequests {

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemDetail> unknownAddress(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return answer(request, response, HttpStatus.NOT_FOUND, "Not found", "There is nothing at this address.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(
            HttpRequestMethodNotSupportedException exception, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return answer(
                request,
                response,
                HttpStatus.METHOD_NOT_ALLOWED,
                "Method not allowed",
                request.getMethod() + " is not supported here; use " + exception.getSupportedHttpMethods() + ".");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void typeMismatch(MethodArgumentTypeMismatchException mismatch, HttpServletResponse response) throws IOException {
        boolean inPath = mismatch.getParameter().hasParameterAnnotation(PathVariable.class);
        response.sendError(inPath ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_BAD_REQUEST);
    }

    private static ResponseEntity<ProblemDetail> answer(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.sendError(status.value());
            return null;
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, title, detail));
    }
}
