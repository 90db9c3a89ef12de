package dev.kept.people;

import dev.kept.shared.Problems;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON merge-patch body: an absent field stays as it is (null here), a field set to null
 * is cleared (an empty Optional), anything else is checked for its type and size.
 */
final class PatchReader {

    private final JsonNode body;

    PatchReader(JsonNode body, List<String> allowed) {
        if (body == null || !body.isObject()) {
            throw invalid(null, "the body must be a JSON object");
        }
        for (String name : body.propertyNames()) {
            if (!allowed.contains(name)) {
                throw invalid(
                        name, "is not a field that can be changed here (allowed: " + String.join(", ", allowed) + ")");
            }
        }
        this.body = body;
    }

    static PersonChanges personChanges(JsonNode body) {
        PatchReader reader = new PatchReader(body, List.of("managerId", "teamId", "region", "title", "role", "level"));
        Optional<String> role = reader.text("role", 16);
        Role newRole = null;
        if (role != null) {
            if (role.isEmpty()) {
                throw invalid("role", "must be MEMBER or ADMIN");
            }
            try {
                newRole = Role.valueOf(role.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("role", "must be MEMBER or ADMIN");
            }
            if (newRole == Role.GUEST) {
                throw invalid("role", "must be MEMBER or ADMIN");
            }
        }
        return new PersonChanges(
                reader.id("managerId"),
                reader.id("teamId"),
                reader.text("region", 80),
                reader.text("title", 120),
                newRole,
                reader.integer("level", 1, 20));
    }

    Optional<UUID> id(String field) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode value = body.get(field);
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw invalid(field, "must be an id (a UUID string) or null");
        }
        try {
            return Optional.of(UUID.fromString(value.asString()));
        } catch (IllegalArgumentException e) {
            throw invalid(field, "must be an id (a UUID string) or null");
        }
    }

    Optional<Integer> integer(String field, int min, int max) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode value = body.get(field);
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw invalid(field, "must be a whole number from " + min + " to " + max + ", or null");
        }
        return Optional.of(value.asInt());
    }

    Optional<String> text(String field, int maxLength) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode value = body.get(field);
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw invalid(field, "must be a string or null");
        }
        String text = value.asString().strip();
        if (text.indexOf('\0') >= 0) {
            // PostgreSQL cannot store it in a text column
            throw invalid(field, "must not contain the NUL character");
        }
        if (text.length() > maxLength) {
            throw invalid(field, "must be at most " + maxLength + " characters");
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    static ErrorResponseException invalid(String field, String message) {
        ProblemDetail problem =
                Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", field == null ? message : field + " " + message);
        if (field != null) {
            problem.setProperty("errors", List.of(java.util.Map.of("field", field, "message", message)));
        }
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
