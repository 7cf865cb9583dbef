package io.coupons.api.batch;

import io.coupons.api.campaign.CampaignId;
import org.axonframework.serialization.Revision;

/** Someone downloaded the batch's codes (who is in the metadata): the batch counts as exported. */
@Revision("1")
public record BatchDownloadedEvent(BatchId batchId, CampaignId campaignId, int batchNumber, DownloadFormat format) {
}
