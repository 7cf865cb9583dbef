package io.coupons.api.marketing;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/** A marketing campaign of this name exists from now on; rules may name it. */
@Revision("1")
public record MarketingCampaignDefinedEvent(MarketingCampaignId marketingCampaignId, String name,
                                            @Nullable String description) {
}
