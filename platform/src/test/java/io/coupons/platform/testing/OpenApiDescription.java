package io.coupons.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A side's served OpenAPI description, walked operation by operation: what every operation must
 * describe whatever it does (a success, the platform's error answers with the problem body), and
 * which properties must be nullable. The answers themselves are checked by {@link OpenApiContract}.
 */
public final class OpenApiDescription {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final JsonNode root;

    private OpenApiDescription(JsonNode root) {
        this.root = root;
    }

    public static OpenApiDescription servedAt(int port) {
        TestHttp.Response response = TestHttp.at(port).get("/v3/api-docs");
        assertThat(response.status()).as(response::toString).isEqualTo(200);
        return new OpenApiDescription(JsonMapper.builder().build().readTree(response.body()));
    }

    public JsonNode root() {
        return root;
    }

    /** "post /api/campaigns" for every operation. */
    public List<String> operations() {
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.get("paths").properties()) {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(method + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    public JsonNode operation(String operation) {
        String[] methodAndPath = operation.split(" ", 2);
        return root.get("paths").get(methodAndPath[1]).get(methodAndPath[0]);
    }

    public JsonNode responses(String operation) {
        return operation(operation).get("responses");
    }

    public JsonNode schema(String name) {
        JsonNode schema = root.get("components").get("schemas").get(name);
        assertThat(schema).as("schema " + name).isNotNull();
        return schema;
    }

    /** What every operation describes, whatever it does. */
    public void assertEveryOperationDescribesItsAnswers() {
        assertThat(root.get("openapi").asString()).startsWith("3.0.");
        assertThat(operations()).isNotEmpty();
        for (String operation : operations()) {
            JsonNode responses = responses(operation);
            List<String> codes = new ArrayList<>(responses.propertyNames());
            assertThat(codes).as(operation).anyMatch(code -> code.startsWith("2"));
            assertThat(codes).as(operation).contains("400", "401", "406", "500");
            if (!operation.equals("get /api/me")) {
                assertThat(codes).as(operation).contains("403");
            }
            if (operation.contains("{")) {
                assertThat(codes).as(operation).contains("404");
            }
            if (operation(operation).has("requestBody")) {
                assertThat(codes).as(operation).contains("415");
            }
            if (!operation.startsWith("get ")) {
                assertThat(codes).as(operation).contains("409", "422");
            }
            for (String code : codes) {
                JsonNode content = responses.get(code).get("content");
                assertThat(content).as(operation + " " + code + " has a body").isNotNull();
                assertThat(content.propertyNames()).as(operation + " " + code).doesNotContain("*/*");
                if (code.charAt(0) >= '4') {
                    assertThat(content.propertyNames()).as(operation + " " + code).containsExactly(
                            "application/problem+json");
                    assertThat(content.get("application/problem+json").get("schema").get("$ref").asString())
                            .as(operation + " " + code).isEqualTo("#/components/schemas/Problem");
                } else {
                    content.properties().forEach(media -> assertThat(media.getValue().get("schema"))
                            .as(operation + " " + code + " " + media.getKey()).isNotNull());
                }
            }
        }
        JsonNode problem = schema("Problem");
        assertThat(problem.get("required").valueStream().map(JsonNode::asString))
                .contains("title", "status", "code");
    }

    /** The named properties of a schema may be null; every property not named here is required. */
    public void assertNullable(String schema, String... properties) {
        JsonNode model = schema(schema);
        List<String> required = model.has("required")
                ? model.get("required").valueStream().map(JsonNode::asString).toList() : List.of();
        for (String property : properties) {
            JsonNode described = model.get("properties").get(property);
            assertThat(described).as(schema + "." + property).isNotNull();
            assertThat(described.path("nullable").asBoolean(false)).as(schema + "." + property + " nullable")
                    .isTrue();
            assertThat(required).as(schema + " required").doesNotContain(property);
        }
    }

    /** Schemas only answers use list every never-null property as required. */
    public void assertRequired(String schema, String... properties) {
        JsonNode model = schema(schema);
        assertThat(model.has("required")).as(schema + " has required").isTrue();
        assertThat(model.get("required").valueStream().map(JsonNode::asString)).as(schema)
                .contains(properties);
        for (String property : properties) {
            assertThat(model.get("properties").get(property).path("nullable").asBoolean(false))
                    .as(schema + "." + property).isFalse();
        }
    }
}
