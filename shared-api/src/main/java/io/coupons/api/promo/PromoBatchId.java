package io.coupons.api.promo;

import io.coupons.api.common.TypedId;
import java.util.Objects;
import java.util.UUID;

/** Identity of a promo code batch (seed 003): a named set of prefix-less codes with one rule set. */
public record PromoBatchId(UUID value) implements TypedId {

    public PromoBatchId {
        Objects.requireNonNull(value, "promo batch id");
    }

    public static PromoBatchId random() {
        return new PromoBatchId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
