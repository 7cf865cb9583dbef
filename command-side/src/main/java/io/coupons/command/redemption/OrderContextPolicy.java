package io.coupons.command.redemption;

import io.coupons.api.code.CouponCode;
import io.coupons.api.redemption.OrderContext;
import io.coupons.api.redemption.OrderLine;
import io.coupons.command.common.Currencies;
import io.coupons.command.common.Violations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Checks the shape of a checkout request; every broken field is reported at once (422). */
final class OrderContextPolicy {

    /** A URL token is 22 characters when ours; longer than any code is certainly not one. */
    static final int MAX_TOKEN_LENGTH = CouponCode.MAX_LENGTH;
    static final int MAX_ID_LENGTH = 200;
    static final int MAX_LINES = 500;
    static final int MAX_CODES_ON_ORDER = 20;
    static final int MAX_QUANTITY = 1_000_000;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    private OrderContextPolicy() {
    }

    /** The code typed at checkout, parsed once; null, with the violation, when it cannot be a code. */
    static CouponCode code(Violations violations, String field, String typed) {
        if (typed == null || typed.isBlank()) {
            violations.add(field, "is required");
            return null;
        }
        Optional<CouponCode> code = CouponCode.parse(typed);
        violations.addIf(code.isEmpty(), field, "is at most " + CouponCode.MAX_LENGTH + " characters");
        return code.orElse(null);
    }

    /** A URL token as sent, stripped (tokens are case-sensitive); null, with the violation, when refused. */
    static String token(Violations violations, String field, String typed) {
        if (typed == null || typed.isBlank()) {
            violations.add(field, "is required");
            return null;
        }
        String token = typed.strip();
        violations.addIf(token.length() > MAX_TOKEN_LENGTH, field, "is at most " + MAX_TOKEN_LENGTH + " characters");
        return token.length() > MAX_TOKEN_LENGTH ? null : token;
    }

    static void check(Violations violations, OrderContext order) {
        if (order == null) {
            violations.add("order", "is required");
            return;
        }
        id(violations, "order.orderId", order.orderId(), true);
        id(violations, "order.accountId", order.accountId(), false);
        Integer scale = scale(violations, order.currency());
        boolean subtotalWellFormed = amount(violations, "order.subtotal", order.subtotal(), scale, false);
        amount(violations, "order.shippingFee", order.shippingFee(), scale, false);
        List<OrderLine> lines = order.lines();
        // Discounts are spread over the lines; an order without any would get a discount no line carries.
        violations.addIf(lines.isEmpty(), "order.lines", "is required: at least one line (variantId, quantity, "
                + "unitPrice)");
        violations.addIf(lines.size() > MAX_LINES, "order.lines", "at most " + MAX_LINES + " lines");
        boolean linesWellFormed = !lines.isEmpty() && lines.size() <= MAX_LINES;
        for (int i = 0; i < lines.size() && i < MAX_LINES; i++) {
            OrderLine line = lines.get(i);
            String field = "order.lines[" + i + "]";
            if (line == null) {
                violations.add(field, "is required");
                linesWellFormed = false;
                continue;
            }
            id(violations, field + ".variantId", line.variantId(), true);
            boolean quantity = line.quantity() != null && line.quantity() >= 1 && line.quantity() <= MAX_QUANTITY;
            violations.addIf(!quantity, field + ".quantity", "must be between 1 and " + MAX_QUANTITY);
            linesWellFormed &= amount(violations, field + ".unitPrice", line.unitPrice(), scale, true) && quantity;
        }
        if (linesWellFormed && subtotalWellFormed) {
            subtotalOfLines(violations, order, scale);
        }
        violations.addIf(order.codesOnOrder().size() > MAX_CODES_ON_ORDER, "order.codesOnOrder",
                "at most " + MAX_CODES_ON_ORDER + " codes");
        for (int i = 0; i < order.codesOnOrder().size() && i < MAX_CODES_ON_ORDER; i++) {
            String other = order.codesOnOrder().get(i);
            violations.addIf(CouponCode.parse(other).isEmpty(), "order.codesOnOrder[" + i + "]",
                    "must be a code of 1 to " + CouponCode.MAX_LENGTH + " characters");
        }
    }

    private static void id(Violations violations, String field, String value, boolean required) {
        violations.addIf(required && (value == null || value.isBlank()), field, "is required");
        violations.addIf(value != null && value.length() > MAX_ID_LENGTH, field,
                "is at most " + MAX_ID_LENGTH + " characters");
    }

    private static Integer scale(Violations violations, String code) {
        if (code == null) {
            violations.add("order.currency", "is required (ISO 4217, e.g. USD)");
            return null;
        }
        Currency currency = Currencies.parse(code);
        if (currency == null) {
            violations.add("order.currency", Currencies.REFUSED);
            return null;
        }
        return Currencies.minorUnits(currency);
    }

    /**
     * The subtotal is what the lines add up to, never a number of its own: a larger one would pass an
     * order minimum the lines do not reach. Left out, it is that sum (see {@link OrderContext}), so
     * the amount checks above (at most 1e9) hold for it as for one that was sent.
     */
    private static void subtotalOfLines(Violations violations, OrderContext order, Integer scale) {
        BigDecimal sum = OrderContext.sumOfLines(order.lines());
        if (order.subtotal().compareTo(sum) != 0) {
            String shown = scale == null ? sum.stripTrailingZeros().toPlainString()
                    : sum.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
            violations.add("order.subtotal", "must be the sum of quantity × unitPrice of the lines, which is "
                    + shown + " (or be left out)");
        }
    }

    /** Checks an amount; true when it is present and well-formed. */
    private static boolean amount(Violations violations, String field, BigDecimal amount, Integer scale,
                                  boolean required) {
        if (amount == null) {
            violations.addIf(required, field, "is required");
            return false;
        }
        boolean negative = amount.signum() < 0;
        boolean tooLarge = amount.compareTo(MAX_AMOUNT) > 0;
        boolean tooPrecise = scale != null && amount.stripTrailingZeros().scale() > scale;
        violations.addIf(negative, field, "must not be negative");
        violations.addIf(tooLarge, field, "must be at most " + MAX_AMOUNT.toPlainString());
        violations.addIf(tooPrecise, field, "has more decimal places than the currency allows (" + scale + ")");
        return !negative && !tooLarge && !tooPrecise;
    }
}
