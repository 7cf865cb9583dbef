package io.coupons.platform.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract test behind every {@link TestHttp} call: each answer must be one the side's served
 * OpenAPI description ({@code /v3/api-docs}, fetched once per base URL) allows for that operation:
 * a documented status, its content type, and a body valid against its schema, undocumented
 * properties included. Checked with Atlassian's swagger-request-validator. Requests are not
 * checked: tests send broken requests on purpose, and the answer to those must be described too.
 */
final class OpenApiContract {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApiContract() {
    }

    /** Fails unless the description allows this answer. */
    static void check(HttpRequest request, HttpResponse<?> response, byte[] body) {
        URI uri = request.uri();
        String path = uri.getRawPath();
        if (!path.startsWith("/api/")) {
            return; // the description itself, actuator, Swagger UI: not operations of the API
        }
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(answer::withHeader);
        response.headers().firstValue("Content-Type").ifPresent(answer::withContentType);
        if (body.length > 0) {
            answer.withBody(body);
        }
        ValidationReport report = VALIDATORS.computeIfAbsent(base, OpenApiContract::load)
                .validateResponse(path, Request.Method.valueOf(request.method()), answer.build());
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !outsideTheApi(message, response.statusCode()))
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("The OpenAPI description of " + base + " does not allow this answer to "
                    + request.method() + " " + uri.getRawPath() + ": " + response.statusCode() + " "
                    + response.headers().firstValue("Content-Type").orElse("(no content type)") + " "
                    + shown(response, body) + "\n"
                    + errors.stream().map(message -> "  " + message.getKey() + ": " + message.getMessage())
                    .collect(Collectors.joining("\n")));
        }
    }

    /**
     * A path or method the API does not have answers 404 or 405 (401 first without credentials, as
     * security comes before routing): there is no operation to describe those.
     */
    private static boolean outsideTheApi(ValidationReport.Message message, int status) {
        boolean noOperation = message.getKey().equals("validation.request.path.missing")
                || message.getKey().equals("validation.request.operation.notAllowed");
        return noOperation && (status == 401 || status == 404 || status == 405);
    }

    private static OpenApiInteractionValidator load(String base) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v3/api-docs"))
                    .timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> description = CLIENT.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (description.statusCode() != 200) {
                throw new IllegalStateException(base + "/v3/api-docs answered " + description.statusCode());
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(nullableRefsInline(description.body()))
                    .withLevelResolver(LevelResolver.create()
                            // Answers carry exactly the properties described, no undocumented extras.
                            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                            .build())
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * OpenAPI 3.0 says "this object, or null" as {@code {nullable: true, allOf: [{$ref: X}]}}; the
     * validator checks the allOf without the nullable and refuses null. The same statement in the
     * form it reads: X's schema itself, inlined, with {@code nullable: true}.
     */
    static String nullableRefsInline(String description) {
        ObjectNode root = (ObjectNode) JSON.readTree(description);
        JsonNode schemas = root.path("components").path("schemas");
        inline(root, schemas);
        return JSON.writeValueAsString(root);
    }

    private static void inline(JsonNode node, JsonNode schemas) {
        if (node instanceof ObjectNode object) {
            JsonNode allOf = object.get("allOf");
            if (object.path("nullable").asBoolean(false) && allOf != null && allOf.size() == 1
                    && allOf.get(0).has("$ref")) {
                String ref = allOf.get(0).get("$ref").asString();
                object.remove("allOf");
                object.setAll((ObjectNode) schemas.get(ref.substring(ref.lastIndexOf('/') + 1)).deepCopy());
                object.put("nullable", true);
            }
        }
        if (node.isObject() || node.isArray()) {
            node.valueStream().toList().forEach(child -> inline(child, schemas));
        }
    }

    private static String shown(HttpResponse<?> response, byte[] body) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.contains("json") && !type.startsWith("text/")) {
            return "(" + body.length + " bytes)";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
    }
}
