package io.coupons.local.deployfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Reading the deploy files' YAML as plain maps and lists (merge keys and anchors resolved). */
final class DeployYaml {

    private DeployYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(file));
    }

    /**
     * The node at a dotted path; a key may itself contain dots in Spring files
     * ({@code hibernate.jdbc.time_zone}), so the longest key that matches wins.
     */
    static Object at(Object node, String path) {
        if (path.isEmpty()) {
            return node;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return null;
        }
        String[] parts = path.split("\\.");
        for (int taken = parts.length; taken >= 1; taken--) {
            String key = String.join(".", List.of(parts).subList(0, taken));
            if (map.containsKey(key)) {
                Object found = at(map.get(key), String.join(".", List.of(parts).subList(taken, parts.length)));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String path) {
        Object found = at(node, path);
        return found instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String path) {
        Object found = at(node, path);
        return found instanceof List<?> list ? (List<Object>) list : List.of();
    }
}
