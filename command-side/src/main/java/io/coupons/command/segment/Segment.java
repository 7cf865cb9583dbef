package io.coupons.command.segment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.coupons.api.segment.SegmentDefinedEvent;
import io.coupons.api.segment.SegmentId;
import io.coupons.api.segment.SegmentMembersReplacedEvent;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user segment: a name and which upload's members are in force. The members themselves never
 * enter the aggregate (they travel in {@code SegmentMembersStagedEvent} chunks outside its
 * stream), so loading a segment costs the same for ten members or ten million. The aggregate
 * numbers the replacements: of two uploads finishing at once, the one handled second is the
 * newer revision and wins.
 */
@Aggregate
public class Segment {

    @AggregateIdentifier
    private SegmentId segmentId;
    private UUID currentUpload;
    private int revision;
    private long members;

    protected Segment() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SegmentReplaced handle(ReplaceSegmentMembersCommand command) {
        SegmentRules.checkName(command.name());
        if (!command.uploadId().equals(currentUpload)) { // the same upload again changes nothing
            if (segmentId == null) {
                apply(new SegmentDefinedEvent(command.segmentId(), command.name()));
            }
            apply(new SegmentMembersReplacedEvent(command.segmentId(), command.uploadId(), revision + 1,
                    command.members(), command.chunks()));
        }
        return new SegmentReplaced(command.segmentId().value(), AggregateLifecycle.getVersion(), revision, members);
    }

    @EventSourcingHandler
    void on(SegmentDefinedEvent event) {
        segmentId = event.segmentId();
    }

    @EventSourcingHandler
    void on(SegmentMembersReplacedEvent event) {
        currentUpload = event.uploadId();
        revision = event.revision();
        members = event.members();
    }
}
