package io.coupons.platform.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code coupons_processor_lag_events{processor}}: how many events each streaming processor's
 * slowest segment held by this instance is behind the event store's head, read at each scrape
 * (the same figure as the readiness details). A lag that only grows is a stuck or too slow
 * projection.
 */
@Component
public class EventProcessorMetrics {

    /** One head read serves every processor's gauge of one scrape. */
    private static final long HEAD_MAX_AGE_NANOS = 250_000_000L;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MeterRegistry registry;

    public EventProcessorMetrics(EventProcessingConfiguration processing, EventStore eventStore,
                                 MeterRegistry registry) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.registry = registry;
    }

    /** Once the application is ready: Axon has registered every processor by then. */
    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        HeadPosition head = new HeadPosition(() -> EventProcessorsHealth.position(eventStore.createHeadToken()),
                HEAD_MAX_AGE_NANOS, System::nanoTime);
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("coupons.processor.lag", streaming, p -> EventProcessorsHealth.lag(p, head.get()))
                        .description("Events between the store's head and the slowest segment held here")
                        .baseUnit("events").tag("processor", name).register(registry);
            }
        });
    }
}
