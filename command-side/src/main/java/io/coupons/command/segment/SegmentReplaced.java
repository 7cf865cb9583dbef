package io.coupons.command.segment;

import java.util.UUID;

/**
 * @param version  the segment aggregate's version (poll the query side's {@code version} for it)
 * @param revision the member set's number: 1, 2, 3… per replacement
 */
public record SegmentReplaced(UUID id, long version, int revision, long members) {
}
