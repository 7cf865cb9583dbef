package io.coupons.api.variantgroup;

import java.util.UUID;

/** One variant group with its variants. Answers an optional {@link VariantGroupView} (empty: unknown). */
public record GetVariantGroupQuery(UUID variantGroupId) {
}
