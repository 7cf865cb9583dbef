package io.coupons.query.campaign;

import io.coupons.api.campaign.CampaignArchivedEvent;
import io.coupons.api.campaign.CampaignCodeChangedEvent;
import io.coupons.api.campaign.CampaignCreatedEvent;
import io.coupons.api.campaign.CampaignDiscountRuleLinkedEvent;
import io.coupons.api.campaign.CampaignDiscountRuleUnlinkedEvent;
import io.coupons.api.campaign.CampaignRescheduledEvent;
import io.coupons.api.common.AuditMetadata;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/** Projects campaign events into campaign_view (the campaign table and details). */
@Component
@ProcessingGroup(CampaignTableProjection.PROCESSING_GROUP)
public class CampaignTableProjection {

    public static final String PROCESSING_GROUP = "campaign-table";

    private final CampaignRows rows;

    public CampaignTableProjection(CampaignRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(CampaignCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.USER) String user) {
        rows.insert(new CampaignRow(event.campaignId().value(), event.code(), event.type(),
                event.discountRuleId() == null ? null : event.discountRuleId().value(), event.usesPerCode(),
                event.startsAt(), event.expiresAt(), event.urlToken(), user, at, version));
    }

    @EventHandler
    void on(CampaignCodeChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.update(event.campaignId().value(), "code", event.code(), at, version);
    }

    @EventHandler
    void on(CampaignDiscountRuleLinkedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.update(event.campaignId().value(), "discount_rule_id", event.discountRuleId().value(), at, version);
    }

    @EventHandler
    void on(CampaignDiscountRuleUnlinkedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.update(event.campaignId().value(), "discount_rule_id", null, at, version);
    }

    @EventHandler
    void on(CampaignRescheduledEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.reschedule(event.campaignId().value(), event.startsAt(), event.expiresAt(), at, version);
    }

    @EventHandler
    void on(CampaignArchivedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.update(event.campaignId().value(), "archived_at", at, at, version);
    }

    @ResetHandler
    void reset() {
        rows.deleteAll();
    }
}
