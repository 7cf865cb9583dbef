package io.coupons.api.segment;

import io.coupons.api.common.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * Segments in name order, for the admin list and the batch form's "Target User Segment" search.
 * Answers {@link SegmentPage}.
 *
 * @param nameContains a part of the name, <b>case-sensitive</b> as the seed asks ({@code Summer}
 *                     does not find {@code summer}); null: every segment
 */
public record FindSegmentsQuery(@Nullable String nameContains, PageRequest page) {
}
