package io.coupons.api.promo;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The batch's Enabled flag, editable after creation. */
public record SetPromoBatchEnabledCommand(@TargetAggregateIdentifier PromoBatchId promoBatchId, boolean enabled) {
}
