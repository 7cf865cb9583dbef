package io.coupons.bench.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The CRUD peer: the minimal Spring MVC service a user would write instead of ours to redeem codes
 * (HTTP Basic with the same credential cache, Jackson, one JDBC transaction per redemption on
 * HikariCP, Tomcat defaults). The bench runs it as its own JVM from the bench jar
 * ({@code java -Xmx… -jar coupons-bench.jar crud-peer <Spring arguments>}) to hold our redemption
 * throughput against what plain Spring Boot does on the same PostgreSQL.
 */
@SpringBootApplication
public class CrudPeerApplication {

    /** The bench jar's first argument that runs this application instead of the benchmark. */
    public static final String MODE = "crud-peer";

    /**
     * Auto-configurations of the service's own stack, which the bench jar carries (it bundles the
     * command side) but a CRUD application would not have on its classpath: the event store, JPA,
     * schema migrations, API docs, bearer tokens.
     */
    private static final List<String> NOT_ON_A_CRUD_CLASSPATH = List.of("org.axonframework.", "org.springdoc.",
            "org.springframework.boot.flyway.", "org.springframework.boot.hibernate.",
            "org.springframework.boot.data.", "org.springframework.boot.security.oauth2.");

    public static void main(String[] args) {
        new SpringApplicationBuilder(CrudPeerApplication.class)
                .properties("spring.config.name=crud-peer",
                        "spring.autoconfigure.exclude=" + String.join(",", foreignAutoConfigurations()))
                .run(args);
    }

    private static List<String> foreignAutoConfigurations() {
        List<String> foreign = new ArrayList<>();
        try {
            for (URL file : Collections.list(CrudPeerApplication.class.getClassLoader().getResources(
                    "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))) {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
                    lines.lines().map(String::strip)
                            .filter(name -> NOT_ON_A_CRUD_CLASSPATH.stream().anyMatch(name::startsWith))
                            .forEach(foreign::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return foreign;
    }
}
