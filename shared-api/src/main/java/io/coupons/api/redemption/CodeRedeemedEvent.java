package io.coupons.api.redemption;

import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignId;
import java.math.BigDecimal;
import io.coupons.api.promo.PromoBatchId;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/**
 * A code was redeemed for an order: the first event of a {@code Redemption}.
 *
 * @param campaignId         the code's campaign; null for a promo batch code
 * @param batchId            the generation run of the code (a bulk-pool batch, or a promo batch's run), else null
 * @param viaUrlToken        redeemed through the campaign's URL token rather than typed
 * @param countedAgainstLimit the code had a usage limit and this redemption took one of its uses
 * @param heldAccountUse     the code is one-use-per-account and this redemption is the account's use
 * @param discount           what the order got
 * @param orderFingerprint   SHA-256 (hex) of the order as "the same request" sees it, so a retry of
 *                           this (code, order) that differs is told apart (revision 2; null in events
 *                           recorded before, which the revision-1 upcaster fills in as null)
 * @param promoBatchId       the promo batch of a promo code, else null (added with promo batches:
 *                           null in every event recorded before)
 * @param inventorySet       for a promo code with inventory: the batch's Set number the use was
 *                           counted in ({@code PromoInventoryModifiedEvent.setNumber}, 0 before any
 *                           Set), so a reversal gives the use back only while that count is in force
 */
@Revision("2")
public record CodeRedeemedEvent(RedemptionId redemptionId, String code, @Nullable CampaignId campaignId,
                                @Nullable BatchId batchId, String orderId, String accountId, Instant redeemedAt,
                                boolean viaUrlToken, boolean countedAgainstLimit, boolean heldAccountUse,
                                BigDecimal subtotal, Discount discount, String orderFingerprint,
                                @Nullable PromoBatchId promoBatchId, @Nullable Integer inventorySet) {

    /** A campaign code's redemption, as recorded before promo batches existed. */
    public CodeRedeemedEvent(RedemptionId redemptionId, String code, CampaignId campaignId, BatchId batchId,
                             String orderId, String accountId, Instant redeemedAt, boolean viaUrlToken,
                             boolean countedAgainstLimit, boolean heldAccountUse, BigDecimal subtotal,
                             Discount discount, String orderFingerprint) {
        this(redemptionId, code, campaignId, batchId, orderId, accountId, redeemedAt, viaUrlToken,
                countedAgainstLimit, heldAccountUse, subtotal, discount, orderFingerprint, null, null);
    }
}
