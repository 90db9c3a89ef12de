package dev.kept.web;

import dev.kept.shared.Problems;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.ConstraintViolationException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the API as an RFC 9457 problem document: field errors listed under
 * {@code errors}, malformed JSON and wrong types explained, a malformed id in a path answered
 * like an unknown one (404), and anything unexpected logged and answered without details.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final HttpProperties http;

    ApiProblems(HttpProperties http) {
        this.http = http;
    }

    record FieldProblem(String field, String message) {}

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(e -> errors.add(new FieldProblem(null, e.getDefaultMessage())));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(new FieldProblem(name, error.getDefaultMessage()));
            }
        });
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestBodyLimit.isTooLarge(ex)) {
            return tooLarge();
        }
        Throwable cause = ex.getMostSpecificCause();
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof DatabindException) {
                cause = t;
                break;
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = unknown.getPropertyName();
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "Unknown field '" + field + "'.",
                    List.of(new FieldProblem(field, "is not a known field")));
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getValue() instanceof Temporal) {
            // parsed, but out of the range StorableValues accepts
            String field = path(invalid);
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "'" + field + "' " + invalid.getOriginalMessage() + ".",
                    List.of(new FieldProblem(field, invalid.getOriginalMessage())));
        }
        if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            String expected = expected(invalid.getTargetType());
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "'" + field + "' must be " + expected + ".",
                    List.of(new FieldProblem(field, "must be " + expected)));
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String expected =
                    mismatch.getTargetType() == null ? "another type" : describeType(mismatch.getTargetType());
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "'" + field + "' has the wrong type: expected " + expected + ".",
                    List.of(new FieldProblem(field, "expected " + expected)));
        }
        if (cause instanceof InputCoercionException tooBig && !tooBig.getPath().isEmpty()) {
            // valid JSON whose number does not fit the field (a whole number past the integers)
            String field = path(tooBig);
            String expected = expected(tooBig.getTargetType());
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "'" + field + "' must be " + expected + " in range.",
                    List.of(new FieldProblem(field, "must be " + expected + " in range")));
        }
        if (cause instanceof DatabindException || cause instanceof JacksonException) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed JSON", "The request body is not valid JSON.", null);
        }
        return problem(
                HttpStatus.BAD_REQUEST, "Malformed request", "The request body is missing or not valid JSON.", null);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName();
        if (ex instanceof MethodArgumentTypeMismatchException argument) {
            name = argument.getName();
            if (argument.getParameter()
                    .hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
                // an id that cannot exist answers like one that does not
                return problem(HttpStatus.NOT_FOUND, "Not found", "There is nothing at this address.", null);
            }
        }
        String expected = expected(ex.getRequiredType());
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof StorableValues.OutOfRangeException outOfRange) {
                expected += " " + outOfRange.getMessage().replaceFirst("^must be ", "");
                break;
            }
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                "'" + name + "' must be " + expected + ".",
                List.of(new FieldProblem(name, "must be " + expected)));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> {
                    String path = v.getPropertyPath().toString();
                    return new FieldProblem(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
                })
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors);
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<Object> ruleViolation(RuleViolationException ex) {
        ProblemDetail body = ex.getBody();
        if (ex.field() != null) {
            body.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.detail())));
        }
        return ResponseEntity.status(ex.getStatusCode()).body(body);
    }

    /** A header the firewall refuses is only checked when read, so the refusal can reach a controller. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", "The request is malformed.", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        if (RequestBodyLimit.isTooLarge(ex)) {
            return tooLarge();
        }
        log.error("Unexpected error answering an API request", ex);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "Something went wrong on our side. Nothing was changed; try again later.",
                null);
    }

    private ResponseEntity<Object> tooLarge() {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .header(HttpHeaders.CONNECTION, "close")
                .body(Problems.of(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "Request body too large",
                        "The request body is larger than " + http.describedMaxRequestBody() + "."));
    }

    private static ResponseEntity<Object> problem(
            HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = Problems.of(status, title, detail);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(problem);
    }

    private static String describe(List<FieldProblem> errors) {
        if (errors.isEmpty()) {
            return "The request is not valid.";
        }
        return errors.stream()
                        .map(e -> e.field() == null ? e.message() : e.field() + " " + e.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("")
                + ".";
    }

    private static String path(JacksonException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("body");
    }

    private static String expected(Class<?> target) {
        if (target != null && target.isEnum()) {
            return "one of " + Arrays.toString(target.getEnumConstants());
        }
        return "a valid " + (target == null ? "value" : describeType(target));
    }

    private static String describeType(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "id (UUID)";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "instant (2026-11-23T09:00:00Z)";
            case "LocalDateTime" -> "date and time (2026-11-23T09:00)";
            case "Double", "double", "Float", "float" -> "number";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "string";
            default -> type.getSimpleName();
        };
    }
}
