package io.coupons.platform.axon;

import io.coupons.platform.persistence.SessionLock;
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
            AtomicReference<SessionLock> held = new AtomicReference<>();
            configurer.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1,
                    () -> held.set(SessionLock.acquire(dataSource, LOCK_KEY)));
            configurer.onStart(Phase.INBOUND_EVENT_CONNECTORS + 1, () -> {
                SessionLock lock = held.getAndSet(null);
                if (lock != null) {
                    lock.close();
                }
            });
        };
    }
}
