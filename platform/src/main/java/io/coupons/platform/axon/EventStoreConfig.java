package io.coupons.platform.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store on PostgreSQL, on every profile: with Axon Server too, where Axon Server only
 * routes commands and queries between instances ({@code axon.axonserver.event-store.enabled:
 * false} in the {@code axonserver} profile). So an event and the rows that enforce the rule it
 * records (code registry, usage ledger, lookup tables) always commit in one PostgreSQL transaction:
 * one system of record, one commit per decision. Built as Axon's auto-configuration would build it
 * but for one setting: Axon keeps up to 10,000 recent events in memory for processors tailing the
 * stream, and with generation chunks of tens of kilobytes that is gigabytes. A small cache keeps
 * memory bounded whatever the size of a batch; a processor that falls behind reads from the
 * database instead. (Declaring the store means declaring the storage engine and its entities too:
 * Axon's auto-configuration backs off from all three when either exists.)
 */
@Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class EventStoreConfig {

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration axon,
                                                 EntityManagerProvider entityManagerProvider,
                                                 TransactionManager transactionManager,
                                                 @Value("${coupons.event-store.read-batch-size:50}") int readBatchSize) {
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .batchSize(readBatchSize)
                .build();
    }

    @Bean
    public EventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                 @Value("${coupons.event-store.cached-events:64}") int cachedEvents) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .cachedEvents(cachedEvents)
                .build();
    }
}
