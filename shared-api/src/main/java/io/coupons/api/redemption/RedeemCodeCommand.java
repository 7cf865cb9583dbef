package io.coupons.api.redemption;

import org.axonframework.commandhandling.RoutingKey;

/**
 * Redeem a code for an order. Answers {@link RedemptionDecision}; sending it again for the same code
 * and order answers the first decision and counts nothing again.
 */
public record RedeemCodeCommand(@RoutingKey String code, OrderContext order) {
}
