package io.coupons.api.variantgroup;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A promo variant targeting group as the admin list shows it: its size, not its variants (a group
 * holds up to {@link DefineVariantGroupCommand#MAX_VARIANTS}; {@link VariantGroupView} has them).
 *
 * @param variantCount distinct variants in the group
 * @param definedAt    when the group was first defined
 * @param updatedAt    when its variants were last replaced (the definition's time until then)
 * @param version      sequence number of its last projected event (read-your-writes)
 */
public record VariantGroupSummary(UUID id, String name, int variantCount, Instant definedAt,
                                  @Nullable String definedBy, Instant updatedAt, @Nullable String updatedBy,
                                  long version) {
}
