package io.coupons.api.segment;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * One chunk of the members of an upload, in account id order (ordinal, "C" order), distinct.
 * They are <em>not</em> the segment's members yet: an upload's members are in force only from its
 * {@link SegmentMembersReplacedEvent}, and the chunks of an upload that never gets one (refused
 * or interrupted) are ignored. Not an event of the segment aggregate, so loading a segment never
 * reads its members. Bounded: at most {@link #MAX_ACCOUNTS} ids and about {@link #MAX_BYTES} of
 * UTF-8, far under Axon Server's 4 MB message limit.
 *
 * @param uploadId the upload the chunk belongs to
 * @param chunk    0, 1, 2... within the upload
 */
@Revision("1")
public record SegmentMembersStagedEvent(SegmentId segmentId, UUID uploadId, int chunk, List<String> accountIds) {

    public static final int MAX_ACCOUNTS = 10_000;
    public static final int MAX_BYTES = 1_000_000;

    public SegmentMembersStagedEvent {
        accountIds = List.copyOf(accountIds);
    }
}
