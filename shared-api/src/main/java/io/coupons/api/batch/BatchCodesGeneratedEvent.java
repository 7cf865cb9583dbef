package io.coupons.api.batch;

import io.coupons.api.campaign.CampaignId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * One chunk of a batch's codes, written in the same transaction that reserved them. Chunks are
 * bounded (a few tens of thousands of codes) so no event and no transaction grows with the batch.
 *
 * @param chunk     0, 1, 2... within the batch
 * @param codes     the codes of this chunk, each unique across every code of every campaign
 * @param generated codes of the batch generated so far, this chunk included
 */
@Revision("1")
public record BatchCodesGeneratedEvent(BatchId batchId, CampaignId campaignId, int batchNumber, int chunk,
                                       List<String> codes, long generated) {
}
