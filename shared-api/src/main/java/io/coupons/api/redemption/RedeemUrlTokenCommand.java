package io.coupons.api.redemption;

import org.axonframework.commandhandling.RoutingKey;

/**
 * {@link RedeemCodeCommand} for a URL token: the use is recorded on the token's campaign code, so
 * the redemption id is {@code RedemptionId.of(campaignCode, orderId)}.
 */
public record RedeemUrlTokenCommand(@RoutingKey String token, OrderContext order) {
}
