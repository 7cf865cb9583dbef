package io.coupons.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Describes on every operation the error answers the platform gives whatever the endpoint, each
 * with the one problem body ({@link ProblemResponses}), so a new endpoint is described right from
 * its first line: 400 (unreadable body, bad parameter), 401, 403, 404 where the path names
 * something, 406, 415 where a body is read, 409 and 422 for commands, 500. What only one operation
 * answers (201 with Location, 202, 409 codes, 429) its controller declares with {@code @ApiResponse};
 * every 4xx/5xx declared without content gets the problem body here too.
 */
public class ProblemDocumentation implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    /** The one operation every logged-in user may call, whatever the role: it cannot answer 403. */
    private static final Set<String> ANY_ROLE = Set.of("/api/me");

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents().addSchemas("FieldViolation", fieldViolation()).addSchemas(PROBLEM, problem());
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describeErrors(path, method, operation)));
        }
    }

    private static void describeErrors(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        boolean command = method != PathItem.HttpMethod.GET;
        add(responses, "400", operation.getRequestBody() != null
                ? "MALFORMED_BODY: the body is not JSON, names an unknown field or has a value of the wrong type; "
                + "INVALID_PARAMETER: a path or query parameter is not valid. errors names the field."
                : "INVALID_PARAMETER: a path or query parameter is not valid; errors names it.");
        responses.computeIfAbsent("401", code -> new ApiResponse()
                .description("UNAUTHENTICATED: credentials are missing or wrong.")
                .addHeaderObject("WWW-Authenticate", new Header().schema(new StringSchema())));
        if (!ANY_ROLE.contains(path)) {
            add(responses, "403", "FORBIDDEN: your role may not do this.");
        }
        if (path.contains("{")) {
            add(responses, "404", "NOT_FOUND: nothing is known by this path's id or code.");
        }
        add(responses, "406", "NOT_ACCEPTABLE: the Accept header allows none of the media types answered here.");
        if (operation.getRequestBody() != null) {
            add(responses, "415", "UNSUPPORTED_MEDIA_TYPE: send the body as application/json.");
        }
        if (command) {
            add(responses, "409", "CONCURRENT_MODIFICATION: someone else changed this resource at the same moment; "
                    + "read it again and retry.");
            add(responses, "422", "INVALID_FIELDS: the request breaks a rule; errors lists every violation.");
        }
        add(responses, "500", "INTERNAL_ERROR: a failure on our side; nothing was changed by this request.");
        responses.forEach((code, response) -> {
            if (code.charAt(0) >= '4' && !describesProblem(response.getContent())) {
                response.setContent(new Content().addMediaType(PROBLEM_MEDIA_TYPE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
    }

    /**
     * An error answer declared on a controller gets the operation's success body from springdoc; the
     * body of an error answer is always the problem.
     */
    private static boolean describesProblem(Content content) {
        return content != null && content.size() == 1 && content.containsKey(PROBLEM_MEDIA_TYPE);
    }

    private static void add(ApiResponses responses, String code, String description) {
        responses.computeIfAbsent(code, c -> new ApiResponse().description(description));
    }

    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("RFC 9457 problem details with a stable code.")
                .addProperty("type", new StringSchema()
                        .description("urn:coupons:problem:<code>; absent means about:blank (RFC 9457)"))
                .addProperty("title", new StringSchema().description("the HTTP status's reason phrase"))
                .addProperty("status", new IntegerSchema().description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("what went wrong, for people"))
                .addProperty("instance", new StringSchema().description("the request path"))
                .addProperty("code", new StringSchema().description("the stable code of the failure, for programs"))
                .addProperty("errors", new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/FieldViolation"))
                        .description("each field at fault, named as the client sent it"))
                .addProperty("reason", new StringSchema()
                        .description("redemption refusals: the rejection reason (the same as code)"))
                .addProperty("campaignId", new UUIDSchema()
                        .description("redemption refusals: the code's campaign, when the code is known"))
                .required(List.of("title", "status", "code"));
    }

    private static Schema<?> fieldViolation() {
        return new ObjectSchema()
                .description("One field that broke a rule, named as the client sent it (e.g. terms.percentOff).")
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema())
                .required(List.of("field", "message"));
    }
}
