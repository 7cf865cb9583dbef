package io.coupons.api.variantgroup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a promo variant targeting group or replace its variants as a whole. Answers
 * {@code CommandAccepted}. Rules name groups in {@code variantTargetingGroup}.
 *
 * @param name       the group's name, as rules refer to it (case-sensitive)
 * @param variantIds the variants in the group, at most {@code MAX_VARIANTS}
 */
public record DefineVariantGroupCommand(@TargetAggregateIdentifier VariantGroupId groupId, String name,
                                        List<String> variantIds) {

    /** One event holds the whole group, so it stays well under a message's size limit. */
    public static final int MAX_VARIANTS = 10_000;

    public DefineVariantGroupCommand {
        // A copy that keeps null entries, so validation can name them instead of failing here.
        variantIds = variantIds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(variantIds));
    }
}
