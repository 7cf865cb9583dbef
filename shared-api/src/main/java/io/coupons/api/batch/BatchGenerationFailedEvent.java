package io.coupons.api.batch;

import io.coupons.api.campaign.CampaignId;
import org.axonframework.serialization.Revision;

/** The run stopped for good; the codes generated so far stay valid. */
@Revision("1")
public record BatchGenerationFailedEvent(BatchId batchId, CampaignId campaignId, int batchNumber, long generated,
                                         String reason) {
}
