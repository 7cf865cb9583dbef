package io.coupons.api.redemption;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How much a code has been used.
 *
 * @param usesPerCode      the campaign's usage limit per code (null: unlimited)
 * @param redemptions      redemptions in force: recorded minus reversed ("total redemptions")
 * @param recorded         every redemption ever recorded, reversed ones included
 * @param reversals        how many of those were reversed
 * @param remainingUses    usesPerCode - redemptions, never below 0 (null: unlimited)
 * @param lastUsedAt       the most recent redemption (null: never used)
 * @param discountGiven    discount of the redemptions in force, per currency
 */
public record CodeUsageView(String code, UUID campaignId, UUID batchId, Integer batchNumber, Integer usesPerCode,
                            long redemptions, long recorded, long reversals, Long remainingUses, Instant lastUsedAt,
                            List<CurrencyAmount> discountGiven) {

    public CodeUsageView {
        discountGiven = discountGiven == null ? List.of() : List.copyOf(discountGiven);
    }
}
