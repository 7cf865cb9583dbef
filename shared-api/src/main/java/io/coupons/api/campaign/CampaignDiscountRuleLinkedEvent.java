package io.coupons.api.campaign;

import io.coupons.api.rule.DiscountRuleId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CampaignDiscountRuleLinkedEvent(CampaignId campaignId, DiscountRuleId discountRuleId) {
}
