package io.coupons.api.redemption;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One redemption as usage tracking shows it: used at, used by, order number, amount, reversed.
 *
 * @param discountTotal what the order total went down by (items and shipping)
 * @param campaignId    null for a promo batch's code
 * @param promoBatchId  the promo batch of a promo code's redemption, else null
 */
public record RedemptionView(UUID redemptionId, String code, @Nullable UUID campaignId, String orderId,
                             @Nullable String accountId, Instant redeemedAt, String currency,
                             BigDecimal discountTotal, @Nullable BigDecimal credit, boolean viaUrlToken,
                             boolean reversed, @Nullable Instant reversedAt, @Nullable String reversalReason, @Nullable UUID promoBatchId) {
}
