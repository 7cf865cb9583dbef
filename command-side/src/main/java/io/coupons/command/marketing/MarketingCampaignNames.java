package io.coupons.command.marketing;

import io.coupons.api.marketing.MarketingCampaignDefinedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Owner of {@code marketing_campaign}, the command side's set of defined marketing campaign names.
 * Rule: a name is in the table exactly when its {@link MarketingCampaignDefinedEvent} is committed.
 * It runs in a subscribing processor ({@link MarketingCampaignConfig}), so the row is written in the
 * defining command's own transaction and a failure fails that command; a rule created right after
 * the define answers sees the name on any instance. Names are never removed, so a rule's check
 * cannot race a removal.
 */
@Component
@ProcessingGroup(MarketingCampaignNames.GROUP)
public class MarketingCampaignNames implements MarketingCampaigns {

    public static final String GROUP = "marketing-campaign-names";

    private final JdbcClient jdbc;

    public MarketingCampaignNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MarketingCampaignDefinedEvent event) {
        jdbc.sql("INSERT INTO marketing_campaign (name, marketing_campaign_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(event.name(), event.marketingCampaignId().value())
                .update();
    }

    @Override
    public boolean isDefined(String name) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM marketing_campaign WHERE name = ?)").param(name)
                .query(Boolean.class).single();
    }
}
