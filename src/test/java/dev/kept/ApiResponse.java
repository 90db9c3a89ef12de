package dev.kept;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One answer of the server: status, headers and body, with the checks most tests need. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(body);
    }

    public String text(String field) {
        JsonNode value = json().get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    public UUID id() {
        return UUID.fromString(text("id"));
    }

    public MediaType contentType() {
        return headers.getContentType();
    }

    /** Asserts the status, with the whole answer in the failure message. */
    public ApiResponse expect(int expected) {
        assertThat(status).as("status of %s", this).isEqualTo(expected);
        return this;
    }

    /** Asserts an RFC 9457 problem document with this status, and returns it. */
    public JsonNode expectProblem(int expected) {
        expect(expected);
        assertThat(contentType())
                .as("content type of %s", this)
                .isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .isTrue());
        JsonNode problem = json();
        assertThat(problem.get("status").asInt()).isEqualTo(expected);
        assertThat(problem.get("title").asString()).isNotBlank();
        return problem;
    }

    /** The fields named in a problem's {@code errors} list. */
    public List<String> errorFields() {
        List<String> fields = new ArrayList<>();
        JsonNode errors = json().get("errors");
        if (errors != null) {
            errors.forEach(error -> fields.add(error.get("field").asString()));
        }
        return fields;
    }

    @Override
    public String toString() {
        return status + " " + headers.getContentType() + " " + body;
    }
}
