package io.coupons.api.rule;

import io.coupons.api.common.TypedId;
import java.util.Objects;
import java.util.UUID;

/** Identity of a {@code DiscountRule} aggregate. */
public record DiscountRuleId(UUID value) implements TypedId {

    public DiscountRuleId {
        Objects.requireNonNull(value, "discount rule id");
    }

    public static DiscountRuleId random() {
        return new DiscountRuleId(UUID.randomUUID());
    }

    /** Axon uses {@code toString()} as the aggregate identifier. */
    @Override
    public String toString() {
        return value.toString();
    }
}
