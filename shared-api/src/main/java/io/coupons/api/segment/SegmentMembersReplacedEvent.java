package io.coupons.api.segment;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The segment's members are now exactly those staged under {@code uploadId}
 * ({@link SegmentMembersStagedEvent} chunks 0 … {@code chunks - 1}, all published before this
 * event); the previous upload's members are no longer in force. Readers switch here, so a
 * half-delivered upload is never visible.
 *
 * @param revision 1 for the first member set, then 2, 3… per replacement
 * @param members  the number of distinct account ids
 */
@Revision("1")
public record SegmentMembersReplacedEvent(SegmentId segmentId, UUID uploadId, int revision, long members,
                                          int chunks) {
}
