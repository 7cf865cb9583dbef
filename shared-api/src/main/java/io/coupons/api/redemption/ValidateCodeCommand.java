package io.coupons.api.redemption;

import org.axonframework.commandhandling.RoutingKey;

/** The full redemption decision for a code typed at checkout, recording nothing. Answers {@link RedemptionDecision}. */
public record ValidateCodeCommand(@RoutingKey String code, OrderContext order) {
}
