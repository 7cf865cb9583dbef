package io.coupons.query.segment;

import io.coupons.api.common.AuditMetadata;
import io.coupons.api.segment.SegmentDefinedEvent;
import io.coupons.api.segment.SegmentMembersReplacedEvent;
import io.coupons.api.segment.SegmentMembersStagedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Projects segments and their members. Every event of one segment is handled in order
 * ({@link SegmentSequencingPolicy}): an upload's chunks before its replacement, so the switch to
 * the new members never happens before they are all there.
 */
@Component
@ProcessingGroup(SegmentProjection.PROCESSING_GROUP)
public class SegmentProjection {

    public static final String PROCESSING_GROUP = "segments";

    private final SegmentRows rows;

    public SegmentProjection(SegmentRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(SegmentDefinedEvent event, @Timestamp Instant at, @MetaDataValue(AuditMetadata.USER) String user,
            @SequenceNumber long version) {
        rows.define(event.segmentId().value(), event.name(), at, user, version);
    }

    @EventHandler
    void on(SegmentMembersStagedEvent event) {
        rows.stage(event.uploadId(), event.accountIds());
    }

    @EventHandler
    void on(SegmentMembersReplacedEvent event, @Timestamp Instant at, @MetaDataValue(AuditMetadata.USER) String user,
            @SequenceNumber long version) {
        rows.replace(event.segmentId().value(), event.uploadId(), event.revision(), event.members(), at, user,
                version);
    }

    @ResetHandler
    void reset() {
        rows.deleteAll();
    }
}
