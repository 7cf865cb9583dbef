package io.coupons.api.segment;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The members in force of a segment, in account id order (ordinal), keyset-paged. Answers an
 * optional {@link SegmentMemberPage} (empty: unknown segment).
 *
 * @param after the last account id of the previous page, or null for the first page
 */
public record FindSegmentMembersQuery(UUID segmentId, @Nullable String after, int size) {

    public static final int MAX_SIZE = 1_000;
}
