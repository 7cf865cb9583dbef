package io.coupons.api.promo;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One UTC day of a promo batch's usage in one currency. Reversals count on the day they happen.
 *
 * @param discountGiven discount redeemed that day minus discount reversed that day
 */
public record PromoUsageDay(LocalDate day, String currency, long redemptions, long reversals,
                            long codesFirstRedeemed, BigDecimal discountGiven) {
}
