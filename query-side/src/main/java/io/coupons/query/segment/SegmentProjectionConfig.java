package io.coupons.query.segment;

import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Member chunks carry up to ten thousand ids each: a few per transaction keeps transactions short
 * (as for generated codes), and per-segment sequencing keeps an upload's chunks before its switch.
 */
@Configuration(proxyBeanMethods = false)
public class SegmentProjectionConfig {

    @Bean
    public ConfigurerModule segmentsProcessor(@Value("${coupons.projections.segments-batch-size:4}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(SegmentProjection.PROCESSING_GROUP,
                        (config, builder) -> builder.batchSize(batchSize))
                .registerSequencingPolicy(SegmentProjection.PROCESSING_GROUP, config -> new SegmentSequencingPolicy()));
    }
}
