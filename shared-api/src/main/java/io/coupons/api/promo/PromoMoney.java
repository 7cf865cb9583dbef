package io.coupons.api.promo;

import java.math.BigDecimal;

/** A sum in one currency (promo reports keep currencies apart rather than convert). */
public record PromoMoney(String currency, BigDecimal amount) {
}
