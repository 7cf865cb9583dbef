package io.coupons.command.segment;

import io.coupons.api.segment.SegmentId;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Make a staged upload the segment's member set (defining the segment on its first upload).
 * Answers {@link SegmentReplaced}. Internal to the command side, not in {@code shared-api}: its
 * arguments describe rows and events that {@link SegmentUploads} has just written, which no other
 * service can produce; other services read segments through the query side.
 */
public record ReplaceSegmentMembersCommand(@TargetAggregateIdentifier SegmentId segmentId, String name, UUID uploadId,
                                    long members, int chunks) {
}
