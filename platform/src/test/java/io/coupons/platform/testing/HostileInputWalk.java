package io.coupons.platform.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Walks every operation of a served OpenAPI description and sends, for each of its path, query
 * and header parameters and each field of its JSON body, the {@link HostileInput} values for that
 * parameter's or field's schema, plus broken bodies and wrong content types. An endpoint added
 * tomorrow is in the walk without anyone listing it. Each answer must be no 5xx, and a 4xx must be
 * a problem body with a {@code code}; a 2xx to anything but a GET means hostile input was taken.
 */
public final class HostileInputWalk {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOLE = "__hostile_value__";

    private final int port;
    private final JsonNode api;
    private final Map<String, JsonNode> components = new LinkedHashMap<>();
    private final Function<String, String> userForPath;
    private final Map<String, String> pathValues;
    private final Map<String, String> goodBodies;

    /**
     * @param userForPath who sends requests to a path (the role that may use it, so requests get
     *                    past security to the layers behind it)
     * @param pathValues  real values for path parameters by name (an existing campaign id, a code),
     *                    so hostile values elsewhere in the request meet a real resource
     * @param goodBodies  valid bodies by "METHOD path", so each hostile field is the only thing wrong;
     *                    operations without one get a body made from their schema
     */
    public HostileInputWalk(int port, JsonNode api, Function<String, String> userForPath,
                            Map<String, String> pathValues, Map<String, String> goodBodies) {
        this.port = port;
        this.api = api;
        this.userForPath = userForPath;
        this.pathValues = pathValues;
        this.goodBodies = goodBodies;
        api.path("components").path("schemas").properties().forEach(e -> components.put(e.getKey(), e.getValue()));
    }

    public record Probe(String method, String target, String contentType, String body, String header,
                        String headerValue, String what) {

        @Override
        public String toString() {
            return method + " " + (target.length() > 120 ? target.substring(0, 120) + "…" : target) + " [" + what + "]";
        }
    }

    public record Finding(Probe probe, int status, String body) {

        @Override
        public String toString() {
            return probe + " -> " + status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    public record Outcome(List<Finding> findings, Map<String, Integer> probesPerOperation) {
    }

    public Outcome run() {
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> probesPerOperation = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                List<Probe> probes = probes(method, path.getKey(), operation.getValue());
                probesPerOperation.put(method + " " + path.getKey(), probes.size());
                String user = userForPath.apply(path.getKey());
                for (Probe probe : probes) {
                    check(probe, user).ifPresent(findings::add);
                }
            }
        }
        return new Outcome(findings, probesPerOperation);
    }

    private java.util.Optional<Finding> check(Probe probe, String user) {
        RawHttp.Answer answer = RawHttp.send(port, probe.method(), probe.target(), user, probe.contentType(),
                probe.body(), probe.header(), probe.headerValue());
        int status = answer.status();
        if (status >= 500) {
            return java.util.Optional.of(new Finding(probe, status, answer.body()));
        }
        if (status >= 400) {
            String contentType = answer.header("Content-Type");
            if (contentType == null || !contentType.startsWith("application/problem+json")
                    || !hasCode(answer.body())) {
                return java.util.Optional.of(new Finding(probe, status, "not a problem body with a code ("
                        + contentType + "): " + answer.body()));
            }
            return java.util.Optional.empty();
        }
        if (!probe.method().equals("GET")) {
            return java.util.Optional.of(new Finding(probe, status, "hostile input accepted: " + answer.body()));
        }
        return java.util.Optional.empty();
    }

    private static boolean hasCode(String body) {
        try {
            return !JSON.readTree(body).path("code").asString("").isBlank();
        } catch (RuntimeException e) {
            return false;
        }
    }

    List<Probe> probes(String method, String template, JsonNode operation) {
        List<Probe> probes = new ArrayList<>();
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        String body = bodySchema.isMissingNode() ? null
                : goodBodies.getOrDefault(method + " " + template,
                        HostileInput.base(bodySchema, components, 0).toString());
        String contentType = body == null ? null : "application/json";
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asString();
            JsonNode schema = HostileInput.resolve(parameter.path("schema"), components);
            switch (parameter.path("in").asString()) {
                case "path" -> {
                    List<String> values = new ArrayList<>(HostileInput.PATH_SEGMENTS);
                    if (List.of("integer", "number").contains(HostileInput.type(schema))) {
                        values.addAll(List.of("1.5", "-1", "99999999999999999999", "1e3"));
                    }
                    for (String value : values) {
                        probes.add(new Probe(method, target(template, name, value, null, null), contentType, body,
                                null, null, "path " + name + "=" + shortened(value)));
                    }
                }
                case "query" -> {
                    for (String value : HostileInput.queryValues(schema)) {
                        probes.add(new Probe(method, target(template, null, null, name, value), contentType, body,
                                null, null, "query " + name + "=" + shortened(value)));
                    }
                }
                case "header" -> {
                    for (String value : List.of("", "A".repeat(201), "A".repeat(20_000), "a\u0001b", "\u00e9t\u00e9")) {
                        probes.add(new Probe(method, target(template, null, null, null, null), contentType, body,
                                name, value, "header " + name + "=" + shortened(value)));
                    }
                }
                default -> {
                }
            }
        }
        // Whatever an operation declares, parameters it does not know must not get through either.
        for (String query : List.of("unexpected=%00", "%ZZ=1", "a=%C0%AE")) {
            probes.add(new Probe(method, target(template, null, null, null, null) + "?" + query, contentType, body,
                    null, null, "query " + query));
        }
        if (body == null && operation.path("requestBody").path("content").has("text/csv")) {
            String target = target(template, null, null, null, null);
            String goodCsv = goodBodies.getOrDefault(method + " " + template, "line-1\nline-2\n");
            for (String csv : HostileInput.BROKEN_CSV) {
                probes.add(new Probe(method, target, "text/csv", goodCsv + csv, null, null,
                        "csv line " + shortened(csv)));
            }
            for (String wrongType : List.of("application/json", "text/csv; charset=ISO-8859-1", "text/plain")) {
                probes.add(new Probe(method, target, wrongType, goodCsv, null, null, "content type " + wrongType));
            }
        }
        if (body != null) {
            String target = target(template, null, null, null, null);
            boolean bodyRequired = operation.path("requestBody").path("required").asBoolean(false);
            for (String broken : HostileInput.BROKEN_BODIES) {
                if (!bodyRequired && (broken.isEmpty() || broken.equals("null"))) {
                    continue; // no body is a valid request where the body is optional
                }
                probes.add(new Probe(method, target, "application/json", broken, null, null,
                        "body " + shortened(broken)));
            }
            for (String wrongType : HostileInput.WRONG_CONTENT_TYPES) {
                probes.add(new Probe(method, target, wrongType, body, null, null, "content type " + wrongType));
            }
            probes.add(new Probe(method, target, "application/json", duplicateFirstKey(body), null, null,
                    "duplicate key"));
            JsonNode tree = JSON.readTree(body);
            for (Map.Entry<String, JsonNode> field : fields(HostileInput.resolve(bodySchema, components), "", 0)
                    .entrySet()) {
                for (String value : HostileInput.values(field.getValue(), components)) {
                    probes.add(new Probe(method, target, "application/json", withValue(tree, field.getKey(), value),
                            null, null, "field " + field.getKey() + "=" + shortened(value)));
                }
            }
        }
        return probes;
    }

    /** Every field of the body schema by its path ({@code order.lines[0].quantity}). */
    private Map<String, JsonNode> fields(JsonNode schema, String prefix, int depth) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (depth > 4) {
            return fields;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            JsonNode resolved = HostileInput.resolve(property.getValue(), components);
            fields.put(path, resolved);
            String type = HostileInput.type(resolved);
            if (type.equals("object")) {
                fields.putAll(fields(resolved, path, depth + 1));
            } else if (type.equals("array")) {
                JsonNode items = HostileInput.resolve(resolved.path("items"), components);
                fields.put(path + "[0]", items);
                if (HostileInput.type(items).equals("object")) {
                    fields.putAll(fields(items, path + "[0]", depth + 1));
                }
            }
        }
        return fields;
    }

    /** The body with the field at {@code path} replaced by raw JSON text (created if absent). */
    private static String withValue(JsonNode tree, String path, String raw) {
        JsonNode copy = tree.deepCopy();
        if (!(copy instanceof ObjectNode root)) {
            return raw;
        }
        JsonNode parent = root;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            boolean last = i == steps.length - 1;
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            ObjectNode object = (ObjectNode) parent;
            if (bracket < 0) {
                if (last) {
                    object.set(name, StringNode.valueOf(HOLE));
                } else {
                    if (!(object.get(name) instanceof ObjectNode)) {
                        object.putObject(name);
                    }
                    parent = object.get(name);
                }
            } else {
                if (!(object.get(name) instanceof ArrayNode)) {
                    object.putArray(name);
                }
                ArrayNode array = (ArrayNode) object.get(name);
                if (last) {
                    array.removeAll();
                    array.add(StringNode.valueOf(HOLE));
                } else {
                    if (array.isEmpty() || !(array.get(0) instanceof ObjectNode)) {
                        array.removeAll();
                        array.addObject();
                    }
                    parent = array.get(0);
                }
            }
        }
        return JSON.writeValueAsString(root).replace("\"" + HOLE + "\"", raw);
    }

    private static String duplicateFirstKey(String body) {
        JsonNode tree = JSON.readTree(body);
        if (!(tree instanceof ObjectNode object) || object.isEmpty()) {
            return "{\"a\": 1, \"a\": 2}";
        }
        Map.Entry<String, JsonNode> first = object.properties().iterator().next();
        return "{" + JSON.writeValueAsString(first.getKey()) + ":" + JSON.writeValueAsString(first.getValue()) + ","
                + body.strip().substring(1);
    }

    private String target(String template, String hostileParameter, String hostileValue, String queryName,
                          String queryValue) {
        String target = template;
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = name.equals(hostileParameter) ? hostileValue : pathValues.getOrDefault(name, "x");
            target = target.replace("{" + name + "}", value);
        }
        return queryName == null ? target : target + "?" + queryName + "=" + queryValue;
    }

    private static String shortened(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
    }
}
