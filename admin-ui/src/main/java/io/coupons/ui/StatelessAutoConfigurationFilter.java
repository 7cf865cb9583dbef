package io.coupons.ui;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps the database, Axon and the API description out of the admin UI's context. The UI depends on
 * platform (for its problem bodies and defences), and in the local launcher it shares one classpath
 * with both sides, so Boot would otherwise configure a DataSource, Flyway, JPA and Axon for an
 * application that must never touch the store. Active only in a context that sets {@link #PROPERTY}
 * ({@link AdminUiApplication#start}); the two sides' contexts are left as they are.
 */
public class StatelessAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String PROPERTY = "coupons.admin-ui.stateless";

    private static final List<String> LEFT_OUT = List.of(
            "org.axonframework.",
            "org.springdoc.",
            "org.springframework.boot.jdbc.",
            "org.springframework.boot.jpa.",
            "org.springframework.boot.data.",
            "org.springframework.boot.hibernate.",
            "org.springframework.boot.flyway.",
            "org.springframework.boot.sql.",
            "org.springframework.boot.security.oauth2.server.resource.");

    private boolean active;

    @Override
    public void setEnvironment(Environment environment) {
        active = environment.getProperty(PROPERTY, Boolean.class, false);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] kept = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String name = autoConfigurationClasses[i];
            kept[i] = !active || name == null || LEFT_OUT.stream().noneMatch(name::startsWith);
        }
        return kept;
    }
}
