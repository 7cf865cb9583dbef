package io.coupons.api.redemption;

import java.math.BigDecimal;

/** A sum of money in one currency (totals keep currencies apart rather than convert). */
public record CurrencyAmount(String currency, BigDecimal amount) {
}
