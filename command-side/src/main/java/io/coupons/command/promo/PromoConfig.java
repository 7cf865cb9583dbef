package io.coupons.command.promo;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Promo batches' lookup tables are written by a subscribing processor in the transaction of the
 * batch's command, and a failure there fails that command (never logged and skipped, which would
 * leave a deleted batch redeemable).
 */
@Configuration(proxyBeanMethods = false)
public class PromoConfig {

    @Bean
    public ConfigurerModule promoTermsProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(PromoTerms.GROUP)
                .registerListenerInvocationErrorHandler(PromoTerms.GROUP, config -> PropagatingErrorHandler.instance()));
    }
}
