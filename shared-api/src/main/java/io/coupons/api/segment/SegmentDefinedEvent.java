package io.coupons.api.segment;

import org.axonframework.serialization.Revision;

/** A user segment of this name exists from now on (its members come with the first replacement). */
@Revision("1")
public record SegmentDefinedEvent(SegmentId segmentId, String name) {
}
