package dev.kept.scim;

import com.unboundid.scim2.common.exceptions.ScimException;
import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.RuleViolationException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every failure of a SCIM request as the SCIM error schema ({@code status}, {@code scimType},
 * {@code detail}), never a stack trace.
 */
@RestControllerAdvice(assignableTypes = {ScimUsers.class, ScimGroups.class, ScimDiscovery.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimErrors {

    private static final Logger log = LoggerFactory.getLogger(ScimErrors.class);
    private static final Set<String> UNIQUENESS = Set.of("EMAIL_TAKEN", "TEAM_NAME_TAKEN");

    @ExceptionHandler
    ResponseEntity<String> scim(ScimException e) {
        var error = e.getScimError();
        return ScimJson.error(error.getStatus(), error.getScimType(), error.getDetail());
    }

    @ExceptionHandler
    ResponseEntity<String> notFound(NotFoundException e) {
        return ScimJson.error(404, null, e.getBody().getDetail());
    }

    @ExceptionHandler
    ResponseEntity<String> conflict(ConflictException e) {
        Object reason = e.getBody().getProperties() == null
                ? null
                : e.getBody().getProperties().get("reason");
        return ScimJson.error(
                409,
                UNIQUENESS.contains(reason) ? "uniqueness" : null,
                e.getBody().getDetail());
    }

    @ExceptionHandler
    ResponseEntity<String> rule(RuleViolationException e) {
        return ScimJson.error(400, "invalidValue", e.detail());
    }

    @ExceptionHandler
    ResponseEntity<String> forbidden(ForbiddenException e) {
        return ScimJson.error(403, null, e.getBody().getDetail());
    }

    @ExceptionHandler
    ResponseEntity<String> unreadable(HttpMessageNotReadableException e) {
        return ScimJson.error(400, "invalidSyntax", "The request has no readable body.");
    }

    @ExceptionHandler
    ResponseEntity<String> missing(MissingServletRequestParameterException e) {
        return ScimJson.error(400, "invalidValue", "The parameter " + e.getParameterName() + " is missing.");
    }

    @ExceptionHandler
    ResponseEntity<String> wrongType(MethodArgumentTypeMismatchException e) {
        return ScimJson.error(400, "invalidValue", "The parameter " + e.getName() + " has a wrong value.");
    }

    @ExceptionHandler
    ResponseEntity<String> concurrent(OptimisticLockingFailureException e) {
        return ScimJson.error(409, null, "The resource changed at the same moment: send the request again.");
    }

    @ExceptionHandler
    ResponseEntity<String> unexpected(Exception e) {
        log.error("A SCIM request failed", e);
        return ScimJson.error(500, null, "The request could not be completed.");
    }
}
