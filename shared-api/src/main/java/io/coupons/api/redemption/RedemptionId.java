package io.coupons.api.redemption;

import io.coupons.api.code.CouponCode;
import io.coupons.api.common.TypedId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of one redemption: derived from the code and the order id, so the same (code, order)
 * always names the same redemption. That is what makes a retried {@code RedeemCodeCommand}
 * idempotent for ever, and lets a checkout reverse a redemption knowing only code and order.
 */
public record RedemptionId(UUID value) implements TypedId {

    public RedemptionId {
        Objects.requireNonNull(value, "redemption id");
    }

    /** The code is compared as customers type it: surrounding spaces and case do not matter. */
    public static RedemptionId of(String code, String orderId) {
        String key = "redemption\n" + CouponCode.normalise(code) + "\n" + orderId;
        return new RedemptionId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
