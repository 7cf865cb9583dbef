package io.coupons.api.batch;

import io.coupons.api.campaign.CampaignId;
import org.axonframework.serialization.Revision;

/**
 * A campaign accepted a generation run and gave it the next batch number. The codes follow as
 * {@link BatchCodesGeneratedEvent}s, then {@link BatchGenerationCompletedEvent}.
 *
 * @param prefix the campaign code at the time of the request: codes are {@code PREFIX-RANDOM}
 */
@Revision("1")
public record BatchGenerationRequestedEvent(CampaignId campaignId, BatchId batchId, int batchNumber, String prefix,
                                            long quantity, int randomLength) {
}
