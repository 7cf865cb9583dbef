package io.coupons.api.redemption;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Campaign or batch usage.
 *
 * @param batchId          null for a whole campaign
 * @param codesRedeemed    codes with at least one redemption in force
 * @param redemptions      redemptions in force (recorded minus reversed)
 * @param reversals        reversed redemptions
 * @param discountGiven    discount of the redemptions in force, per currency
 * @param days             the same per day (UTC), oldest first
 */
public record UsageStatistics(UUID campaignId, @Nullable UUID batchId, long codesRedeemed, long redemptions,
                              long reversals, List<CurrencyAmount> discountGiven, List<DailyUsage> days) {

    public UsageStatistics {
        discountGiven = discountGiven == null ? List.of() : List.copyOf(discountGiven);
        days = days == null ? List.of() : List.copyOf(days);
    }
}
