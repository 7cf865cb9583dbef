package io.coupons.local.deployfiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

/**
 * The production files under {@code deploy/} (compose, Kubernetes, example configuration) agree
 * with the application they run: every variable they set is one the side really reads, every
 * placeholder the active profiles need is set, ports, probes, images and shutdown periods match
 * the application's own configuration and build, and the operator's table of variables is
 * complete. No Docker engine or cluster here, so this is what can be checked of them; the compose
 * healthcheck command itself is run against real instances by {@code MultiInstanceFailoverTest}.
 */
class DeployFilesTest {

    /**
     * Read by the JVM itself, or by Spring Boot's config-data loader before any property binds
     * (which no configuration metadata describes).
     */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "SPRING_CONFIG_ADDITIONAL_LOCATION");

    private static Map<String, AppConfiguration> apps;

    @BeforeAll
    static void readTheApplicationsConfiguration() throws IOException {
        apps = AppConfiguration.ofEveryApplication();
        // The metadata must be there, or every check below would pass on nothing.
        assertThat(apps.get("command-side").variables).contains("SPRING_DATASOURCE_URL",
                "COUPONS_REDEMPTION_UNKNOWNCODELIMIT", "COUPONS_QUERYSIDEURL", "AXON_AXONSERVER_SERVERS");
        assertThat(apps.get("query-side").variables).contains("COUPONS_PROJECTIONS_BATCHSIZE")
                .doesNotContain("COUPONS_REDEMPTION_UNKNOWNCODELIMIT");
        assertThat(apps.get("admin-ui").variables).contains("COUPONS_ADMINUI_TOKENKEY", "COUPONS_SECURITY_USERS")
                .doesNotContain("COUPONS_PROJECTIONS_BATCHSIZE", "COUPONS_QUERYSIDEURL");
    }

    @Test
    void everyVariableTheFilesSetIsOneTheSideReads() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (String side : DeployFiles.APPLICATIONS) {
            AppConfiguration app = apps.get(side);
            DeployFiles.composeEnvironment(side).keySet().stream().filter(v -> !JVM_VARIABLES.contains(v))
                    .filter(v -> !app.reads(v)).forEach(v -> unknown.add("compose " + side + ": " + v));
            DeployFiles.k8sEnvironment(side).keySet().stream().filter(v -> !JVM_VARIABLES.contains(v))
                    .filter(v -> !app.reads(v)).forEach(v -> unknown.add("k8s " + side + ": " + v));
        }
        assertThat(unknown).as("variables no configuration property or placeholder of the side reads").isEmpty();
    }

    /** The UI has no profiles; it needs its two sides, its key and its users. */
    @Test
    void theAdminUiIsGivenWhatItCannotStartWithout() throws IOException {
        for (Map<String, String> environment : List.of(DeployFiles.composeEnvironment("admin-ui"),
                DeployFiles.k8sEnvironment("admin-ui"))) {
            assertThat(environment).containsKeys("COUPONS_ADMINUI_COMMANDSIDEURL", "COUPONS_ADMINUI_QUERYSIDEURL",
                    "COUPONS_ADMINUI_TOKENKEY", "SPRING_CONFIG_ADDITIONAL_LOCATION")
                    .doesNotContainKey("SPRING_PROFILES_ACTIVE");
        }
        for (String side : DeployFiles.SIDES) {
            assertThat(DeployFiles.composeEnvironment(side)).containsKey("COUPONS_SECURITY_ADMINUIKEY");
            assertThat(DeployFiles.k8sEnvironment(side)).containsKey("COUPONS_SECURITY_ADMINUIKEY");
        }
        assertThat(DeployYaml.load(DeployFiles.DEPLOY.resolve("config/admin-ui-production.yml")))
                .extractingByKey("coupons").asString().contains("users");
    }

    @Test
    void everyPlaceholderTheActiveProfilesNeedIsSetAndEveryProfileExists() throws IOException {
        for (String side : DeployFiles.SIDES) {
            AppConfiguration app = apps.get(side);
            for (Map.Entry<String, Map<String, String>> file : Map.of("compose", DeployFiles.composeEnvironment(side),
                    "k8s", DeployFiles.k8sEnvironment(side)).entrySet()) {
                Set<String> profiles = Arrays.stream(file.getValue().getOrDefault("SPRING_PROFILES_ACTIVE", "")
                        .split(",")).map(String::trim).filter(p -> !p.isEmpty()).collect(Collectors.toSet());
                assertThat(profiles).as(file.getKey() + " " + side + " profiles").isNotEmpty()
                        .isSubsetOf(app.profiles());
                assertThat(file.getValue().keySet()).as(file.getKey() + " " + side + " required variables")
                        .containsAll(app.required(profiles));
            }
        }
    }

    @Test
    void portsAgreeWithTheApplicationsDefaultPort() throws IOException {
        for (String side : DeployFiles.APPLICATIONS) {
            String port = AppConfiguration.resolved(apps.get(side).value("server.port"));
            assertThat(port).as(side).matches("\\d+");
            String dockerfile = Files.readString(DeployFiles.DEPLOY.resolve("compose/Dockerfile." + side));
            assertThat(dockerfile).as(side + " Dockerfile").containsPattern("(?m)^EXPOSE " + port + "$");
            Map<String, Object> container = DeployFiles.container(side);
            Map<String, Object> http = DeployYaml.list(container, "ports").stream().map(DeployYaml::asMap)
                    .filter(p -> "http".equals(p.get("name"))).findFirst().orElseThrow();
            assertThat(String.valueOf(http.get("containerPort"))).as(side + " containerPort").isEqualTo(port);
            assertThat(DeployFiles.k8sEnvironment(side).getOrDefault("SERVER_PORT", port)).isEqualTo(port);
            Map<String, Object> service = DeployYaml.asMap(DeployYaml.list(DeployFiles.k8s(side + "-service.yaml"),
                    "spec.ports").get(0));
            assertThat(String.valueOf(service.get("port"))).as(side + " Service port").isEqualTo(port);
            assertThat(service.get("targetPort")).as(side + " Service targetPort").isEqualTo("http");
            assertThat(String.join(" ", DeployFiles.healthcheck(side))).as(side + " healthcheck")
                    .contains("${SERVER_PORT:-" + port + "}");
            assertThat(DeployFiles.composeEnvironment(side)).doesNotContainKey("MANAGEMENT_SERVER_PORT");
            assertThat(DeployFiles.k8sEnvironment(side)).doesNotContainKey("MANAGEMENT_SERVER_PORT");
        }
    }

    @Test
    void probesAreTheApplicationsHealthGroups() throws IOException {
        for (String side : DeployFiles.SIDES) {
            assertThat(String.valueOf(apps.get(side).value("management.endpoint.health.group.readiness.include"))
                    .split(",")).as(side + ": readiness includes the event processors").contains("eventProcessors", "db");
        }
        for (String side : DeployFiles.APPLICATIONS) {
            AppConfiguration app = apps.get(side);
            assertThat(app.value("management.endpoint.health.probes.enabled")).as(side).isEqualTo(true);
            assertThat(String.valueOf(app.value("management.endpoints.web.exposure.include")).split(","))
                    .as(side).contains("health");
            assertThat(DeployFiles.probePaths(side)).as(side).isEqualTo(Map.of(
                    "startupProbe", "/actuator/health/liveness",
                    "livenessProbe", "/actuator/health/liveness",
                    "readinessProbe", "/actuator/health/readiness"));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(DeployYaml.at(DeployFiles.container(side), probe + ".httpGet.port")).isEqualTo("http");
            }
            assertThat(String.join(" ", DeployFiles.healthcheck(side))).contains("/actuator/health/readiness");
        }
    }

    @Test
    void imagesAreBuiltFromTheJarsMavenMakes() throws IOException {
        String version = projectVersion();
        for (String side : DeployFiles.APPLICATIONS) {
            Map<String, Object> build = DeployYaml.map(DeployFiles.composeService(side), "build");
            assertThat(build.get("context")).isEqualTo("../..");
            Path dockerfile = DeployFiles.DEPLOY.resolve("compose").resolve(String.valueOf(build.get("context")))
                    .resolve(String.valueOf(build.get("dockerfile"))).normalize();
            assertThat(dockerfile).as(side).exists();
            String classifier = classifier(side);
            String jar = side + "/target/" + side + "-" + version + "-" + classifier + ".jar";
            assertThat(Files.readString(dockerfile)).as(side + " copies the jar Maven builds")
                    .contains("COPY " + jar + " /app/app.jar");
            assertThat(Files.readAllLines(Path.of(dockerfile + ".dockerignore"))).as(side + " .dockerignore")
                    .contains("*", "!" + jar);
            String image = String.valueOf(DeployFiles.container(side).get("image"));
            assertThat(image).as(side + " image").endsWith("/" + side + ":" + version.replace("-SNAPSHOT", ""));
        }
    }

    @Test
    void stoppingLeavesRoomForTheGracefulShutdown() throws IOException {
        for (String side : DeployFiles.APPLICATIONS) {
            Duration phase = shutdownPhase(side);
            Map<String, Object> pod = DeployYaml.map(DeployFiles.k8s(side + "-deployment.yaml"), "spec.template.spec");
            long grace = ((Number) pod.get("terminationGracePeriodSeconds")).longValue();
            List<Object> preStop = DeployYaml.list(DeployFiles.container(side), "lifecycle.preStop.exec.command");
            long sleep = preStop.size() == 2 && "sleep".equals(preStop.get(0))
                    ? Long.parseLong(String.valueOf(preStop.get(1))) : 0;
            assertThat(grace).as(side + ": preStop sleep + Spring's shutdown phase fit the grace period")
                    .isGreaterThanOrEqualTo(sleep + phase.toSeconds() + 5);
            Duration composeGrace = DurationStyle.detectAndParse(String.valueOf(
                    DeployFiles.composeService(side).get("stop_grace_period")));
            assertThat(composeGrace).as(side + " compose stop_grace_period")
                    .isGreaterThanOrEqualTo(phase.plusSeconds(5));
        }
    }

    @Test
    void productionConfigFilesHoldOnlyPropertiesTheSideReads() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (String side : DeployFiles.APPLICATIONS) {
            Map<String, Object> file = DeployYaml.load(DeployFiles.DEPLOY.resolve("config/" + side + "-production.yml"));
            for (String key : flatten("", file)) {
                if (!apps.get(side).reads(AppConfiguration.variable(key))) {
                    unknown.add(side + ": " + key);
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void theOperatorsTableListsEveryVariableTheFilesSet() throws IOException {
        Matcher rows = Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\|").matcher(
                Files.readString(DeployFiles.DEPLOY.resolve("README.md")));
        Set<String> documented = new TreeSet<>();
        while (rows.find()) {
            documented.add(rows.group(1));
        }
        Set<String> set = new TreeSet<>();
        for (String side : DeployFiles.APPLICATIONS) {
            set.addAll(DeployFiles.composeEnvironment(side).keySet());
            set.addAll(DeployFiles.k8sEnvironment(side).keySet());
        }
        Set<String> interpolated = new TreeSet<>();
        Matcher uses = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(
                Files.readString(DeployFiles.DEPLOY.resolve("compose/compose.yaml")));
        while (uses.find()) {
            interpolated.add(uses.group(1));
        }
        assertThat(documented).as("deploy/README.md's variables").containsAll(set).containsAll(interpolated);
        Set<String> nowhere = new TreeSet<>(documented);
        nowhere.removeAll(set);
        nowhere.removeAll(interpolated);
        nowhere.removeIf(v -> DeployFiles.APPLICATIONS.stream().anyMatch(side -> apps.get(side).reads(v)));
        assertThat(nowhere).as("documented variables nothing uses").isEmpty();
    }

    private static Duration shutdownPhase(String side) throws IOException {
        Map<String, Object> file = DeployYaml.load(DeployFiles.DEPLOY.resolve("config/" + side + "-production.yml"));
        Object configured = DeployYaml.at(file, "spring.lifecycle.timeout-per-shutdown-phase");
        return configured == null ? Duration.ofSeconds(30) : DurationStyle.detectAndParse(String.valueOf(configured));
    }

    private static Set<String> flatten(String prefix, Map<String, Object> node) {
        Set<String> keys = new HashSet<>();
        node.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> child && !child.isEmpty()) {
                keys.addAll(flatten(path, DeployYaml.asMap(child)));
            } else {
                keys.add(path);
            }
        });
        return keys;
    }

    private static String projectVersion() throws IOException {
        Matcher matcher = Pattern.compile("<artifactId>coupons-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(DeployFiles.ROOT.resolve("pom.xml")));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String classifier(String side) throws IOException {
        Matcher matcher = Pattern.compile("<classifier>([^<]+)</classifier>")
                .matcher(Files.readString(DeployFiles.ROOT.resolve(side).resolve("pom.xml")));
        assertThat(matcher.find()).as(side + " builds a runnable jar with a classifier").isTrue();
        return matcher.group(1);
    }
}
