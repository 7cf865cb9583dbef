package io.coupons.api.segment;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user segment as the admin list and the batch form show it.
 *
 * @param revision    1, 2, 3… per replacement of its members (0 before the first)
 * @param memberCount distinct account ids in force
 * @param version     sequence number of the segment's last projected event (read-your-writes)
 */
public record SegmentView(UUID id, String name, int revision, long memberCount, Instant createdAt,
                          @Nullable String createdBy, Instant updatedAt, @Nullable String updatedBy, long version) {
}
