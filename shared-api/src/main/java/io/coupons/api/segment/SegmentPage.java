package io.coupons.api.segment;

import java.util.List;

/** One page of segments in name order ("C" order: upper case before lower case). */
public record SegmentPage(List<SegmentView> items, long total, int page, int size) {

    public SegmentPage {
        items = List.copyOf(items);
    }
}
