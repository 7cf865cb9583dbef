package io.coupons.api.promo;

import org.axonframework.serialization.Revision;

/**
 * Modify Inventory, one event for the whole batch whatever its size. Every code's remaining usages
 * is {@code allowance} minus its redemptions counted since the batch's {@code setNumber}-th Set
 * (set 0 is the creation's inventory): a Set starts a new count at {@code amount}, an Increment
 * raises the allowance of every code at once.
 *
 * @param allowance what a code never redeemed since the last Set now has
 * @param setNumber how many Sets the batch has had, this one included
 */
@Revision("1")
public record PromoInventoryModifiedEvent(PromoBatchId promoBatchId, InventoryAction action, long amount,
                                          long allowance, int setNumber) implements PromoBatchEvent {
}
