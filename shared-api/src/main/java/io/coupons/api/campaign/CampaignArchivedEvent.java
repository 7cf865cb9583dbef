package io.coupons.api.campaign;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CampaignArchivedEvent(CampaignId campaignId) {
}
