package io.coupons.query.batch;

import io.coupons.api.batch.BatchCodesGeneratedEvent;
import io.coupons.api.batch.BatchDownloadedEvent;
import io.coupons.api.batch.BatchGenerationCompletedEvent;
import io.coupons.api.batch.BatchGenerationFailedEvent;
import io.coupons.api.batch.BatchGenerationRequestedEvent;
import io.coupons.api.promo.PromoBatchEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Keeps every event of one batch in order (the request, which is a campaign event, before its
 * chunks, which are not), while different batches are projected in parallel segments. A promo
 * batch's events, its own and its runs' chunks alike, are kept in order by the promo batch: a run's
 * chunks land after the request that numbered it, an edit after the chunk that made its code.
 */
public class BatchSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final SequentialPerAggregatePolicy otherwise = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof BatchGenerationRequestedEvent e) {
            return e.batchId().toString();
        }
        if (payload instanceof BatchCodesGeneratedEvent e) {
            return e.batchId().toString();
        }
        if (payload instanceof BatchGenerationCompletedEvent e) {
            return e.batchId().toString();
        }
        if (payload instanceof BatchGenerationFailedEvent e) {
            return e.batchId().toString();
        }
        if (payload instanceof BatchDownloadedEvent e) {
            return e.batchId().toString();
        }
        if (payload instanceof PromoBatchEvent e) {
            return e.promoBatchId().toString();
        }
        return otherwise.getSequenceIdentifierFor(event);
    }
}
