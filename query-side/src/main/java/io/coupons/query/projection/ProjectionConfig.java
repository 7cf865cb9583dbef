package io.coupons.query.projection;

import io.coupons.query.batch.BatchSequencingPolicy;
import io.coupons.query.code.CodesProjection;
import io.coupons.query.redemption.UsageProjection;
import io.coupons.query.redemption.UsageSequencingPolicy;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection runs in a pooled streaming processor (the Boot default is a tracking processor
 * with one segment handling one event per transaction). A failing handler propagates: the segment
 * backs off and retries the batch instead of Axon's default of logging and skipping the event,
 * which would leave the read model silently wrong.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfig {

    /**
     * Generation chunks carry tens of thousands of codes each: a few per transaction keeps
     * transactions short, and per-batch sequencing keeps a batch's events in order.
     */
    @Bean
    public ConfigurerModule codesProcessor(@Value("${coupons.projections.codes-batch-size:4}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(CodesProjection.PROCESSING_GROUP,
                        (config, builder) -> builder.batchSize(batchSize))
                .registerSequencingPolicy(CodesProjection.PROCESSING_GROUP, config -> new BatchSequencingPolicy()));
    }

    /** Usage counters are shared by every redemption of a campaign: see {@link UsageSequencingPolicy}. */
    @Bean
    public ConfigurerModule usageProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSequencingPolicy(UsageProjection.PROCESSING_GROUP, config -> new UsageSequencingPolicy()));
    }

    @Bean
    public ConfigurerModule pooledProjections(@Value("${coupons.projections.batch-size:100}") int batchSize,
                                              @Value("${coupons.projections.segments:4}") int segments) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((config, builder) -> builder
                        .batchSize(batchSize)
                        .initialSegmentCount(segments))
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance()));
    }
}
