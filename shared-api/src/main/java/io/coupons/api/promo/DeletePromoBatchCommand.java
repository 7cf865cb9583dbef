package io.coupons.api.promo;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete: the batch and all its codes stop working; the history stays. */
public record DeletePromoBatchCommand(@TargetAggregateIdentifier PromoBatchId promoBatchId) {
}
