package io.coupons.command.redemption;

import io.coupons.api.code.CouponCode;
import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.api.redemption.OrderContext;
import io.coupons.api.redemption.OrderLine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.TreeSet;

/**
 * "The same request" for a redemption's idempotency. The code and the order id are the key (they
 * make the {@code RedemptionId}); a retry under that key must also repeat the order: the account,
 * the first-order flag, the currency, the subtotal, the shipping fee, the lines (variant, quantity,
 * unit price, in order: line discounts are answered by position) and the codes on the order (a set,
 * trimmed and upper-cased, as the stacking rule reads them). Amounts compare as numbers
 * ({@code 120.0} is {@code 120.00}); an absent value and the value it stands for are the same
 * (no account and a blank one, {@code firstOrder} missing and false, no shipping fee and 0, a
 * subtotal left out and the lines' sum, since {@link OrderContext} fills it in).
 *
 * <p>The event keeps a SHA-256 of a canonical text of these, not the order itself (up to 500 lines
 * would make an unbounded event). Events recorded before the fingerprint hold only the account and
 * the subtotal, so for them those two are compared.
 */
final class OrderFingerprint {

    private static final String VERSION = "coupons.order.v1";

    private OrderFingerprint() {
    }

    /** Hex SHA-256 of the canonical form of a validated order. */
    static String of(OrderContext order) {
        StringBuilder text = new StringBuilder(VERSION).append('\n');
        field(text, "accountId", text(account(order.accountId())));
        field(text, "firstOrder", Boolean.TRUE.equals(order.firstOrder()) ? "true" : "false");
        field(text, "currency", text(order.currency()));
        field(text, "subtotal", number(order.subtotal()));
        field(text, "shippingFee", number(order.shippingFee() == null ? BigDecimal.ZERO : order.shippingFee()));
        field(text, "lines", Integer.toString(order.lines().size()));
        for (OrderLine line : order.lines()) {
            field(text, "line", text(line.variantId()) + " " + line.quantity() + " " + number(line.unitPrice()));
        }
        TreeSet<String> codes = new TreeSet<>();
        order.codesOnOrder().forEach(code -> codes.add(CouponCode.normalise(code)));
        field(text, "codesOnOrder", Integer.toString(codes.size()));
        codes.forEach(code -> field(text, "code", text(code)));
        return sha256(text.toString());
    }

    /** Whether {@code order} is the request that {@code recorded} was the answer to. */
    static boolean sameRequest(CodeRedeemedEvent recorded, OrderContext order) {
        if (recorded.orderFingerprint() != null) {
            return recorded.orderFingerprint().equals(of(order));
        }
        boolean sameAccount = Objects.equals(account(recorded.accountId()), account(order.accountId()));
        boolean sameSubtotal = recorded.subtotal() == null || recorded.subtotal().compareTo(order.subtotal()) == 0;
        return sameAccount && sameSubtotal;
    }

    private static String account(String accountId) {
        return accountId == null || accountId.isBlank() ? null : accountId;
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(name).append('=').append(value).append('\n');
    }

    /** Length-prefixed, so no value can pass for a separator: {@code 5:acc-1}; {@code -} for none. */
    private static String text(String value) {
        return value == null ? "-" : value.length() + ":" + value;
    }

    private static String number(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
