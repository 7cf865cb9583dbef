package io.coupons.platform.persistence;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs Flyway's migration under a PostgreSQL session advisory lock shared by both sides, so any
 * number of command-side and query-side instances can start together on one database. Without it
 * two instances starting at once on an empty database raced creating the same schema history
 * table ("Unable to baseline schema history table … as it already exists, and is empty") or the
 * Axon tables both sides apply, and the loser did not start ({@code MultiInstanceFailoverTest}
 * met it). Flyway's own lock covers migrations inside one history, not the creation of the history
 * table, nor two histories sharing tables.
 */
@Configuration(proxyBeanMethods = false)
public class SerializedMigrations {

    /** "FLYWAYMIG" folded into a bigint: apart from every other lock key of the service. */
    static final long LOCK_KEY = 0x464C5957414D4947L;

    @Bean
    public FlywayMigrationStrategy serializedMigration() {
        return flyway -> {
            try (SessionLock lock = SessionLock.acquire(flyway.getConfiguration().getDataSource(), LOCK_KEY)) {
                flyway.migrate();
            }
        };
    }
}
