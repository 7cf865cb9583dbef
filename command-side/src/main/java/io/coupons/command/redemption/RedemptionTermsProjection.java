package io.coupons.command.redemption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coupons.api.campaign.CampaignArchivedEvent;
import io.coupons.api.campaign.CampaignCodeChangedEvent;
import io.coupons.api.campaign.CampaignCreatedEvent;
import io.coupons.api.campaign.CampaignDiscountRuleLinkedEvent;
import io.coupons.api.campaign.CampaignDiscountRuleUnlinkedEvent;
import io.coupons.api.campaign.CampaignRescheduledEvent;
import io.coupons.api.rule.DiscountRuleCreatedEvent;
import io.coupons.api.rule.DiscountRuleRetiredEvent;
import io.coupons.api.rule.DiscountRuleRevisedEvent;
import io.coupons.api.rule.DiscountTerms;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code redemption_campaign} and {@code redemption_rule} in step with the campaign and rule
 * events. It runs in a subscribing processor ({@link RedemptionConfig}): Axon calls it while the
 * publishing command's unit of work prepares to commit, so the rows change in the event's own
 * transaction and a failure here fails the command. A redemption therefore never sees a campaign
 * older than the last committed campaign command, on any instance.
 */
@Component
@ProcessingGroup(RedemptionTermsProjection.GROUP)
public class RedemptionTermsProjection {

    public static final String GROUP = "redemption-terms";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public RedemptionTermsProjection(JdbcClient jdbc, @Qualifier("axonObjectMapper") ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CampaignCreatedEvent event) {
        jdbc.sql("""
                        INSERT INTO redemption_campaign (campaign_id, code, type, url_token, discount_rule_id,
                                                         uses_per_code, starts_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id) DO NOTHING""")
                .params(event.campaignId().value(), event.code(), event.type().name(), event.urlToken(),
                        event.discountRuleId() == null ? null : event.discountRuleId().value(), event.usesPerCode(),
                        timestamp(event.startsAt()), timestamp(event.expiresAt()))
                .update();
    }

    @EventHandler
    void on(CampaignCodeChangedEvent event) {
        update("code = ?", event.campaignId().value(), event.code());
    }

    @EventHandler
    void on(CampaignDiscountRuleLinkedEvent event) {
        update("discount_rule_id = ?", event.campaignId().value(), event.discountRuleId().value());
    }

    @EventHandler
    void on(CampaignDiscountRuleUnlinkedEvent event) {
        update("discount_rule_id = ?", event.campaignId().value(), (Object) null);
    }

    @EventHandler
    void on(CampaignRescheduledEvent event) {
        update("starts_at = ?, expires_at = ?", event.campaignId().value(), timestamp(event.startsAt()),
                timestamp(event.expiresAt()));
    }

    @EventHandler
    void on(CampaignArchivedEvent event) {
        update("archived = ?", event.campaignId().value(), true);
    }

    @EventHandler
    void on(DiscountRuleCreatedEvent event) {
        jdbc.sql("""
                        INSERT INTO redemption_rule (rule_id, terms, revision) VALUES (?, ?::jsonb, 1)
                        ON CONFLICT (rule_id) DO NOTHING""")
                .params(event.ruleId().value(), write(event.terms()))
                .update();
    }

    @EventHandler
    void on(DiscountRuleRevisedEvent event) {
        jdbc.sql("UPDATE redemption_rule SET terms = ?::jsonb, revision = revision + 1 WHERE rule_id = ?")
                .params(write(event.terms()), event.ruleId().value())
                .update();
    }

    @EventHandler
    void on(DiscountRuleRetiredEvent event) {
        // Retiring blocks new links only; campaigns already linked keep redeeming with the rule.
        jdbc.sql("UPDATE redemption_rule SET retired = true WHERE rule_id = ?").param(event.ruleId().value()).update();
    }

    private void update(String assignments, UUID campaignId, Object... values) {
        Object[] params = new Object[values.length + 1];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = campaignId;
        jdbc.sql("UPDATE redemption_campaign SET " + assignments + " WHERE campaign_id = ?").params(params).update();
    }

    private String write(DiscountTerms terms) {
        try {
            return json.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Discount terms cannot be written as JSON", e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
