package io.coupons.command.redemption;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's lookup tables for redemption are written by a subscribing processor, in the
 * transaction of the command that published the event, and a failure there propagates: it fails
 * that command instead of being logged and skipped (Axon's default), which would leave a campaign
 * archived in the event store but redeemable here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedemptionProperties.class)
public class RedemptionConfig {

    @Bean
    public ConfigurerModule redemptionTermsProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(RedemptionTermsProjection.GROUP)
                .registerListenerInvocationErrorHandler(RedemptionTermsProjection.GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }
}
