package io.coupons.api.redemption;

import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignId;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A redemption was reversed (order cancelled or refunded): its use is given back. Carries the code,
 * campaign and the amount given so statistics can net it without looking anything up.
 */
@Revision("1")
public record RedemptionReversedEvent(RedemptionId redemptionId, String code, CampaignId campaignId,
                                      BatchId batchId, String orderId, String accountId, Instant reversedAt,
                                      String reason, String currency, BigDecimal discountTotal) {
}
