package io.coupons.api.campaign;

import io.coupons.api.rule.DiscountRuleId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Link the campaign to a rule, replacing the rule linked before, if any. */
public record LinkDiscountRuleCommand(@TargetAggregateIdentifier CampaignId campaignId,
                                      DiscountRuleId discountRuleId) {
}
