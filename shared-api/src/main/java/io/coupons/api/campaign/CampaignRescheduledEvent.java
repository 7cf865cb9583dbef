package io.coupons.api.campaign;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CampaignRescheduledEvent(CampaignId campaignId, Instant startsAt, Instant expiresAt) {
}
