package io.coupons.platform.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile values for a field, chosen from its JSON schema in an OpenAPI description: each one is
 * wrong for that field whatever the rest of the request says (a value of another JSON type, a NUL,
 * an instant outside any calendar, a number past every bound, a string or list far too long), so
 * a service that accepts one has a bug. Values are raw JSON text, sent byte for byte.
 */
public final class HostileInput {

    static final String LONG_TEXT = "\"" + "A".repeat(100_000) + "\"";

    private static final List<String> TEXT = List.of("\"\\u0000\"", "\"a\\u0001b\"", "\"\\u001b[31m\"",
            "\"\\ud800\"", "\"\\u007f\"", LONG_TEXT, "12", "true", "[]", "{}", "1.5");
    private static final List<String> INSTANT = List.of("\"-999999999-01-01T00:00:00Z\"",
            "\"+999999999-12-31T23:59:59Z\"", "99999999999999", "\"2026-13-45T99:99:99Z\"", "\"2026-06-01T00:00:00\"");
    private static final List<String> UUID = List.of("\"not-a-uuid\"", "\"00000000-0000-0000-0000-00000000000Z\"");
    private static final List<String> ENUM = List.of("\"NOT_ONE_OF_THEM\"", "\"\"");
    private static final List<String> INTEGER = List.of("1.5", "\"1\"", "true", "[]", "{}", "1e308", "-1e308",
            "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809",
            "99999999999999999999999999999999", "\"\\u0000\"");
    private static final List<String> NUMBER = List.of("\"1\"", "true", "[]", "{}", "1e308", "-1e308", "1e400",
            "1e-400", "-1", "99999999999999999999999999999999.999999999", "\"\\u0000\"");
    private static final List<String> BOOLEAN = List.of("\"true\"", "1", "0", "[]", "{}", "\"\\u0000\"");
    private static final List<String> OBJECT = List.of("[]", "\"x\"", "1", "true", "{\"notAField\": 1}");

    /** Whole bodies that no JSON endpoint can take. */
    public static final List<String> BROKEN_BODIES = List.of("{", "{\"a\":", "not json", "", "null", "\"x\"", "1",
            "[]", "[".repeat(100_000) + "]".repeat(100_000), "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
            "{\"a\": 1} trailing", "{\"a\": \"\u0000\"}");

    /**
     * Lines that no CSV upload of ids can take, each appended to a good upload: a NUL, a control
     * character, a line of 100,000 characters, an empty line between good ones, a quoted field with
     * a comma (an upload is one id a line, not a CSV of several columns).
     */
    public static final List<String> BROKEN_CSV = List.of("a\u0000b\n", "a\u0001b\n", "A".repeat(100_000) + "\n",
            "\n\nafter-blank\n", "\"quoted,comma\"\n");

    /** Content types a JSON endpoint must refuse (null: no Content-Type at all). */
    public static final List<String> WRONG_CONTENT_TYPES = java.util.Arrays.asList("text/plain",
            "application/json-patch+json", "application/merge-patch+json", "application/x-www-form-urlencoded",
            "application/xml", "application/yaml", "text/csv", null);

    /** Path segment values that are no id, code or name (percent-encoded as a hostile client sends them). */
    public static final List<String> PATH_SEGMENTS = List.of("%00", "%01", "%2F", "..%2F", "%252F", "%25", "%ZZ",
            "%C0%AE", "%E2%80%AE%00", ";x=1", "A".repeat(10_000), "%7F");

    /** Query values that no parameter takes (absurd sizes and pages for numbers). */
    public static List<String> queryValues(JsonNode schema) {
        return switch (type(schema)) {
            case "integer", "number" -> List.of("-1", "99999999999999999999", "1.5", "1e3", "abc", "%00", "%ZZ");
            case "boolean" -> List.of("maybe", "%00", "%ZZ");
            default -> schema.has("enum") ? List.of("NOT_ONE_OF_THEM", "%00", "%ZZ")
                    : List.of("%00", "a%01b", "%1B%5B31m", "%ZZ", "%C0%AE", "A".repeat(10_000));
        };
    }

    private HostileInput() {
    }

    /** Hostile raw JSON values for a field of this schema. */
    public static List<String> values(JsonNode schema, Map<String, JsonNode> components) {
        JsonNode resolved = resolve(schema, components);
        List<String> values = new ArrayList<>();
        switch (type(resolved)) {
            case "integer" -> values.addAll(INTEGER);
            case "number" -> values.addAll(NUMBER);
            case "boolean" -> values.addAll(BOOLEAN);
            case "object" -> values.addAll(OBJECT);
            case "array" -> {
                values.addAll(List.of("{}", "\"x\"", "1", "[null]", "[[]]"));
                String item = base(resolved.path("items"), components, 0).toString();
                values.add("[" + String.join(",", java.util.Collections.nCopies(20_000, item)) + "]");
            }
            default -> {
                values.addAll(TEXT);
                String format = resolved.path("format").asString("");
                if (format.equals("date-time")) {
                    values.addAll(INSTANT);
                } else if (format.equals("uuid")) {
                    values.addAll(UUID);
                }
                if (resolved.has("enum")) {
                    values.addAll(ENUM);
                }
            }
        }
        return values;
    }

    /** A plausible value of the schema: the body every field's hostile value is put into. */
    public static JsonNode base(JsonNode schema, Map<String, JsonNode> components, int depth) {
        JsonNode resolved = resolve(schema, components);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (type(resolved)) {
            case "integer", "number" -> nodes.numberNode(1);
            case "boolean" -> nodes.booleanNode(false);
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                if (depth < 4) {
                    array.add(base(resolved.path("items"), components, depth + 1));
                }
                yield array;
            }
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                if (depth < 4) {
                    for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
                        object.set(property.getKey(), base(property.getValue(), components, depth + 1));
                    }
                }
                yield object;
            }
            default -> {
                if (resolved.has("enum")) {
                    yield resolved.get("enum").get(0);
                }
                yield switch (resolved.path("format").asString("")) {
                    case "uuid" -> nodes.stringNode("00000000-0000-0000-0000-000000000000");
                    case "date-time" -> nodes.stringNode("2030-01-01T00:00:00Z");
                    default -> nodes.stringNode("x");
                };
            }
        };
    }

    /** Follows {@code $ref} and picks the non-null branch of a nullable schema. */
    public static JsonNode resolve(JsonNode schema, Map<String, JsonNode> components) {
        JsonNode current = schema;
        for (int hops = 0; hops < 10; hops++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asString();
                current = components.getOrDefault(ref.substring(ref.lastIndexOf('/') + 1), JsonNodeFactory.instance
                        .objectNode());
                continue;
            }
            JsonNode union = current.has("oneOf") ? current.get("oneOf") : current.has("anyOf") ? current.get("anyOf")
                    : current.has("allOf") && current.get("allOf").size() == 1 ? current.get("allOf") : null;
            if (union == null) {
                return current;
            }
            JsonNode next = null;
            for (JsonNode branch : union) {
                if (!"null".equals(type(branch))) {
                    next = branch;
                    break;
                }
            }
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /** The schema's type, the first that is not "null" when it lists several (OpenAPI 3.1). */
    public static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (Iterator<JsonNode> it = type.iterator(); it.hasNext(); ) {
                String one = it.next().asString();
                if (!one.equals("null")) {
                    return one;
                }
            }
            return "null";
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }
}
