package io.coupons.api.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a single-code campaign a new code; the old one stops being the campaign's. */
public record ChangeCampaignCodeCommand(@TargetAggregateIdentifier CampaignId campaignId, String code) {
}
