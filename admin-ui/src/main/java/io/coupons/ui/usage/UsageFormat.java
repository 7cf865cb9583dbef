package io.coupons.ui.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * How the usage and Find Coupon screens write the API's instants and amounts, for templates as
 * {@code ${@usageFormat.at(r.redeemedAt)}}. Instants are shown in UTC, the zone the per-day figures
 * are counted in, so a time and its day never disagree. Amounts are written with the currency's
 * own decimals, whatever scale the API gave them (15.00 USD, 1500 JPY).
 */
@Component("usageFormat")
public class UsageFormat {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** An ISO instant from the API as {@code 2026-12-02 05:03:11 UTC}; a dash for none. */
    public String at(Object instant) {
        if (instant == null || String.valueOf(instant).isBlank()) {
            return "—";
        }
        try {
            return AT.format(Instant.parse(String.valueOf(instant)));
        } catch (RuntimeException notAnInstant) {
            return String.valueOf(instant);
        }
    }

    /** An amount in its currency: {@code 15.00 USD}. */
    public String money(Object amount, Object currency) {
        if (amount == null) {
            return "—";
        }
        BigDecimal value = new BigDecimal(String.valueOf(amount));
        if (currency != null) {
            try {
                int digits = Currency.getInstance(String.valueOf(currency)).getDefaultFractionDigits();
                if (digits >= 0 && value.scale() < digits) {
                    value = value.setScale(digits, RoundingMode.UNNECESSARY);
                }
            } catch (IllegalArgumentException unknownCurrency) {
                // Shown as the API gave it.
            }
        }
        return value.toPlainString() + (currency == null ? "" : " " + currency);
    }

    /** The API's list of {@code {currency, amount}}: {@code 15.00 USD · 3.00 EUR}; a dash for none. */
    public String amounts(List<Map<String, Object>> amounts) {
        if (amounts == null || amounts.isEmpty()) {
            return "—";
        }
        return amounts.stream().map(amount -> money(amount.get("amount"), amount.get("currency")))
                .collect(Collectors.joining(" · "));
    }

    /** A day's discount per currency ({@link UsageDay#discountGiven()}). */
    public String perCurrency(Map<String, BigDecimal> amounts) {
        if (amounts == null || amounts.isEmpty()) {
            return "—";
        }
        return amounts.entrySet().stream().map(entry -> money(entry.getValue(), entry.getKey()))
                .collect(Collectors.joining(" · "));
    }
}
