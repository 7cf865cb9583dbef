package io.coupons.api.redemption;

import org.axonframework.commandhandling.RoutingKey;

/** {@link ValidateCodeCommand} for a URL token (auto-apply link) instead of a typed code. */
public record ValidateUrlTokenCommand(@RoutingKey String token, OrderContext order) {
}
