package io.coupons.api.segment;

import java.util.UUID;

/** One segment's details. Answers an optional {@link SegmentView} (empty: unknown). */
public record GetSegmentQuery(UUID segmentId) {
}
