package io.coupons.query.projection;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection has a dead-letter queue ({@code dead_letter_entry}, in PostgreSQL beside the
 * projections and tokens): an event whose handler fails for a reason that retrying will not cure
 * (a bug, a value the projection cannot store) is parked with its cause, together with every later
 * event of the same sequence (the processor's sequencing policy: one aggregate, one batch, one
 * campaign's usage), so that sequence stays in order while every other sequence goes on. Admins
 * inspect and retry them ({@link DeadLetterController}). A transient failure (connection lost,
 * deadlock, serialization failure) is not parked: the batch rolls back and the segment retries it
 * ({@link ProjectionEnqueuePolicy}). A failed handler's writes never commit, the parked event's
 * included ({@link HandlerSavepoints}): PostgreSQL refuses every further statement of a
 * transaction in which one failed, so without that the whole batch could never commit.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfig {

    /**
     * Runs after Axon's own dead-letter module (order 0), which enables queues only for the groups
     * listed in properties: here every processing group of this side gets one, with none to forget.
     */
    @Bean
    public ConfigurerModule projectionDeadLetterQueues(ListableBeanFactory beans,
                                                       EntityManagerProvider entityManagerProvider,
                                                       TransactionManager transactionManager,
                                                       Serializer genericSerializer,
                                                       @Qualifier("eventSerializer") Serializer eventSerializer,
                                                       @Value("${coupons.projections.dead-letters.max-sequences:1024}")
                                                       int maxSequences) {
        Set<String> groups = processingGroups(beans);
        return new ConfigurerModule() {
            @Override
            public void configureModule(org.axonframework.config.Configurer configurer) {
                configurer.eventProcessing(processing -> {
                    processing.registerDeadLetterQueueProvider(group -> config -> JpaSequencedDeadLetterQueue
                            .builder()
                            .processingGroup(group)
                            .maxSequences(maxSequences)
                            .entityManagerProvider(entityManagerProvider)
                            .transactionManager(transactionManager)
                            .genericSerializer(genericSerializer)
                            .eventSerializer(eventSerializer)
                            .build());
                    processing.registerDefaultDeadLetterPolicy(config -> new ProjectionEnqueuePolicy());
                    // Without the cache every event costs a query asking whether its sequence is parked.
                    // A reset (replay) clears the queue: the replay handles those events again anyway.
                    groups.forEach(group -> processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                            (config, builder) -> builder.enableSequenceIdentifierCache().allowReset(true)));
                });
            }

            @Override
            public int order() {
                return 1;
            }
        };
    }

    @Bean
    public HandlerSavepoints handlerSavepoints(DataSource dataSource, Clock clock) {
        return new HandlerSavepoints(dataSource, clock);
    }

    /** The {@code @ProcessingGroup} of every handler bean, read from the bean definitions. */
    static Set<String> processingGroups(ListableBeanFactory beans) {
        Set<String> groups = new LinkedHashSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null) {
                groups.add(group.value());
            }
        }
        return groups;
    }
}
