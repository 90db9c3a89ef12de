package dev.kept.scim;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * SCIM bodies read and written with the SCIM library's own JSON mapper, never the application's:
 * a request body arrives as text, an answer leaves as text, always {@code application/scim+json}.
 */
final class ScimJson {

    static final String MEDIA_TYPE = "application/scim+json";
    static final MediaType SCIM = MediaType.parseMediaType(MEDIA_TYPE);

    private ScimJson() {}

    /** A request body as a JSON object: 400 ({@code invalidSyntax}) for anything else. */
    static ObjectNode object(String body) throws BadRequestException {
        JsonNode node = tree(body);
        if (!(node instanceof ObjectNode object)) {
            throw BadRequestException.invalidSyntax("The request body must be a JSON object.");
        }
        return object;
    }

    /** A request body as one of the library's messages: 400 ({@code invalidSyntax}) when it is not one. */
    static <T> T read(String body, Class<T> type) throws BadRequestException {
        return read(object(body), type);
    }

    /** A JSON object as one of the library's messages: 400 ({@code invalidSyntax}) when it is not one. */
    static <T> T read(ObjectNode node, Class<T> type) throws BadRequestException {
        try {
            return JsonUtils.nodeToValue(node, type);
        } catch (JacksonException | IllegalArgumentException wrong) {
            throw BadRequestException.invalidSyntax(
                    "The request body is not a valid " + type.getSimpleName() + ": " + firstLine(wrong.getMessage()));
        }
    }

    private static JsonNode tree(String body) throws BadRequestException {
        if (body == null || body.isBlank()) {
            throw BadRequestException.invalidSyntax("The request has no body.");
        }
        try {
            return JsonUtils.getObjectReader().readTree(body);
        } catch (IOException malformed) {
            throw BadRequestException.invalidSyntax("The request body is not well-formed JSON.");
        }
    }

    static ResponseEntity<String> ok(Object body) {
        return answer(HttpStatus.OK, body, null);
    }

    static ResponseEntity<String> created(Object body, URI location) {
        return answer(HttpStatus.CREATED, body, location);
    }

    static ResponseEntity<String> error(int status, String scimType, String detail) {
        ErrorResponse error = new ErrorResponse(status);
        error.setScimType(scimType);
        error.setDetail(detail);
        return answer(HttpStatus.valueOf(status), error, null);
    }

    static String write(Object body) {
        try {
            return JsonUtils.getObjectWriter().writeValueAsString(body);
        } catch (JacksonException e) {
            throw new IllegalStateException("A SCIM answer could not be written", e);
        }
    }

    private static ResponseEntity<String> answer(HttpStatus status, Object body, URI location) {
        var answer = ResponseEntity.status(status).contentType(SCIM);
        if (location != null) {
            answer.location(location);
        }
        return answer.body(write(body));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
