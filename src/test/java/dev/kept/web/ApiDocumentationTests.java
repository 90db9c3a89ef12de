package dev.kept.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description at {@code /v3/api-docs}, read the way a client generator reads it: every
 * error an operation can answer is listed as {@code application/problem+json} in the one
 * {@code Problem} schema, and what it says about tokens holds against the running server.
 */
@KeptApiTest
class ApiDocumentationTests {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired
    ApiFixtures api;

    private JsonNode description;

    /** One operation of the description. */
    record Op(String method, String path, JsonNode node) {

        @Override
        public String toString() {
            return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
        }

        boolean secured(JsonNode description) {
            JsonNode security = node.has("security") ? node.get("security") : description.get("security");
            return security != null && !security.isEmpty();
        }

        boolean hasBody() {
            return node.has("requestBody");
        }

        boolean hasQueryParameters() {
            return parameters().stream().anyMatch(p -> p.get("in").asString().equals("query"));
        }

        boolean hasPathVariable() {
            return path.contains("{");
        }

        boolean documents(int status) {
            return node.path("responses").has(Integer.toString(status));
        }

        private List<JsonNode> parameters() {
            List<JsonNode> parameters = new ArrayList<>();
            node.path("parameters").forEach(parameters::add);
            return parameters;
        }
    }

    @BeforeEach
    void readTheDescription() {
        description = api.get(null, "/v3/api-docs").expect(200).json();
    }

    private List<Op> operations() {
        List<Op> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : description.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                operations.add(new Op(method.getKey(), path.getKey(), method.getValue()));
            }
        }
        assertThat(operations).hasSizeGreaterThan(100);
        return operations;
    }

    @Test
    void everyErrorOfEveryOperationIsAProblemDocument() {
        assertSoftly(softly -> {
            for (Op op : operations()) {
                JsonNode responses = op.node().get("responses");
                softly.assertThat(responses.propertyNames())
                        .as("%s answers success", op)
                        .anyMatch(code -> code.startsWith("2"));
                softly.assertThat(responses.propertyNames())
                        .as("%s lists its errors", op)
                        .anyMatch(code -> code.startsWith("4"));
                for (Map.Entry<String, JsonNode> response : responses.properties()) {
                    if (response.getKey().startsWith("2")) {
                        continue;
                    }
                    JsonNode content = response.getValue().get("content");
                    softly.assertThat(content.propertyNames())
                            .as("%s %s", op, response.getKey())
                            .containsExactly("application/problem+json");
                    softly.assertThat(content.at("/application~1problem+json/schema/$ref")
                                    .asString())
                            .as("%s %s", op, response.getKey())
                            .isEqualTo("#/components/schemas/Problem");
                    softly.assertThat(response.getValue().path("description").asString())
                            .as("%s %s", op, response.getKey())
                            .isNotBlank();
                }
            }
        });
    }

    @Test
    void everyOperationListsTheErrorsItsShapeCanAnswer() {
        assertSoftly(softly -> {
            for (Op op : operations()) {
                if (op.secured(description)) {
                    softly.assertThat(op.documents(401)).as("%s 401", op).isTrue();
                }
                if (op.secured(description) && WRITES.contains(op.method())) {
                    softly.assertThat(op.documents(403)).as("%s 403", op).isTrue();
                }
                if (op.hasPathVariable()) {
                    softly.assertThat(op.documents(404)).as("%s 404", op).isTrue();
                }
                if (op.hasQueryParameters()) {
                    softly.assertThat(op.documents(400)).as("%s 400", op).isTrue();
                }
                if (op.hasBody()) {
                    for (int status : new int[] {400, 413, 422}) {
                        softly.assertThat(op.documents(status))
                                .as("%s %d", op, status)
                                .isTrue();
                    }
                }
                if (!op.hasBody() && !op.hasQueryParameters()) {
                    softly.assertThat(op.documents(400))
                            .as("%s takes nothing to be malformed", op)
                            .isFalse();
                }
            }
        });
    }

    @Test
    void signUpAndTokenCreationNeedNoTokenAndMaySlowTheCallerDown() {
        List<String> open = operations().stream()
                .filter(op -> !op.secured(description))
                .map(Op::toString)
                .toList();
        assertThat(open)
                .containsExactlyInAnyOrder(
                        "POST /api/v1/signup",
                        "POST /api/v1/tokens",
                        "POST /api/v1/invitations/{token}",
                        "POST /api/v1/password-resets",
                        "POST /api/v1/password-resets/{token}");

        JsonNode signUp = description.at("/paths/~1api~1v1~1signup/post/responses");
        JsonNode tokens = description.at("/paths/~1api~1v1~1tokens/post/responses");
        JsonNode resets = description.at("/paths/~1api~1v1~1password-resets/post/responses");
        for (JsonNode responses : List.of(signUp, tokens, resets)) {
            assertThat(responses.at("/429/headers/Retry-After/schema/type").asString())
                    .isEqualTo("integer");
        }
        assertThat(signUp.has("401")).isFalse();
        assertThat(tokens.at("/401/description").asString()).contains("password is wrong");
        assertThat(description
                        .at("/paths/~1api~1v1~1invitations~1{token}/post/responses/410/description")
                        .asString())
                .contains("expired");
    }

    @Test
    void whatTheDescriptionSaysAboutTokensHoldsOnTheServer() {
        assertSoftly(softly -> {
            for (Op op : operations()) {
                ApiResponse answer = api.send(
                        HttpMethod.valueOf(op.method().toUpperCase(java.util.Locale.ROOT)),
                        null,
                        concrete(op.path()),
                        op.hasBody() ? "{}" : null);
                if (op.secured(description)) {
                    softly.assertThat(answer.status())
                            .as("%s without a token", op)
                            .isEqualTo(401);
                    softly.assertThat(answer.contentType().toString())
                            .as("%s without a token", op)
                            .startsWith("application/problem+json");
                } else {
                    softly.assertThat(answer.status())
                            .as("%s without a token", op)
                            .isNotEqualTo(401);
                    softly.assertThat(op.documents(answer.status()))
                            .as("%s answered %d, which it documents", op, answer.status())
                            .isTrue();
                }
            }
        });
    }

    @Test
    void theProblemSchemaHasEveryPropertyTheApiAnswersWith() {
        JsonNode problem = description.at("/components/schemas/Problem");
        assertThat(problem.get("properties").propertyNames())
                .containsExactlyInAnyOrder(
                        "type", "title", "status", "detail", "instance", "errors", "reason", "field");
        Set<String> errorProperties =
                new HashSet<>(problem.at("/properties/errors/items/properties").propertyNames());

        Account admin = api.signUp();
        Account dana = api.join(admin);
        Account lee = api.join(admin);
        UUID partnership = api.partnership(dana, lee, "PEER");
        Map<String, Object> schedule = new java.util.HashMap<>(Map.of(
                "cadence", "WEEKLY",
                "weekday", "TUESDAY",
                "time", "09:00",
                "timeZone", "Mars/Olympus",
                "durationMinutes", 30));
        String terms = "/api/v1/partnerships/" + partnership + "/schedule";
        List<ApiResponse> problems = new ArrayList<>();
        problems.add(api.get(null, "/api/v1/me").expect(401));
        problems.add(api.get("kept_unknown", "/api/v1/me").expect(401));
        problems.add(api.post(null, "/api/v1/signup", Map.of()).expect(400));
        problems.add(api.get(dana.token(), "/api/v1/commitments/" + UUID.randomUUID())
                .expect(404));
        problems.add(api.post(lee.token(), terms + "/accept", Map.of()).expect(409));
        ApiResponse broken =
                api.send(HttpMethod.PUT, dana.token(), terms, schedule).expect(422);
        problems.add(broken);
        schedule.put("timeZone", "Europe/Berlin");
        api.send(HttpMethod.PUT, dana.token(), terms, schedule).expect(200);
        problems.add(api.post(dana.token(), terms + "/accept", Map.of()).expect(403));

        assertSoftly(softly -> {
            for (ApiResponse answer : problems) {
                JsonNode body = answer.json();
                softly.assertThat(answer.contentType().toString()).startsWith("application/problem+json");
                softly.assertThat(body.propertyNames())
                        .as(answer.body())
                        .isSubsetOf(problem.get("properties").propertyNames());
                softly.assertThat(body.propertyNames()).as(answer.body()).contains("title", "status");
                body.path("errors")
                        .forEach(error -> softly.assertThat(error.propertyNames())
                                .as(answer.body())
                                .isSubsetOf(errorProperties));
            }
        });
        assertThat(broken.json().get("reason").asString()).isEqualTo("TIME_ZONE");
        assertThat(broken.json().get("field").asString()).isEqualTo("timeZone");
        assertThat(problems.get(2).json().get("errors")).isNotEmpty();
    }

    /** The path with each variable filled in: a number for a number, an id for anything else. */
    private static String concrete(String path) {
        Matcher variables = PATH_VARIABLE.matcher(path);
        StringBuilder concrete = new StringBuilder();
        while (variables.find()) {
            variables.appendReplacement(
                    concrete,
                    variables.group(1).equals("number")
                            ? "1"
                            : UUID.randomUUID().toString());
        }
        return variables.appendTail(concrete).toString();
    }
}
