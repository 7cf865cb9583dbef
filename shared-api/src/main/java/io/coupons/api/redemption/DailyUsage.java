package io.coupons.api.redemption;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One UTC day of usage in one currency. Reversals count on the day they happen.
 *
 * @param codesFirstRedeemed codes redeemed for the first time ever on this day
 * @param discountGiven      discount redeemed that day minus discount reversed that day
 */
public record DailyUsage(LocalDate day, String currency, long redemptions, long reversals, long codesFirstRedeemed,
                         BigDecimal discountGiven) {
}
