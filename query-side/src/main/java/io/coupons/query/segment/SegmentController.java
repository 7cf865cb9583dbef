package io.coupons.query.segment;

import io.coupons.api.segment.FindSegmentMembersQuery;
import io.coupons.api.segment.FindSegmentsQuery;
import io.coupons.api.segment.GetSegmentQuery;
import io.coupons.api.segment.SegmentMemberPage;
import io.coupons.api.segment.SegmentPage;
import io.coupons.api.segment.SegmentView;
import io.coupons.platform.web.ApiProblemException;
import io.coupons.query.web.PagingParameters;
import io.coupons.query.web.QuerySender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/segments")
@Tag(name = "User segments")
public class SegmentController {

    static final int DEFAULT_MEMBERS = 100;

    private final QuerySender queries;

    public SegmentController(QuerySender queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List user segments in name order, searchable by name",
            description = "q is a part of the name, case-sensitive (Summer does not find summer); the batch "
                    + "form's Target User Segment search. Name order is ordinal: upper case before lower case.")
    public SegmentPage list(@RequestParam(required = false) String q,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "" + PagingParameters.DEFAULT_SIZE) int size) {
        return queries.one(new FindSegmentsQuery(PagingParameters.text("q", q), PagingParameters.of(page, size)),
                SegmentPage.class);
    }

    @GetMapping("/{segmentId}")
    @Operation(summary = "One user segment", description = "404 until the segment's first event is projected. "
            + "The id is derived from the name; the command side's answer carries it.")
    public SegmentView get(@PathVariable UUID segmentId) {
        return queries.optional(new GetSegmentQuery(segmentId), SegmentView.class)
                .orElseThrow(() -> ApiProblemException.notFound("segment", segmentId));
    }

    @GetMapping("/{segmentId}/members")
    @Operation(summary = "A user segment's members in force, in account id order (ordinal)",
            description = "Keyset paging: pass nextCursor back as cursor for the next page (null after the last). "
                    + "revision says which member set a page is from; it changes when the members are replaced.")
    public SegmentMemberPage members(@PathVariable UUID segmentId, @RequestParam(required = false) String cursor,
                                     @RequestParam(defaultValue = "" + DEFAULT_MEMBERS) int size) {
        if (size < 1 || size > FindSegmentMembersQuery.MAX_SIZE) {
            throw ApiProblemException.badParameter("size", "must be between 1 and " + FindSegmentMembersQuery.MAX_SIZE);
        }
        String after = MemberCursor.parse(cursor);
        return queries.optional(new FindSegmentMembersQuery(segmentId, after, size), SegmentMemberPage.class)
                .orElseThrow(() -> ApiProblemException.notFound("segment", segmentId));
    }
}
