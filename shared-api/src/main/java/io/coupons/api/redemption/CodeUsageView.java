package io.coupons.api.redemption;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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
public record CodeUsageView(String code, UUID campaignId, @Nullable UUID batchId, @Nullable Integer batchNumber,
                            @Nullable Integer usesPerCode, long redemptions, long recorded, long reversals,
                            @Nullable Long remainingUses, @Nullable Instant lastUsedAt,
                            List<CurrencyAmount> discountGiven) {

    public CodeUsageView {
        discountGiven = discountGiven == null ? List.of() : List.copyOf(discountGiven);
    }
}
