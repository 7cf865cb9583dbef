package io.coupons.query.segment;

import io.coupons.api.common.AuditMetadata;
import io.coupons.api.segment.SegmentDefinedEvent;
import io.coupons.api.segment.SegmentId;
import io.coupons.api.segment.SegmentMembersReplacedEvent;
import io.coupons.api.segment.SegmentMembersStagedEvent;
import io.coupons.query.EventAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionTemplate;

/** Appends segment events as the command side does: chunks outside the aggregate, then the switch. */
final class SegmentEvents {

    private final EventStore eventStore;
    private final TransactionTemplate transactions;
    private final EventAppender aggregateEvents;
    private final Map<SegmentId, Long> sequences = new HashMap<>();

    SegmentEvents(EventStore eventStore, TransactionTemplate transactions) {
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.aggregateEvents = new EventAppender(eventStore, transactions);
    }

    SegmentId define(String name) {
        SegmentId id = SegmentId.of(name);
        append(id, new SegmentDefinedEvent(id, name));
        return id;
    }

    /** Stages the ids (in chunks of {@code chunkSize}) under a new upload; answers the upload. */
    UUID stage(SegmentId id, List<String> accountIds, int chunkSize) {
        UUID upload = UUID.randomUUID();
        List<String> sorted = new ArrayList<>(accountIds);
        sorted.sort(String::compareTo);
        for (int from = 0, chunk = 0; from < sorted.size(); from += chunkSize, chunk++) {
            SegmentMembersStagedEvent event = new SegmentMembersStagedEvent(id, upload, chunk,
                    sorted.subList(from, Math.min(sorted.size(), from + chunkSize)));
            transactions.executeWithoutResult(status -> eventStore.publish(GenericEventMessage.asEventMessage(event)
                    .andMetaData(Map.of(AuditMetadata.USER, "alice"))));
        }
        return upload;
    }

    void replace(SegmentId id, UUID upload, int revision, long members) {
        append(id, new SegmentMembersReplacedEvent(id, upload, revision, members, 0));
    }

    /** Stages and switches at once. */
    void replace(SegmentId id, int revision, List<String> accountIds) {
        replace(id, stage(id, accountIds, 100), revision, accountIds.size());
    }

    private void append(SegmentId id, Object event) {
        long sequence = sequences.merge(id, 0L, (old, zero) -> old + 1);
        aggregateEvents.append("Segment", id, sequence, event);
    }
}
