package io.coupons.api.batch;

import io.coupons.api.campaign.CampaignId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Generate {@code quantity} unique codes {@code CAMPAIGNCODE-RANDOM} for a bulk-pool campaign, as
 * its next numbered batch. Answers {@link BatchAccepted} at once; the codes follow in the background.
 * Sending it again with the same {@code batchId} answers the same batch and generates nothing more.
 *
 * @param randomLength length of the random part (null: the default, 6)
 */
public record GenerateBatchCommand(@TargetAggregateIdentifier CampaignId campaignId,
                                   BatchId batchId, Long quantity, Integer randomLength) {
}
