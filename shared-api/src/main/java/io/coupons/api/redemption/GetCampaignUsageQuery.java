package io.coupons.api.redemption;

import java.util.UUID;

/** Usage statistics of a whole campaign, all its codes and batches. Answers {@link UsageStatistics}. */
public record GetCampaignUsageQuery(UUID campaignId) {
}
