package io.coupons.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@code coupons_dead_letters_events{processor}}: events parked in each projection's dead-letter
 * queue (shared by all instances, so every instance reports the same figure). Anything above 0
 * means a projection lacks events until an admin retries them.
 */
@Component
public class DeadLetterMetrics {

    private final EventProcessingConfiguration processing;
    private final TransactionOperations transactions;
    private final MeterRegistry registry;

    public DeadLetterMetrics(EventProcessingConfiguration processing, TransactionOperations transactions,
                             MeterRegistry registry) {
        this.processing = processing;
        this.transactions = transactions;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        processing.eventProcessors().keySet().forEach(name -> processing.deadLetterQueue(name).ifPresent(queue ->
                Gauge.builder("coupons.dead.letters", queue, q -> transactions.execute(status -> q.size()))
                        .description("Events parked in the projection's dead-letter queue")
                        .baseUnit("events").tag("processor", name).register(registry)));
    }
}
