package io.coupons.api.redemption;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an accepted code gives on this order. Amounts are in {@code currency} at its scale; the
 * line amounts add up exactly to {@code linesTotal}.
 *
 * @param lines            discount per order line (lines that get nothing are left out)
 * @param linesTotal       discount on the items
 * @param freeShipping     the delivery fee is waived
 * @param shippingDiscount the waived fee (zero when none)
 * @param credit           unused part of a flat discount that becomes customer credit
 * @param total            linesTotal + shippingDiscount: what the order total goes down by
 * @param displayMessage   the customer-facing message of the rule
 */
public record Discount(String currency, List<LineDiscount> lines, BigDecimal linesTotal, boolean freeShipping,
                       BigDecimal shippingDiscount, BigDecimal credit, BigDecimal total,
                       @Nullable String displayMessage) {

    public Discount {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
