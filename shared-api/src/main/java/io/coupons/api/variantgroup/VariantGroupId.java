package io.coupons.api.variantgroup;

import io.coupons.api.common.TypedId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a variant targeting group, derived from its name: rules refer to groups by name, so
 * the name must lead to exactly one aggregate.
 */
public record VariantGroupId(UUID value) implements TypedId {

    public VariantGroupId {
        Objects.requireNonNull(value, "variant group id");
    }

    public static VariantGroupId of(String name) {
        return new VariantGroupId(UUID.nameUUIDFromBytes(("variant-group\n" + name).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
