package io.coupons.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.api.campaign.CampaignArchivedEvent;
import io.coupons.api.campaign.CampaignCreatedEvent;
import io.coupons.api.campaign.CampaignDiscountRuleLinkedEvent;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.marketing.MarketingCampaignDefinedEvent;
import io.coupons.api.marketing.MarketingCampaignDescribedEvent;
import io.coupons.api.marketing.MarketingCampaignId;
import io.coupons.api.promo.InventoryAction;
import io.coupons.api.promo.PromoBatchId;
import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.api.redemption.CodeUsageView;
import io.coupons.api.redemption.Discount;
import io.coupons.api.redemption.GetCampaignUsageQuery;
import io.coupons.api.redemption.GetCodeUsageQuery;
import io.coupons.api.redemption.RedemptionId;
import io.coupons.api.redemption.RedemptionReversedEvent;
import io.coupons.api.redemption.UsageStatistics;
import io.coupons.api.rule.DiscountRuleCreatedEvent;
import io.coupons.api.rule.DiscountRuleId;
import io.coupons.api.rule.DiscountRuleRetiredEvent;
import io.coupons.api.rule.DiscountRuleRevisedEvent;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.api.variantgroup.VariantGroupDefinedEvent;
import io.coupons.api.variantgroup.VariantGroupId;
import io.coupons.query.EventAppender;
import io.coupons.query.QuerySideTest;
import io.coupons.query.campaign.CampaignTableProjection;
import io.coupons.query.code.CodesProjection;
import io.coupons.query.marketing.MarketingCampaignProjection;
import io.coupons.query.promo.PromoEvents;
import io.coupons.query.redemption.UsageProjection;
import io.coupons.query.rule.DiscountRuleProjection;
import io.coupons.query.variantgroup.VariantGroupProjection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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

    @Autowired
    QueryGateway queries;

    /** Each read model with the order that makes its rows comparable. */
    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("campaign_view", "id"),
            Map.entry("discount_rule_view", "id"),
            Map.entry("redemption_view", "redemption_id"),
            Map.entry("code_usage_view", "code, campaign_id"),
            Map.entry("code_discount_view", "code, campaign_id, currency"),
            Map.entry("daily_usage_view", "campaign_id, batch_key, day, currency"),
            Map.entry("marketing_campaign_view", "id"),
            Map.entry("variant_group_view", "id"),
            Map.entry("promo_batch_view", "id"),
            Map.entry("promo_run_view", "run_id"),
            Map.entry("promo_code_override_view", "code"),
            Map.entry("promo_code_usage_view", "code"),
            Map.entry("promo_daily_usage_view", "promo_batch_id, day, currency"),
            Map.entry("code_view WHERE promo_batch_id IS NOT NULL", "code"));

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
        List<CampaignId> campaigns = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CampaignId campaign = CampaignId.random();
            String code = "REPLAY" + i + campaign.toString().substring(0, 6).toUpperCase();
            campaigns.add(campaign);
            codes.add(code);
            events.append("Campaign", campaign, 0, new CampaignCreatedEvent(campaign, code,
                    CampaignType.values()[i % 3], null, i + 1, null, null, null));
            events.append("Campaign", campaign, 1, new CampaignDiscountRuleLinkedEvent(campaign, rule));
            if (i % 4 == 0) {
                events.append("Campaign", campaign, 2, new CampaignArchivedEvent(campaign));
            }
        }
        redemptions(events, campaigns, codes);
        PromoBatchId promoBatch = promoBatch();
        for (String name : List.of("Spring launch", "été 2026", "Black Friday")) {
            MarketingCampaignId marketing = MarketingCampaignId.of(name);
            events.append("MarketingCampaign", marketing, 0, new MarketingCampaignDefinedEvent(marketing, name, null));
            events.append("MarketingCampaign", marketing, 1, new MarketingCampaignDescribedEvent(marketing,
                    "described " + name));
        }
        for (String name : List.of("Shoes", "été hats")) {
            VariantGroupId group = VariantGroupId.of(name);
            events.append("VariantGroup", group, 0, new VariantGroupDefinedEvent(group, name, List.of("V1", "V2")));
            events.append("VariantGroup", group, 1, new VariantGroupDefinedEvent(group, name, List.of("V3")));
        }
        List<StreamingEventProcessor> processors = List.of(CampaignTableProjection.PROCESSING_GROUP,
                DiscountRuleProjection.PROCESSING_GROUP, UsageProjection.PROCESSING_GROUP,
                MarketingCampaignProjection.PROCESSING_GROUP, VariantGroupProjection.PROCESSING_GROUP,
                CodesProjection.PROCESSING_GROUP).stream().map(group ->
                processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow()).toList();
        long head = eventStore.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> processors.stream().allMatch(processor ->
                processor.processingStatus().values().stream().allMatch(segment ->
                        segment.getCurrentPosition().orElse(-1) >= head)));
        processors.forEach(StreamingEventProcessor::shutDown);
        Map<String, List<Map<String, Object>>> live = new HashMap<>();
        TABLES.keySet().forEach(table -> live.put(table, rows(table)));
        UsageStatistics campaignUsage = campaignUsage(campaigns.get(0));
        CodeUsageView codeUsage = codeUsage(codes.get(0));
        assertThat(campaignUsage.redemptions()).isEqualTo(2);
        assertThat(codeUsage.reversals()).isEqualTo(1);
        assertThat(rows("promo_code_override_view").stream().filter(row -> row.get("promo_batch_id")
                .equals(promoBatch.value()))).as("an edit and three clones").hasSize(4);
        // Spoil the read models: only a real rebuild from the events can bring the rows back.
        jdbc.sql("UPDATE campaign_view SET code = 'SPOILED', version = version + 100").update();
        jdbc.sql("UPDATE discount_rule_view SET name = 'SPOILED', version = version + 100").update();
        jdbc.sql("UPDATE redemption_view SET reversed_at = NULL, account_id = 'SPOILED'").update();
        jdbc.sql("UPDATE code_usage_view SET recorded = recorded + 100").update();
        jdbc.sql("UPDATE code_discount_view SET discount_given = 0").update();
        jdbc.sql("UPDATE daily_usage_view SET redemptions = 99, codes_first_redeemed = 99").update();
        jdbc.sql("UPDATE marketing_campaign_view SET description = 'SPOILED', version = version + 100").update();
        jdbc.sql("UPDATE variant_group_view SET variant_ids = '{SPOILED}', variant_count = 9, version = version + 100")
                .update();
        jdbc.sql("UPDATE promo_batch_view SET name = 'SPOILED', set_number = 9, version = version + 100").update();
        jdbc.sql("UPDATE promo_run_view SET generated = 0, state = 'FAILED'").update();
        jdbc.sql("UPDATE promo_code_override_view SET enabled = true, version = version + 100").update();
        jdbc.sql("UPDATE promo_code_usage_view SET used_in_set = 99").update();
        jdbc.sql("UPDATE promo_daily_usage_view SET redemptions = 99").update();
        jdbc.sql("UPDATE code_view SET account_id = 'SPOILED' WHERE promo_batch_id IS NOT NULL").update();

        processors.forEach(processor -> {
            processor.resetTokens();
            processor.start();
        });

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            TABLES.keySet().forEach(table -> assertThat(rows(table)).as(table).isEqualTo(live.get(table)));
            assertThat(campaignUsage(campaigns.get(0))).isEqualTo(campaignUsage);
            assertThat(codeUsage(codes.get(0))).isEqualTo(codeUsage);
        });
    }

    /**
     * Three redemptions of the first campaign's code on two days and in two currencies, one reversed a
     * day later and one delivered twice; one redemption of every other campaign's code. The second
     * campaign redeems the first one's code too (as if changed away and taken): counted apart.
     */
    private void redemptions(EventAppender events, List<CampaignId> campaigns, List<String> codes) {
        Instant day = Instant.parse("2026-05-04T10:00:00Z");
        for (int i = 0; i < campaigns.size(); i++) {
            int times = i == 0 ? 4 : 1;
            for (int n = 0; n < times; n++) {
                CampaignId campaign = n == 3 ? campaigns.get(1) : campaigns.get(i);
                String order = "replay-order-" + i + "-" + n;
                String currency = n == 1 ? "EUR" : "USD";
                CodeRedeemedEvent redeemed = new CodeRedeemedEvent(RedemptionId.of(codes.get(i), order), codes.get(i),
                        campaign, null, order, "account-" + n, day.plusSeconds(86_400L * n), n == 2, true,
                        false, new BigDecimal("80.00"), new Discount(currency, List.of(), new BigDecimal("8.00"),
                        false, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("8.00"), "8 off"),
                        null);
                events.append("Redemption", redeemed.redemptionId(), 0, redeemed);
                if (i == 0 && n == 0) {
                    events.append("Redemption", redeemed.redemptionId(), 1, new RedemptionReversedEvent(
                            redeemed.redemptionId(), codes.get(i), campaigns.get(i), null, order, "account-0",
                            day.plusSeconds(86_400L), "cancelled", currency, new BigDecimal("8.00")));
                    transactions.executeWithoutResult(status -> eventStore.publish(
                            GenericEventMessage.asEventMessage(redeemed))); // delivered twice
                }
            }
        }
    }

    /**
     * A segment batch of three codes in two chunks, one code edited, a clone of it (its codes get the
     * override), an Increment and a Set, and redemptions in both Sets with one reversed.
     */
    private PromoBatchId promoBatch() {
        PromoEvents promo = new PromoEvents(eventStore, transactions);
        List<String> codes = PromoEvents.codes(3);
        PromoBatchId batch = promo.create("Replay promo", "Replay segment", 3, PromoEvents.terms("10", "CS", "Gift"),
                2L);
        UUID run = promo.firstRun(batch);
        promo.chunk(batch, run, 1, 0, codes.subList(0, 2), List.of("acc-0", "acc-1"), 2);
        promo.chunk(batch, run, 1, 1, codes.subList(2, 3), List.of("acc-2"), 3);
        promo.completed(batch, run, 1, 3);
        promo.edit(batch, codes.get(0), PromoEvents.terms("50", "Support", null), false);
        UUID clone = promo.cloneRequested(batch, 2, codes.get(0), 3, PromoEvents.terms("50", "Support", null), false);
        promo.chunk(batch, clone, 2, 0, PromoEvents.codes(3), null, 3);
        promo.completed(batch, clone, 2, 3);
        promo.inventory(batch, InventoryAction.INCREMENT, 1, 3, 0);
        CodeRedeemedEvent early = promo.redeem(codes.get(1), batch, 0, Instant.parse("2026-05-10T10:00:00Z"), "2.00");
        promo.inventory(batch, InventoryAction.SET, 4, 4, 1);
        promo.redeem(codes.get(1), batch, 1, Instant.parse("2026-05-11T10:00:00Z"), "2.00");
        promo.reverse(early, Instant.parse("2026-05-12T10:00:00Z"));
        promo.enabled(batch, false);
        return batch;
    }

    private UsageStatistics campaignUsage(CampaignId campaign) {
        return queries.query(new GetCampaignUsageQuery(campaign.value()),
                ResponseTypes.optionalInstanceOf(UsageStatistics.class)).join().orElseThrow();
    }

    private CodeUsageView codeUsage(String code) {
        return queries.query(new GetCodeUsageQuery(code.toLowerCase()),
                ResponseTypes.optionalInstanceOf(CodeUsageView.class)).join().orElseThrow();
    }

    /** The rows as values: an array column (variant_group_view's variants) as its elements. */
    private List<Map<String, Object>> rows(String table) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM " + table + " ORDER BY " + TABLES.get(table))
                .query().listOfRows();
        rows.forEach(row -> row.replaceAll((column, value) -> {
            try {
                return value instanceof java.sql.Array array ? List.of((Object[]) array.getArray()) : value;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
        return rows;
    }
}
