package io.coupons.api.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnlinkDiscountRuleCommand(@TargetAggregateIdentifier CampaignId campaignId) {
}
