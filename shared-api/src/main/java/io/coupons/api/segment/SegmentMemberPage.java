package io.coupons.api.segment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a segment's members.
 *
 * @param revision   the member set the page is from; a page taken across a replacement says so
 * @param nextCursor where the next page continues (pass it back unchanged), or null after the last
 */
public record SegmentMemberPage(List<String> accountIds, int revision, @Nullable String nextCursor) {

    public SegmentMemberPage {
        accountIds = List.copyOf(accountIds);
    }
}
