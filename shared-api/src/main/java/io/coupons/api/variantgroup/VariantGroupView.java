package io.coupons.api.variantgroup;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One promo variant targeting group with every variant it holds, in the order they were given.
 *
 * @param variantIds   its variants, at most {@link DefineVariantGroupCommand#MAX_VARIANTS}
 * @param variantCount {@code variantIds.size()}
 * @param definedAt    when the group was first defined
 * @param updatedAt    when its variants were last replaced (the definition's time until then)
 * @param version      sequence number of its last projected event (read-your-writes)
 */
public record VariantGroupView(UUID id, String name, List<String> variantIds, int variantCount, Instant definedAt,
                               @Nullable String definedBy, Instant updatedAt, @Nullable String updatedBy,
                               long version) {

    public VariantGroupView {
        variantIds = List.copyOf(variantIds);
    }
}
