package io.coupons.query.rule;

import io.coupons.api.common.AuditMetadata;
import io.coupons.api.rule.DiscountRuleCreatedEvent;
import io.coupons.api.rule.DiscountRuleRetiredEvent;
import io.coupons.api.rule.DiscountRuleRevisedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/** Projects discount rule events into discount_rule_view. */
@Component
@ProcessingGroup(DiscountRuleProjection.PROCESSING_GROUP)
public class DiscountRuleProjection {

    public static final String PROCESSING_GROUP = "discount-rule-table";

    private final DiscountRuleRows rows;

    public DiscountRuleProjection(DiscountRuleRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(DiscountRuleCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.USER) String user) {
        rows.insert(event.ruleId().value(), event.name(), event.terms(), user, at, version);
    }

    @EventHandler
    void on(DiscountRuleRevisedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.revise(event.ruleId().value(), event.name(), event.terms(), at, version);
    }

    @EventHandler
    void on(DiscountRuleRetiredEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.retire(event.ruleId().value(), at, version);
    }

    @ResetHandler
    void reset() {
        rows.deleteAll();
    }
}
