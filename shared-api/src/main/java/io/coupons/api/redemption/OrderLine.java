package io.coupons.api.redemption;

import java.math.BigDecimal;

/**
 * One line of the order being checked out.
 *
 * @param variantId the product variant
 * @param quantity  how many, at least 1
 * @param unitPrice price of one, in the order's currency, not negative
 */
public record OrderLine(String variantId, Integer quantity, BigDecimal unitPrice) {
}
