package io.coupons.api.redemption;

import java.math.BigDecimal;

/** The discount on one order line, by its position in {@link OrderContext#lines()}. */
public record LineDiscount(int line, String variantId, BigDecimal amount) {
}
