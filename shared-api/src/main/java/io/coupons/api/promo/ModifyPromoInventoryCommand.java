package io.coupons.api.promo;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Modify Inventory for every code of the batch: Increment or Set, with an amount. */
public record ModifyPromoInventoryCommand(@TargetAggregateIdentifier PromoBatchId promoBatchId,
                                          @Nullable InventoryAction action, @Nullable Long amount) {
}
