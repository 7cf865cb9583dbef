package io.coupons.ui.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One UTC day of usage as the chart and its table show it: the API's rows of that day (one per
 * currency) added up, the discount kept per currency (currencies are never converted).
 *
 * @param redemptions        redemptions recorded that day
 * @param reversals          reversals made that day (they count on the day they happen)
 * @param codesFirstRedeemed codes redeemed for the first time that day, null where the API has no such figure
 * @param discountGiven      currency to the discount of that day, in the API's order
 */
public record UsageDay(LocalDate day, long redemptions, long reversals, Long codesFirstRedeemed,
                       Map<String, BigDecimal> discountGiven) {

    public UsageDay {
        discountGiven = Collections.unmodifiableMap(new LinkedHashMap<>(discountGiven));
    }

    static UsageDay none(LocalDate day) {
        return new UsageDay(day, 0, 0, 0L, Map.of());
    }
}
