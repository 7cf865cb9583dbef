package io.coupons.local.deployfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * What one application (a side, or the admin UI) really reads from its environment: every configuration
 * property its classpath describes (Spring Boot's, Axon's, the libraries' and its own
 * {@code META-INF/spring-configuration-metadata.json}, written by Spring's configuration
 * processor from the {@code @ConfigurationProperties} classes and the
 * {@code additional-spring-configuration-metadata.json} of each module), the placeholders of its
 * YAML files ({@code ${AXON_SERVER_ADDRESSES:...}}) and its default port.
 */
final class AppConfiguration {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(:[^}]*)?}");
    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    /** Properties in the environment-variable form Spring's relaxed binding matches. */
    final Set<String> variables = new HashSet<>();
    /** Map- and list-typed properties: any variable below them binds ({@code LOGGING_LEVEL_IO_COUPONS}). */
    final Set<String> variablePrefixes = new HashSet<>();
    /** Placeholder names per profile (null: every profile), and those without a default. */
    final Map<String, Set<String>> placeholders = new LinkedHashMap<>();
    final Map<String, Set<String>> requiredPlaceholders = new LinkedHashMap<>();
    /** The YAML documents of the side, in file order. */
    final List<Document> documents = new ArrayList<>();

    /** One YAML document and the profile that activates it (null: every profile). */
    record Document(Map<String, Object> tree, String profile) {
    }

    private AppConfiguration(String name) {
        this.name = name;
    }

    /**
     * @param name        the side's module and config name, e.g. {@code command-side}
     * @param others      the other applications' module names, whose own metadata does not apply here
     * @param configFiles the side's YAML resources, its own and the ones it imports
     */
    /** The configuration of each application the deploy files run, by module name. */
    static Map<String, AppConfiguration> ofEveryApplication() throws IOException {
        return Map.of(
                "command-side", of("command-side", List.of("query-side", "admin-ui"), "command-side.yml",
                        "coupons-platform.yml"),
                "query-side", of("query-side", List.of("command-side", "admin-ui"), "query-side.yml",
                        "coupons-platform.yml"),
                "admin-ui", of("admin-ui", List.of("command-side", "query-side"), "admin-ui.yml"));
    }

    static AppConfiguration of(String name, List<String> others, String... configFiles) throws IOException {
        AppConfiguration app = new AppConfiguration(name);
        ClassLoader loader = AppConfiguration.class.getClassLoader();
        for (String resource : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            for (URL url : Collections.list(loader.getResources(resource))) {
                if (others.stream().anyMatch(other -> url.toString().contains("/" + other + "/")
                        || url.toString().contains("/" + other + "-"))) {
                    continue;
                }
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : JSON.readTree(in).path("properties")) {
                        String variable = variable(property.path("name").asText());
                        app.variables.add(variable);
                        String type = property.path("type").asText("");
                        if (type.startsWith("java.util.Map") || type.startsWith("java.util.List")
                                || type.startsWith("java.util.Set") || type.startsWith("java.util.Properties")) {
                            app.variablePrefixes.add(variable);
                        }
                    }
                }
            }
        }
        for (String file : configFiles) {
            try (InputStream in = loader.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("No " + file + " on the classpath");
                }
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                for (Object document : new Yaml().loadAll(text)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> tree = (Map<String, Object>) document;
                    String profile = (String) DeployYaml.at(tree, "spring.config.activate.on-profile");
                    app.documents.add(new Document(tree, profile));
                    collectPlaceholders(app, tree, profile);
                }
            }
        }
        return app;
    }

    /** {@code spring.datasource.url} as Spring reads it from the environment: SPRING_DATASOURCE_URL. */
    static String variable(String property) {
        return property.replace("-", "").replace('.', '_').replace("[", "_").replace("]", "")
                .toUpperCase(Locale.ROOT);
    }

    /** Whether a variable given to this side binds to something the side reads. */
    boolean reads(String variable) {
        if (variables.contains(variable) || placeholders.values().stream().anyMatch(p -> p.contains(variable))) {
            return true;
        }
        return variablePrefixes.stream().anyMatch(prefix -> variable.startsWith(prefix + "_"));
    }

    /** Placeholders without a default in the documents the given profiles activate. */
    Set<String> required(Set<String> profiles) {
        Set<String> required = new HashSet<>();
        requiredPlaceholders.forEach((profile, names) -> {
            if (profile == null || profiles.contains(profile)) {
                required.addAll(names);
            }
        });
        return required;
    }

    Set<String> profiles() {
        Set<String> profiles = new HashSet<>();
        documents.forEach(document -> profiles.add(document.profile()));
        profiles.remove(null);
        return profiles;
    }

    /** The value of a property in the documents every profile reads, e.g. {@code server.port}. */
    Object value(String property) {
        Object found = null;
        for (Document document : documents) {
            Object value = document.profile() == null ? DeployYaml.at(document.tree(), property) : null;
            found = value != null ? value : found;
        }
        return found;
    }

    /** The default of a value written as a placeholder: {@code ${COMMAND_SIDE_PORT:8081}} gives 8081. */
    static String resolved(Object value) {
        Matcher matcher = PLACEHOLDER.matcher(String.valueOf(value));
        return matcher.matches() && matcher.group(2) != null ? matcher.group(2).substring(1) : String.valueOf(value);
    }

    private static void collectPlaceholders(AppConfiguration app, Object node, String profile) {
        List<Object> pending = new ArrayList<>(List.of(node));
        while (!pending.isEmpty()) {
            Object next = pending.remove(pending.size() - 1);
            if (next instanceof Map<?, ?> map) {
                pending.addAll(map.values());
            } else if (next instanceof List<?> list) {
                pending.addAll(list);
            } else if (next instanceof String text) {
                Matcher matcher = PLACEHOLDER.matcher(text);
                while (matcher.find()) {
                    app.placeholders.computeIfAbsent(profile, p -> new HashSet<>()).add(matcher.group(1));
                    if (matcher.group(2) == null) {
                        app.requiredPlaceholders.computeIfAbsent(profile, p -> new HashSet<>()).add(matcher.group(1));
                    }
                }
            }
        }
    }
}
