package io.coupons.api.promo;

/** Modify Inventory's "Action". */
public enum InventoryAction {
    /** Adds the amount to every code's remaining usages. */
    INCREMENT,
    /** Makes every code's remaining usages exactly the amount (its redemptions so far stay in its history). */
    SET
}
