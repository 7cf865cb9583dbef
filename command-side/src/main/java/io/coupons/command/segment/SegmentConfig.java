package io.coupons.command.segment;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link SegmentMembers} switches the member set in force inside the replacing command's
 * transaction (a subscribing processor) and a failure there fails the command, instead of
 * Axon's default of logging and skipping: the event and the switch commit together or not at all.
 */
@Configuration(proxyBeanMethods = false)
public class SegmentConfig {

    static final String GROUP = "segment-members";

    @Bean
    public ConfigurerModule segmentMembersProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(GROUP)
                .registerListenerInvocationErrorHandler(GROUP, config -> PropagatingErrorHandler.instance()));
    }
}
