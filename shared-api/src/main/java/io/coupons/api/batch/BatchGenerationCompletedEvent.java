package io.coupons.api.batch;

import io.coupons.api.campaign.CampaignId;
import org.axonframework.serialization.Revision;

/** Every requested code of the batch exists. */
@Revision("1")
public record BatchGenerationCompletedEvent(BatchId batchId, CampaignId campaignId, int batchNumber,
                                            long generated) {
}
