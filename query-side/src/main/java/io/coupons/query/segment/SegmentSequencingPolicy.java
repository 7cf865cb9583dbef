package io.coupons.query.segment;

import io.coupons.api.segment.SegmentDefinedEvent;
import io.coupons.api.segment.SegmentMembersReplacedEvent;
import io.coupons.api.segment.SegmentMembersStagedEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Keeps every event of one segment in order: the chunks (not events of the aggregate) and the
 * segment's own events share the segment id, while different segments project in parallel.
 */
public class SegmentSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final SequentialPerAggregatePolicy otherwise = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof SegmentMembersStagedEvent e) {
            return e.segmentId().toString();
        }
        if (payload instanceof SegmentMembersReplacedEvent e) {
            return e.segmentId().toString();
        }
        if (payload instanceof SegmentDefinedEvent e) {
            return e.segmentId().toString();
        }
        return otherwise.getSequenceIdentifierFor(event);
    }
}
