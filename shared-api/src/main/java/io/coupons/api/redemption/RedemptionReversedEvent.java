package io.coupons.api.redemption;

import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.promo.PromoBatchId;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/**
 * A redemption was reversed (order cancelled or refunded): its use is given back. Carries the code,
 * campaign and the amount given so statistics can net it without looking anything up. For a promo
 * code: no campaign, its batch in {@code promoBatchId} and, with inventory, the Set its use was
 * counted in (as in its {@code CodeRedeemedEvent}; both null in events recorded before promo batches).
 */
@Revision("1")
public record RedemptionReversedEvent(RedemptionId redemptionId, String code, @Nullable CampaignId campaignId,
                                      @Nullable BatchId batchId, String orderId, String accountId, Instant reversedAt,
                                      String reason, String currency, BigDecimal discountTotal,
                                      @Nullable PromoBatchId promoBatchId, @Nullable Integer inventorySet) {

    /** A campaign code's reversal, as recorded before promo batches existed. */
    public RedemptionReversedEvent(RedemptionId redemptionId, String code, CampaignId campaignId, BatchId batchId,
                                   String orderId, String accountId, Instant reversedAt, String reason,
                                   String currency, BigDecimal discountTotal) {
        this(redemptionId, code, campaignId, batchId, orderId, accountId, reversedAt, reason, currency,
                discountTotal, null, null);
    }
}
