package io.coupons.command.redemption;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.api.redemption.RedemptionDecision;
import io.coupons.api.redemption.RedemptionId;
import io.coupons.api.redemption.RedemptionReversal;
import io.coupons.api.redemption.RedemptionReversedEvent;
import java.time.Instant;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One code redeemed for one order. Small and short-lived on purpose: its stream is at most two
 * events (redeemed, reversed), so it needs neither a cache nor snapshots, and thousands of orders
 * redeeming one popular code are thousands of independent aggregates, not one queue. What must
 * hold across redemptions (uses left, one use per account) is held by the database in the same
 * transaction ({@link UsageLedger}).
 */
@Aggregate
public class Redemption {

    @AggregateIdentifier
    private RedemptionId redemptionId;
    private CodeRedeemedEvent redeemed;
    private Instant reversedAt;

    protected Redemption() {
        // for Axon
    }

    /** Created by {@link RedemptionCommandHandler} once the policy and the ledger said yes. */
    Redemption(CodeRedeemedEvent event) {
        apply(event);
    }

    /** The answer the first request got, for a repeat of the same code and order. */
    RedemptionDecision decision() {
        return new RedemptionDecision(true, null, null, redemptionId.value(), redeemed.code(),
                redeemed.campaignId() == null ? null : redeemed.campaignId().value(), redeemed.discount(), true, null);
    }

    boolean reversed() {
        return reversedAt != null;
    }

    CodeRedeemedEvent redeemed() {
        return redeemed;
    }

    /** Reversing a reversed redemption changes nothing and says so. */
    RedemptionReversal reverse(String reason, Instant now) {
        if (reversedAt != null) {
            return new RedemptionReversal(redemptionId.value(), redeemed.code(), redeemed.orderId(), reversedAt, true);
        }
        apply(new RedemptionReversedEvent(redemptionId, redeemed.code(), redeemed.campaignId(), redeemed.batchId(),
                redeemed.orderId(), redeemed.accountId(), now, reason, redeemed.discount().currency(),
                redeemed.discount().total(), redeemed.promoBatchId(), redeemed.inventorySet()));
        return new RedemptionReversal(redemptionId.value(), redeemed.code(), redeemed.orderId(), now, false);
    }

    @EventSourcingHandler
    void on(CodeRedeemedEvent event) {
        redemptionId = event.redemptionId();
        redeemed = event;
    }

    @EventSourcingHandler
    void on(RedemptionReversedEvent event) {
        reversedAt = event.reversedAt();
    }
}
