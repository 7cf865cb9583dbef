package io.coupons.query.redemption;

import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.api.redemption.RedemptionReversedEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * One campaign's redemptions and reversals are projected by one segment, in order. Per redemption
 * (the aggregate, Axon's default) would keep a reversal after its redemption, but two segments
 * would then update the same code's counters and the same campaign's daily rows at once, each
 * waiting for the other's transaction to commit (the writes lock rows in key order, so they would
 * wait rather than deadlock, but wait on every batch of a busy campaign). Per code would still
 * share the daily rows. Per campaign gives every counter row one writer; campaigns still project
 * in parallel. (The code counters are per code and campaign, so even a code freed by a
 * single-code change and taken by another campaign gives each campaign rows of its own.)
 *
 * <p>A promo code's redemption has no campaign, and its reversal names neither campaign nor promo
 * batch, only the code: both are sequenced by the code, so a reversal still follows its redemption
 * and each promo code's usage row has one writer. A promo batch's daily rows may then be written by
 * two segments at once; they wait for each other (rows in key order), they cannot deadlock.
 */
public class UsageSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private static final String PROMO = "promo-code:";

    private final SequentialPerAggregatePolicy otherwise = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof CodeRedeemedEvent e) {
            return e.campaignId() == null ? PROMO + e.code() : e.campaignId().toString();
        }
        if (payload instanceof RedemptionReversedEvent e) {
            return e.campaignId() == null ? PROMO + e.code() : e.campaignId().toString();
        }
        return otherwise.getSequenceIdentifierFor(event);
    }
}
