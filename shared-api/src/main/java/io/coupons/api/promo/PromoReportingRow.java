package io.coupons.api.promo;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Usage of every promo batch with one P&amp;L Allocation and Transaction Type, in one currency.
 *
 * @param pnlAllocation   the batch's {@code terms.pnlAllocation}; null: none set
 * @param transactionType the batch's {@code terms.transactionType}; null: none set
 * @param redemptions     redeemed in the period
 * @param reversals       reversed in the period
 * @param discountGiven   discount redeemed minus discount reversed in the period
 */
public record PromoReportingRow(@Nullable String pnlAllocation, @Nullable String transactionType, String currency,
                                long batches, long redemptions, long reversals, BigDecimal discountGiven) {
}
