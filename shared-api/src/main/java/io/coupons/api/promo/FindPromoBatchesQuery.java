package io.coupons.api.promo;

import io.coupons.api.common.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * The promo batch list (seed 003), newest first, deleted batches left out. Answers {@link PromoBatchPage}.
 *
 * @param nameContains    a part of the Batch Name, <b>case-sensitive</b>; null: any
 * @param segmentContains a part of the Target User Segment's name, <b>case-sensitive</b>; null: any
 */
public record FindPromoBatchesQuery(@Nullable String nameContains, @Nullable String segmentContains,
                                    PageRequest page) {
}
