package io.coupons.api.redemption;

import java.util.UUID;

/** Usage statistics of one generation batch's codes. Answers {@link UsageStatistics}. */
public record GetBatchUsageQuery(UUID batchId) {
}
