package dev.kept.web;

import dev.kept.shared.Answers;
import dev.kept.shared.NeverAnswers;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description served at {@code /v3/api-docs}: the API, how clients authenticate, and
 * the errors each operation can answer, all as {@code application/problem+json} in one
 * {@code Problem} schema.
 *
 * <p>The errors follow from an operation's shape, by these rules: 400 when it takes query
 * parameters or a body; 401 when it needs a token (all but those marked
 * {@code @SecurityRequirements} with none); 403 on every write that needs a token (a read-only
 * token is refused); 404 when its path, a query parameter or its body names something by id; 409
 * on every write on a path id (the thing may be closed, answered or changed at the same time);
 * 413 and 422 when it takes a body (too large; a rule of Kept broken); 429 with
 * {@code Retry-After} wherever an operation declares it. Where an operation, or every operation of
 * a controller, answers more or says more precisely when, it declares so with {@link Answers};
 * where it answers less, with {@link NeverAnswers}.
 */
@Configuration
class ApiDocumentation {

    static final String PROBLEM = "Problem";

    private static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<Integer, String> GENERAL = Map.of(
            400,
                    "The request is malformed or fails validation: a wrong type, or a missing or too long field"
                            + " (listed under errors)",
            401, "No API token was sent, or it is unknown, expired or revoked",
            403, "The caller may not do this: for example a read-only token, or a caller who is not an admin",
            404, "There is nothing at this address, or nothing the caller may see: both answer the same",
            409,
                    "The request does not fit the current state: it is closed or already answered, or it was changed"
                            + " at the same time (reload and try again)",
            413, "The request body is larger than the server accepts",
            422,
                    "The request is well formed but breaks a rule of Kept: reason names the rule, field the field"
                            + " to blame",
            429, "Too many attempts: try again after the seconds in Retry-After");

    @Bean
    OpenAPI keptApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Kept API")
                        .version("v1")
                        .description("Clear commitments, shared with the people who hold you to them. Errors are"
                                + " application/problem+json (RFC 9457). Authenticate with a personal API token"
                                + " from POST /api/v1/tokens. Every list is paginated the same way: limit (1 to "
                                + Page.MOST
                                + ", " + Page.DEFAULT + " unless given), an opaque cursor, and the next page's"
                                + " address in the answer's next and in a Link header.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A personal API token: kept_..."))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    /** The errors of every operation, by the rules above. */
    @Bean
    OperationCustomizer errorResponses() {
        return ApiDocumentation::document;
    }

    static Operation document(Operation operation, HandlerMethod handler) {
        Shape shape = Shape.of(handler);
        Map<Integer, String> errors = new TreeMap<>();
        shape.errors().forEach(status -> errors.put(status, GENERAL.get(status)));
        for (Answers answers :
                AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getBeanType(), Answers.class)) {
            errors.put(answers.status(), answers.description());
        }
        for (Answers answers :
                AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), Answers.class)) {
            errors.put(answers.status(), answers.description());
        }
        shape.never().forEach(errors::remove);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        errors.forEach((status, description) ->
                responses.addApiResponse(Integer.toString(status), new ApiResponse().description(description)));
        responses.forEach((code, response) -> {
            if (isError(code)) {
                response.setContent(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                if (code.equals("429")) {
                    response.addHeaderObject(
                            HttpHeaders.RETRY_AFTER,
                            new Header()
                                    .description("Seconds to wait before trying again")
                                    .schema(new IntegerSchema()));
                }
            }
        });
        if (!shape.secured()) {
            operation.setSecurity(new ArrayList<>());
        }
        if (PageAnswer.class.isAssignableFrom(answered(handler))) {
            documentPaging(operation, responses);
        }
        return operation.responses(responses);
    }

    /** What an operation answers, seen through a {@code ResponseEntity}. */
    private static Class<?> answered(HandlerMethod handler) {
        MethodParameter returned = handler.getReturnType();
        if (returned.getParameterType() == org.springframework.http.ResponseEntity.class) {
            return returned.nested().getNestedParameterType();
        }
        return returned.getParameterType();
    }

    /** Every paginated list says the same about its paging: once, here. */
    private static void documentPaging(Operation operation, ApiResponses responses) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> {
                if ("limit".equals(parameter.getName())) {
                    parameter.description("How many items one page holds: 1 to " + Page.MOST + ", " + Page.DEFAULT
                            + " when not given (clients that send none get the first page)");
                    parameter.schema(new IntegerSchema()
                            .minimum(java.math.BigDecimal.ONE)
                            .maximum(java.math.BigDecimal.valueOf(Page.MOST))
                            ._default(Page.DEFAULT));
                } else if ("cursor".equals(parameter.getName())) {
                    parameter.description("Where the page starts: take it from the previous page's next address,"
                            + " never build it; one this list did not give out answers 400");
                }
            });
        }
        ApiResponse ok = responses.get("200");
        if (ok != null) {
            ok.description(PAGED);
            ok.addHeaderObject(
                    HttpHeaders.LINK,
                    new Header()
                            .description("<address of the next page>; rel=\"next\", absent on the last page")
                            .schema(new StringSchema()));
        }
    }

    static final String PAGED = "A page of the list: items in the list's order, and next, the address of the"
            + " following page (null on the last one), also in the Link header. Keyset pagination: a page"
            + " never repeats or skips an item when others are added meanwhile.";

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    /** What an operation's handler takes, which decides the errors it can answer. */
    private record Shape(
            boolean secured,
            boolean write,
            boolean pathId,
            boolean queryParameters,
            boolean body,
            boolean namesIds,
            Set<Integer> never) {

        static Shape of(HandlerMethod handler) {
            RequestMapping mapping =
                    AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
            boolean write = mapping != null
                    && Arrays.stream(mapping.method())
                            .anyMatch(method -> method != RequestMethod.GET && method != RequestMethod.HEAD);
            boolean pathId = false;
            boolean query = false;
            boolean body = false;
            boolean ids = false;
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(PathVariable.class)) {
                    pathId = true;
                } else if (parameter.hasParameterAnnotation(RequestParam.class)) {
                    query = true;
                    ids |= parameter.getParameterType() == UUID.class;
                } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    body = true;
                    ids |= namesIds(parameter.getParameterType());
                }
            }
            NeverAnswers never = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), NeverAnswers.class);
            Set<Integer> excluded = new TreeSet<>();
            if (never != null) {
                Arrays.stream(never.value()).forEach(excluded::add);
            }
            // operations that need no token say so with @SecurityRequirements and none in it
            SecurityRequirements requirements =
                    AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), SecurityRequirements.class);
            boolean secured = requirements == null || requirements.value().length > 0;
            return new Shape(secured, write, pathId, query, body, ids, excluded);
        }

        List<Integer> errors() {
            List<Integer> errors = new ArrayList<>();
            if (queryParameters || body) {
                errors.add(400);
            }
            if (secured) {
                errors.add(401);
            }
            if (secured && write) {
                errors.add(403);
            }
            if (pathId || namesIds) {
                errors.add(404);
            }
            if (write && pathId) {
                errors.add(409);
            }
            if (body) {
                errors.add(413);
                errors.add(422);
            }
            return errors;
        }

        /** Whether a body of this type names other things by id (an id, or a list of ids). */
        private static boolean namesIds(Class<?> type) {
            if (type.isRecord()) {
                return Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getGenericType)
                        .anyMatch(Shape::isIdOrIds);
            }
            return Arrays.stream(type.getDeclaredFields())
                    .map(Field::getGenericType)
                    .anyMatch(Shape::isIdOrIds);
        }

        private static boolean isIdOrIds(Type type) {
            if (type == UUID.class) {
                return true;
            }
            return type instanceof ParameterizedType generic
                    && generic.getRawType() instanceof Class<?> raw
                    && Collection.class.isAssignableFrom(raw)
                    && Arrays.asList(generic.getActualTypeArguments()).contains(UUID.class);
        }
    }

    /**
     * The problem document (RFC 9457) every error is: Spring's {@code ProblemDetail} with the
     * properties Kept adds, {@code errors} (from validation) and {@code reason} and {@code field}
     * (from a broken rule).
     */
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                new StringSchema()
                        .format("uri-reference")
                        .description("Identifies the kind of problem; about:blank when the status says it all"));
        properties.put("title", new StringSchema().description("A short summary of the kind of problem"));
        properties.put("status", new IntegerSchema().description("The HTTP status"));
        properties.put("detail", new StringSchema().description("What went wrong with this request, for people"));
        properties.put(
                "instance", new StringSchema().format("uri-reference").description("The request the problem is about"));
        properties.put(
                "errors",
                new ArraySchema()
                        .items(new ObjectSchema()
                                .addProperty(
                                        "field",
                                        new StringSchema()
                                                .description("The field, parameter or JSON path to blame;"
                                                        + " absent when the whole request is"))
                                .addProperty("message", new StringSchema().description("What is wrong with it")))
                        .description("Each invalid field of a 400, or the field to blame for a broken rule (422)"));
        properties.put(
                "reason",
                new StringSchema()
                        .description("A 422's broken rule, stable for programs to match, such as TIME_ZONE"
                                + " or NOT_ELIGIBLE"));
        properties.put("field", new StringSchema().description("A 422's field to blame, when there is one"));
        return new ObjectSchema()
                .description("An error, as an RFC 9457 problem document")
                .properties(properties)
                .required(List.of("title", "status"));
    }
}
