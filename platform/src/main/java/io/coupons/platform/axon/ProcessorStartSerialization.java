package io.coupons.platform.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets one instance at a time start its event processors. Two query-side instances starting
 * together on an empty database both found no tokens for a processor, both inserted its first
 * segments, and the second failed at {@code token_entry}'s key and did not start at all
 * ({@code MultiInstanceFailoverTest} met it). A PostgreSQL session advisory lock, taken just before
 * Axon's phase that starts the processors and released just after it (Axon finishes a phase before
 * the next), makes the second instance wait a moment and then find the tokens, so it claims
 * segments instead. A crashed holder's lock goes with its connection.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorStartSerialization {

    /** "COUPONS" in ASCII: the session lock's key, apart from the transaction locks' keys. */
    static final long LOCK_KEY = 0x434F55504F4E53L;

    @Bean
    public ConfigurerModule serializeProcessorStart(DataSource dataSource) {
        return configurer -> {
            AtomicReference<Connection> held = new AtomicReference<>();
            configurer.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, () -> held.set(lock(dataSource)));
            configurer.onStart(Phase.INBOUND_EVENT_CONNECTORS + 1, () -> release(held.getAndSet(null)));
        };
    }

    private static Connection lock(DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                lock.execute();
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the processor start lock", e);
        }
    }

    private static void release(Connection connection) {
        if (connection == null) {
            return;
        }
        try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, LOCK_KEY);
            unlock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release the processor start lock", e);
        }
    }
}
