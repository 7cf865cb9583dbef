package io.coupons.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The write side: aggregates decide, events go to the event store. */
@SpringBootApplication(scanBasePackages = {"io.coupons.command", "io.coupons.platform"})
public class CommandSideApplication {

    /** Its own config name, so both sides can share one classpath in the local launcher. */
    public static final String CONFIG_NAME = "command-side";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
