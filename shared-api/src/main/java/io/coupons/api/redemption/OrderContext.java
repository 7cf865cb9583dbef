package io.coupons.api.redemption;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What checkout knows about the order a code is applied to.
 *
 * @param orderId      the checkout's order id; with the code it identifies the redemption
 * @param accountId    the customer's account (required for one-use-per-account and bound codes)
 * @param firstOrder   true when the account has never placed an order
 * @param subtotal     order subtotal before discounts and shipping: the sum of quantity × unitPrice
 *                     of the lines, which it must equal; null means that sum. The order minimum is
 *                     checked against it
 * @param lines        the order's lines, at least one; percent and flat discounts are spread over them
 * @param shippingFee  delivery fee, removed by a free-shipping code (null: none)
 * @param codesOnOrder other codes already applied to the order (stackability)
 * @param currency     ISO 4217 code of every amount here
 */
public record OrderContext(String orderId, String accountId, Boolean firstOrder, BigDecimal subtotal,
                           List<OrderLine> lines, BigDecimal shippingFee, List<String> codesOnOrder,
                           String currency) {

    public OrderContext {
        // Copies that keep null entries, so validation can name them instead of failing here.
        lines = lines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lines));
        codesOnOrder = codesOnOrder == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(codesOnOrder));
        if (subtotal == null) {
            subtotal = sumOfLines(lines);
        }
    }

    /** Quantity × unitPrice added up over the lines; null while a line lacks either (validation names it). */
    public static BigDecimal sumOfLines(List<OrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (OrderLine line : lines) {
            if (line == null || line.quantity() == null || line.unitPrice() == null) {
                return null;
            }
            sum = sum.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
        }
        return sum;
    }
}
