package io.coupons.api.marketing;

import java.util.UUID;

/** One marketing campaign. Answers an optional {@link MarketingCampaignView} (empty: unknown). */
public record GetMarketingCampaignQuery(UUID marketingCampaignId) {
}
