package io.coupons.api.batch;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The generation history of a bulk-pool campaign and its pool stats.
 *
 * @param remaining uses left over all codes, or null when the campaign's codes are unlimited
 */
public record GenerationHistory(UUID campaignId, List<GenerationBatchView> batches, PoolStats poolStats) {

    /** Generated, redeemed at least once, total redemptions, remaining uses. */
    public record PoolStats(long generated, long redeemedCodes, long totalRedemptions, @Nullable Long remaining) {
    }
}
