package io.coupons.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.api.campaign.CampaignArchivedEvent;
import io.coupons.api.campaign.CampaignCreatedEvent;
import io.coupons.api.campaign.CampaignDiscountRuleLinkedEvent;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.rule.DiscountRuleCreatedEvent;
import io.coupons.api.rule.DiscountRuleId;
import io.coupons.api.rule.DiscountRuleRetiredEvent;
import io.coupons.api.rule.DiscountRuleRevisedEvent;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.query.EventAppender;
import io.coupons.query.QuerySideTest;
import io.coupons.query.campaign.CampaignTableProjection;
import io.coupons.query.rule.DiscountRuleProjection;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Auditors' guarantee: every projection rebuilt from the events equals the live one, row for row. */
@QuerySideTest
class ProjectionReplayTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    @Test
    void rebuildingEveryProjectionFromTheEventsGivesTheSameRows() {
        EventAppender events = new EventAppender(eventStore, transactions);
        DiscountRuleId rule = DiscountRuleId.random();
        DiscountTerms terms = new DiscountTerms(new BigDecimal("15"), new BigDecimal("30.00"), false, null, false,
                true, "USD", false, true, true, null, null, null, List.of("V1"), null, "15% off", null, null, null,
                null);
        events.append("DiscountRule", rule, 0, new DiscountRuleCreatedEvent(rule, "Fifteen", terms));
        events.append("DiscountRule", rule, 1, new DiscountRuleRevisedEvent(rule, "Fifteen!", terms));
        events.append("DiscountRule", rule, 2, new DiscountRuleRetiredEvent(rule));
        for (int i = 0; i < 20; i++) {
            CampaignId campaign = CampaignId.random();
            events.append("Campaign", campaign, 0, new CampaignCreatedEvent(campaign, "REPLAY" + i + campaign
                    .toString().substring(0, 6).toUpperCase(), CampaignType.values()[i % 3], null, i + 1, null, null,
                    null));
            events.append("Campaign", campaign, 1, new CampaignDiscountRuleLinkedEvent(campaign, rule));
            if (i % 4 == 0) {
                events.append("Campaign", campaign, 2, new CampaignArchivedEvent(campaign));
            }
        }
        List<StreamingEventProcessor> processors = List.of(CampaignTableProjection.PROCESSING_GROUP,
                DiscountRuleProjection.PROCESSING_GROUP).stream().map(group -> processing
                .eventProcessor(group, StreamingEventProcessor.class).orElseThrow()).toList();
        long head = eventStore.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> processors.stream().allMatch(processor ->
                processor.processingStatus().values().stream().allMatch(segment ->
                        segment.getCurrentPosition().orElse(-1) >= head)));
        processors.forEach(StreamingEventProcessor::shutDown);
        Map<String, List<Map<String, Object>>> live = Map.of(
                "campaign_view", rows("campaign_view"), "discount_rule_view", rows("discount_rule_view"));
        // Spoil the read models: only a real rebuild from the events can bring the rows back.
        jdbc.sql("UPDATE campaign_view SET code = 'SPOILED', version = version + 100").update();
        jdbc.sql("UPDATE discount_rule_view SET name = 'SPOILED', version = version + 100").update();

        processors.forEach(processor -> {
            processor.resetTokens();
            processor.start();
        });

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(rows("campaign_view")).isEqualTo(live.get("campaign_view"));
            assertThat(rows("discount_rule_view")).isEqualTo(live.get("discount_rule_view"));
        });
    }

    private List<Map<String, Object>> rows(String table) {
        return jdbc.sql("SELECT * FROM " + table + " ORDER BY id").query().listOfRows();
    }
}
