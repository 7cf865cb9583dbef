package io.coupons.query;

import io.coupons.api.common.AuditMetadata;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends events to the shared event store the way the command side does, so query-side tests
 * exercise the real store, the real processors and the real projection tables.
 */
public final class EventAppender {

    private final EventStore eventStore;
    private final TransactionTemplate transactions;

    public EventAppender(EventStore eventStore, TransactionTemplate transactions) {
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    public void append(String aggregateType, Object aggregateId, long sequence, Object payload) {
        transactions.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(
                aggregateType, aggregateId.toString(), sequence, payload,
                MetaData.from(Map.of(AuditMetadata.USER, "alice")))));
    }
}
