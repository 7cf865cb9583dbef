package io.coupons.query.batch;

import io.coupons.api.batch.BatchCodesGeneratedEvent;
import io.coupons.api.batch.BatchDownloadedEvent;
import io.coupons.api.batch.BatchGenerationCompletedEvent;
import io.coupons.api.batch.BatchGenerationFailedEvent;
import io.coupons.api.batch.BatchGenerationRequestedEvent;
import io.coupons.api.promo.PromoBatchCreatedEvent;
import io.coupons.api.promo.PromoBatchDeletedEvent;
import io.coupons.api.promo.PromoBatchEnabledChangedEvent;
import io.coupons.api.promo.PromoCodeEditedEvent;
import io.coupons.api.promo.PromoCodesCloneRequestedEvent;
import io.coupons.api.promo.PromoCodesGeneratedEvent;
import io.coupons.api.promo.PromoGenerationCompletedEvent;
import io.coupons.api.promo.PromoGenerationFailedEvent;
import io.coupons.api.promo.PromoInventoryModifiedEvent;
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
        Object promoBatch = promoBatchOf(payload);
        if (promoBatch != null) {
            return promoBatch.toString();
        }
        return otherwise.getSequenceIdentifierFor(event);
    }

    private static Object promoBatchOf(Object payload) {
        if (payload instanceof PromoCodesGeneratedEvent e) {
            return e.promoBatchId();
        }
        if (payload instanceof PromoBatchCreatedEvent e) {
            return e.promoBatchId();
        }
        if (payload instanceof PromoGenerationCompletedEvent e) {
            return e.promoBatchId();
        }
        if (payload instanceof PromoGenerationFailedEvent e) {
            return e.promoBatchId();
        }
        if (payload instanceof PromoCodesCloneRequestedEvent e) {
            return e.promoBatchId();
        }
        if (payload instanceof PromoCodeEditedEvent e) {
            return e.promoBatchId();
        }
        if (payload instanceof PromoInventoryModifiedEvent e) {
            return e.promoBatchId();
        }
        if (payload instanceof PromoBatchEnabledChangedEvent e) {
            return e.promoBatchId();
        }
        if (payload instanceof PromoBatchDeletedEvent e) {
            return e.promoBatchId();
        }
        return null;
    }
}
