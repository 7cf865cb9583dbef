package io.coupons.api.redemption;

import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignId;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A code was redeemed for an order: the first event of a {@code Redemption}.
 *
 * @param batchId            the generation batch of a bulk-pool code, else null
 * @param viaUrlToken        redeemed through the campaign's URL token rather than typed
 * @param countedAgainstLimit the code had a usage limit and this redemption took one of its uses
 * @param heldAccountUse     the code is one-use-per-account and this redemption is the account's use
 * @param discount           what the order got
 * @param orderFingerprint   SHA-256 (hex) of the order as "the same request" sees it, so a retry of
 *                           this (code, order) that differs is told apart (revision 2; null in events
 *                           recorded before, which the revision-1 upcaster fills in as null)
 */
@Revision("2")
public record CodeRedeemedEvent(RedemptionId redemptionId, String code, CampaignId campaignId, BatchId batchId,
                                String orderId, String accountId, Instant redeemedAt, boolean viaUrlToken,
                                boolean countedAgainstLimit, boolean heldAccountUse, BigDecimal subtotal,
                                Discount discount, String orderFingerprint) {
}
