package io.coupons.platform.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
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
 * one system of record, one commit per decision.
 *
 * <p>Axon's JDBC storage engine, not its JPA one: an append is one batched {@code INSERT} on the
 * transaction's own connection (the global index comes from the column's default, the same
 * sequence the JPA mapping used), where the JPA engine took a sequence round trip and a Hibernate
 * flush per event, and reading is plain SQL where the JPA engine translated a query on every poll of
 * every processor. The tables are the same; tokens and dead letters stay with JPA.
 *
 * <p>Built as Axon's auto-configuration would build it but for one setting: Axon keeps up to 10,000 recent events in memory for processors tailing the
 * stream, and with generation chunks of tens of kilobytes that is gigabytes. A small cache keeps
 * memory bounded whatever the size of a batch; a processor that falls behind reads from the
 * database instead. (Declaring the store means declaring the storage engine and its entities too:
 * Axon's auto-configuration backs off from all three when either exists.)
 */
@Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class EventStoreConfig {

    /** The JPA engine's table and column names (V1_0__axon_event_store.sql), not the JDBC engine's camelCase. */
    static final EventSchema SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration axon,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 @Value("${coupons.event-store.read-batch-size:50}") int readBatchSize) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .dataType(byte[].class)
                .schema(SCHEMA)
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
