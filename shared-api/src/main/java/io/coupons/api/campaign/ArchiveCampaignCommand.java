package io.coupons.api.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop the campaign for good: no longer redeemable, history kept, code stays reserved. */
public record ArchiveCampaignCommand(@TargetAggregateIdentifier CampaignId campaignId) {
}
