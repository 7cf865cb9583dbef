package io.coupons.query.redemption;

import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.api.redemption.RedemptionReversedEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * One campaign's redemptions and reversals are projected by one segment, in order. Per redemption
 * (the aggregate, Axon's default) would keep a reversal after its redemption but let two segments
 * bump the same code's counters and, worse, the same campaign's daily rows at once: each segment's
 * transaction locks several shared rows (one per day, batch and currency), in whatever order its
 * events come, so two of them can deadlock. Per code would still share the daily rows. Per
 * campaign gives every shared row exactly one writer; campaigns still project in parallel.
 */
public class UsageSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final SequentialPerAggregatePolicy otherwise = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof CodeRedeemedEvent e) {
            return e.campaignId().toString();
        }
        if (payload instanceof RedemptionReversedEvent e) {
            return e.campaignId().toString();
        }
        return otherwise.getSequenceIdentifierFor(event);
    }
}
