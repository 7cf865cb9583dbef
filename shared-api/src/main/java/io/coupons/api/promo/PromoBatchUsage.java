package io.coupons.api.promo;

import java.util.List;
import java.util.UUID;

/**
 * A promo batch's usage.
 *
 * @param codesRedeemed codes with at least one redemption in force
 * @param redemptions   redemptions in force (recorded minus reversed)
 * @param discountGiven discount of the redemptions in force, per currency
 * @param days          per UTC day, oldest first
 */
public record PromoBatchUsage(UUID promoBatchId, long codesRedeemed, long redemptions, long reversals,
                              List<PromoMoney> discountGiven, List<PromoUsageDay> days) {

    public PromoBatchUsage {
        discountGiven = List.copyOf(discountGiven);
        days = List.copyOf(days);
    }
}
