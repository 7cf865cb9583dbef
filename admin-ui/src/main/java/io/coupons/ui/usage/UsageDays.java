package io.coupons.ui.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The per-day figures of the API's answers, one {@link UsageDay} per UTC day, oldest first. */
public final class UsageDays {

    private UsageDays() {
    }

    /**
     * From {@code days} of a campaign's, batch's or promo batch's usage: the API gives one row per
     * day and currency, the chart wants one bar per day, so rows of the same day are added up.
     */
    public static List<UsageDay> fromDailyRows(List<Map<String, Object>> rows) {
        Map<LocalDate, Sum> byDay = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            Sum sum = byDay.computeIfAbsent(LocalDate.parse(String.valueOf(row.get("day"))), day -> new Sum());
            sum.redemptions += number(row.get("redemptions"));
            sum.reversals += number(row.get("reversals"));
            sum.codesFirstRedeemed += number(row.get("codesFirstRedeemed"));
            if (row.get("currency") != null && row.get("discountGiven") != null) {
                sum.discount.merge(String.valueOf(row.get("currency")),
                        new BigDecimal(String.valueOf(row.get("discountGiven"))), BigDecimal::add);
            }
        }
        List<UsageDay> days = new ArrayList<>();
        byDay.forEach((day, sum) -> days.add(
                new UsageDay(day, sum.redemptions, sum.reversals, sum.codesFirstRedeemed, sum.discount)));
        return days;
    }

    /**
     * From one code's redemptions: the API has no per-day figures for a code, so each redemption
     * counts on the UTC day it was made and each reversal on the day it was reversed (as the
     * campaign's figures count them). Discount is left out: it would need the reversals' amounts
     * netted per day, which is the API's arithmetic to do, not the screen's.
     */
    public static List<UsageDay> fromRedemptions(List<Map<String, Object>> redemptions) {
        Map<LocalDate, Sum> byDay = new TreeMap<>();
        for (Map<String, Object> redemption : redemptions) {
            if (redemption.get("redeemedAt") != null) {
                byDay.computeIfAbsent(utcDay(redemption.get("redeemedAt")), day -> new Sum()).redemptions++;
            }
            if (Boolean.TRUE.equals(redemption.get("reversed")) && redemption.get("reversedAt") != null) {
                byDay.computeIfAbsent(utcDay(redemption.get("reversedAt")), day -> new Sum()).reversals++;
            }
        }
        List<UsageDay> days = new ArrayList<>();
        byDay.forEach((day, sum) -> days.add(new UsageDay(day, sum.redemptions, sum.reversals, null, Map.of())));
        return days;
    }

    private static LocalDate utcDay(Object instant) {
        return Instant.parse(String.valueOf(instant)).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static final class Sum {
        long redemptions;
        long reversals;
        long codesFirstRedeemed;
        final Map<String, BigDecimal> discount = new LinkedHashMap<>();
    }
}
