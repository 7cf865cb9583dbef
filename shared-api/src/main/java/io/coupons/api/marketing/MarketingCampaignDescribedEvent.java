package io.coupons.api.marketing;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/** A marketing campaign's description is now this one (null: none); its name never changes. */
@Revision("1")
public record MarketingCampaignDescribedEvent(MarketingCampaignId marketingCampaignId,
                                              @Nullable String description) {
}
