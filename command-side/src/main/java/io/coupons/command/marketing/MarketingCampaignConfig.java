package io.coupons.command.marketing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link MarketingCampaignNames} writes its row inside the defining command's transaction (a
 * subscribing processor) and a failure there fails the command, instead of Axon's default of
 * logging and skipping: a campaign the event store has is always one a rule may name.
 */
@Configuration(proxyBeanMethods = false)
public class MarketingCampaignConfig {

    @Bean
    public ConfigurerModule marketingCampaignNamesProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(MarketingCampaignNames.GROUP)
                .registerListenerInvocationErrorHandler(MarketingCampaignNames.GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }
}
