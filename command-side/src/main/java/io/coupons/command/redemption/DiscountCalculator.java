package io.coupons.command.redemption;

import io.coupons.api.redemption.Discount;
import io.coupons.api.redemption.LineDiscount;
import io.coupons.api.redemption.OrderContext;
import io.coupons.api.redemption.OrderLine;
import io.coupons.api.rule.DiscountTerms;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a rule gives on an order, in exact decimals at the currency's scale.
 *
 * <p>Rounding, once, on the order: a percent discount is computed exactly on the eligible lines,
 * capped by the discount limit, then rounded half-up to the currency's minor unit. The total (percent
 * or flat) is then spread over the eligible lines in proportion to their amounts, each share rounded
 * down, and the minor units left over go to the lines with the largest remainders (the earlier line
 * on a tie). So the lines always add up to the total exactly and no line gets more than its amount.
 */
public final class DiscountCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DiscountCalculator() {
    }

    /**
     * @param eligible       which order lines the discount applies to (see {@link Eligibility})
     * @param creditsEnabled whether overage may become customer credit (an organisation setting)
     */
    public static Discount calculate(DiscountTerms terms, OrderContext order, boolean[] eligible, int scale,
                                     boolean creditsEnabled) {
        List<OrderLine> lines = order.lines();
        BigDecimal[] amounts = new BigDecimal[lines.size()];
        BigDecimal base = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            amounts[i] = eligible[i] ? line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())) : BigDecimal.ZERO;
            base = base.add(amounts[i]);
        }
        BigDecimal linesTotal = BigDecimal.ZERO.setScale(scale);
        BigDecimal credit = BigDecimal.ZERO.setScale(scale);
        if (terms.percentOff() != null) {
            BigDecimal exact = base.multiply(terms.percentOff()).divide(HUNDRED);
            if (terms.discountLimit() != null && exact.compareTo(terms.discountLimit()) > 0) {
                exact = terms.discountLimit();
            }
            linesTotal = exact.setScale(scale, RoundingMode.HALF_UP);
        } else if (terms.flatAmountOff() != null) {
            BigDecimal flat = terms.flatAmountOff().setScale(scale, RoundingMode.HALF_UP);
            BigDecimal applied = flat.min(base.setScale(scale, RoundingMode.DOWN));
            linesTotal = applied;
            if (terms.creditFromOverage() && creditsEnabled) {
                credit = flat.subtract(applied);
            }
        }
        List<LineDiscount> perLine = spread(linesTotal, amounts, base, scale, lines);
        BigDecimal shipping = terms.freeGroundShipping() && order.shippingFee() != null
                ? order.shippingFee().setScale(scale, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(scale);
        return new Discount(order.currency(), perLine, linesTotal, terms.freeGroundShipping(), shipping, credit,
                linesTotal.add(shipping), terms.displayMessage());
    }

    /** Largest-remainder allocation of {@code total} over the lines, in proportion to their amounts. */
    static List<LineDiscount> spread(BigDecimal total, BigDecimal[] amounts, BigDecimal base, int scale,
                                     List<OrderLine> lines) {
        if (total.signum() == 0 || base.signum() == 0 || amounts.length == 0) {
            return List.of();
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal[] shares = new BigDecimal[amounts.length];
        BigDecimal[] remainders = new BigDecimal[amounts.length];
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < amounts.length; i++) {
            BigDecimal exact = total.multiply(amounts[i]).divide(base, scale + 12, RoundingMode.DOWN);
            shares[i] = exact.setScale(scale, RoundingMode.DOWN);
            remainders[i] = exact.subtract(shares[i]);
            allocated = allocated.add(shares[i]);
        }
        int left = total.subtract(allocated).divide(unit, 0, RoundingMode.UNNECESSARY).intValueExact();
        Integer[] order = IntStream.range(0, amounts.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparing((Integer i) -> remainders[i]).reversed()
                .thenComparing(i -> i));
        for (int k = 0; k < amounts.length && left > 0; k++) {
            int i = order[k];
            if (shares[i].add(unit).compareTo(amounts[i]) <= 0) {
                shares[i] = shares[i].add(unit);
                left--;
            }
        }
        List<LineDiscount> result = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            if (shares[i].signum() > 0) {
                result.add(new LineDiscount(i, lines.get(i).variantId(), shares[i]));
            }
        }
        return result;
    }
}
