package io.coupons.platform.axon;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The upcasters of stored events, for both sides: Axon's Spring configuration puts every
 * {@link EventUpcaster} bean into the upcaster chain the event store reads through. Events are
 * forever, so each shape change of an event adds one here, with its test.
 */
@Configuration(proxyBeanMethods = false)
public class EventUpcastersConfig {

    @Bean
    public EventUpcaster codeRedeemedEventRevision2() {
        return new CodeRedeemedEventUpcaster();
    }
}
