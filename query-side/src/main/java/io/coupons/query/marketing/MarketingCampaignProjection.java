package io.coupons.query.marketing;

import io.coupons.api.common.AuditMetadata;
import io.coupons.api.marketing.MarketingCampaignDefinedEvent;
import io.coupons.api.marketing.MarketingCampaignDescribedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/** Projects marketing campaigns into marketing_campaign_view, for the rule form's picker. */
@Component
@ProcessingGroup(MarketingCampaignProjection.PROCESSING_GROUP)
public class MarketingCampaignProjection {

    public static final String PROCESSING_GROUP = "marketing-campaigns";

    private final MarketingCampaignRows rows;

    public MarketingCampaignProjection(MarketingCampaignRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(MarketingCampaignDefinedEvent event, @Timestamp Instant at, @MetaDataValue(AuditMetadata.USER) String user,
            @SequenceNumber long version) {
        rows.define(event.marketingCampaignId().value(), event.name(), event.description(), at, user, version);
    }

    @EventHandler
    void on(MarketingCampaignDescribedEvent event, @SequenceNumber long version) {
        rows.describe(event.marketingCampaignId().value(), event.description(), version);
    }

    @ResetHandler
    void reset() {
        rows.deleteAll();
    }
}
