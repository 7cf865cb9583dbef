package io.coupons.query.segment;

import io.coupons.api.segment.FindSegmentMembersQuery;
import io.coupons.api.segment.FindSegmentsQuery;
import io.coupons.api.segment.GetSegmentQuery;
import io.coupons.api.segment.SegmentMemberPage;
import io.coupons.api.segment.SegmentPage;
import io.coupons.api.segment.SegmentView;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the shared-api segment queries (for REST and for other Axon services). */
@Component
public class SegmentQueries {

    private final SegmentRows rows;

    public SegmentQueries(SegmentRows rows) {
        this.rows = rows;
    }

    @QueryHandler
    public SegmentPage handle(FindSegmentsQuery query) {
        return rows.find(query.nameContains(), query.page());
    }

    @QueryHandler
    public Optional<SegmentView> handle(GetSegmentQuery query) {
        return rows.find(query.segmentId());
    }

    @QueryHandler
    public Optional<SegmentMemberPage> handle(FindSegmentMembersQuery query) {
        int size = Math.min(Math.max(query.size(), 1), FindSegmentMembersQuery.MAX_SIZE);
        SegmentRows.Members page = rows.members(query.segmentId(), query.after(), size + 1);
        if (page.accountIds().isEmpty()) {
            return rows.find(query.segmentId()).map(segment -> new SegmentMemberPage(List.of(), segment.revision(),
                    null));
        }
        boolean more = page.accountIds().size() > size;
        List<String> accountIds = more ? page.accountIds().subList(0, size) : page.accountIds();
        return Optional.of(new SegmentMemberPage(accountIds, page.revision(),
                more ? MemberCursor.after(accountIds.get(size - 1)) : null));
    }
}
