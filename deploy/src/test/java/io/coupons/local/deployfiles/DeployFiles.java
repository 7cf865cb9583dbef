package io.coupons.local.deployfiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files under {@code deploy/} as the test reads them, per side. */
public final class DeployFiles {

    public static final List<String> SIDES = List.of("command-side", "query-side");
    /** Everything the files run: both sides and the admin UI. */
    public static final List<String> APPLICATIONS = List.of("command-side", "query-side", "admin-ui");

    /** Surefire runs in the module's folder, {@code deploy/}. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path DEPLOY = ROOT.resolve("deploy");

    private DeployFiles() {
    }

    static Map<String, Object> compose() throws IOException {
        return DeployYaml.load(DEPLOY.resolve("compose/compose.yaml"));
    }

    static Map<String, Object> k8s(String file) throws IOException {
        return DeployYaml.load(DEPLOY.resolve("k8s").resolve(file));
    }

    static Map<String, Object> composeService(String side) throws IOException {
        return DeployYaml.map(compose(), "services." + side);
    }

    /** The variables compose gives a side (the shared anchor merged in). */
    static Map<String, String> composeEnvironment(String side) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        DeployYaml.map(composeService(side), "environment").forEach((name, value) -> environment.put(name,
                String.valueOf(value)));
        return environment;
    }

    static Map<String, Object> container(String side) throws IOException {
        return DeployYaml.list(k8s(side + "-deployment.yaml"), "spec.template.spec.containers")
                .stream().map(DeployYaml::asMap).filter(c -> side.equals(c.get("name"))).findFirst().orElseThrow();
    }

    /** The variables a side's pods get: its container's env, the ConfigMap and the Secret it reads. */
    static Map<String, String> k8sEnvironment(String side) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object source : DeployYaml.list(container(side), "envFrom")) {
            Map<String, Object> from = DeployYaml.asMap(source);
            if (from.containsKey("configMapRef")) {
                DeployYaml.map(k8s("configmap.yaml"), "data").forEach((name, value) -> environment.put(name,
                        String.valueOf(value)));
            }
            if (from.containsKey("secretRef")) {
                DeployYaml.map(k8s("secrets.example.yaml"), "stringData").forEach((name, value) ->
                        environment.put(name, String.valueOf(value)));
            }
        }
        for (Object variable : DeployYaml.list(container(side), "env")) {
            Map<String, Object> entry = DeployYaml.asMap(variable);
            environment.put(String.valueOf(entry.get("name")), String.valueOf(entry.get("value")));
        }
        return environment;
    }

    /**
     * The compose healthcheck of a side as the container runs it ({@code CMD} form, compose's
     * {@code $$} unescaped to {@code $}): a command for {@link ProcessBuilder}.
     */
    public static List<String> healthcheck(String side) throws IOException {
        List<String> command = new ArrayList<>();
        for (Object part : DeployYaml.list(composeService(side), "healthcheck.test")) {
            command.add(String.valueOf(part).replace("$$", "$"));
        }
        if (command.isEmpty() || !command.get(0).equals("CMD")) {
            throw new IllegalStateException("The " + side + " healthcheck is not in CMD form: " + command);
        }
        return command.subList(1, command.size());
    }

    /** The k8s probes' HTTP paths of a side, by probe. */
    public static Map<String, String> probePaths(String side) throws IOException {
        Map<String, String> paths = new LinkedHashMap<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            paths.put(probe, String.valueOf(DeployYaml.at(container(side), probe + ".httpGet.path")));
        }
        return paths;
    }
}
