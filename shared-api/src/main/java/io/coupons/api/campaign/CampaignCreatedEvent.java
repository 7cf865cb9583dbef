package io.coupons.api.campaign;

import io.coupons.api.rule.DiscountRuleId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A campaign exists. {@code urlToken} is set for {@link CampaignType#URL_TOKEN} campaigns only. */
@Revision("1")
public record CampaignCreatedEvent(CampaignId campaignId, String code, CampaignType type,
                                   DiscountRuleId discountRuleId, Integer usesPerCode, Instant startsAt,
                                   Instant expiresAt, String urlToken) {
}
