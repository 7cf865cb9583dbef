package io.coupons.api.redemption;

import org.axonframework.commandhandling.RoutingKey;

/**
 * Redeem a code for an order. Answers {@link RedemptionDecision}; sending it again for the same code
 * and order answers the first decision and counts nothing again. Sending another order under the
 * same code and order id is refused (409 {@code IDEMPOTENCY_MISMATCH}): see the README for what
 * makes "the same request".
 */
public record RedeemCodeCommand(@RoutingKey String code, OrderContext order) {
}
