package io.coupons.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The read side: projections fed by the event store, queries over them. */
@SpringBootApplication(scanBasePackages = {"io.coupons.query", "io.coupons.platform"})
public class QuerySideApplication {

    /** Its own config name, so both sides can share one classpath in the local launcher. */
    public static final String CONFIG_NAME = "query-side";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
