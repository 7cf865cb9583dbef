package io.coupons.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.marketing.MarketingCampaignDefinedEvent;
import io.coupons.api.marketing.MarketingCampaignId;
import io.coupons.api.promo.PromoBatchId;
import io.coupons.api.rule.DiscountRuleCreatedEvent;
import io.coupons.api.rule.DiscountRuleId;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.api.segment.SegmentDefinedEvent;
import io.coupons.api.segment.SegmentId;
import io.coupons.api.variantgroup.VariantGroupDefinedEvent;
import io.coupons.api.variantgroup.VariantGroupId;
import io.coupons.platform.testing.HostileInputWalk;
import io.coupons.platform.testing.TableSnapshot;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.EventAppender;
import io.coupons.query.ProjectionsCaughtUp;
import io.coupons.query.QuerySideTest;
import io.coupons.query.promo.PromoEvents;
import io.coupons.query.redemption.UsageFixture;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every operation of the query side's OpenAPI description, walked with hostile values in every
 * parameter (see {@link HostileInputWalk}): no 5xx, a problem body with a code for each refusal,
 * and the event store and every table exactly as before (a refused download records nothing).
 */
@QuerySideTest
@TestPropertySource(properties = "coupons.test.own-database=hostile-input") // its own context and database
class QuerySideHostileInputTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyOperationRefusesHostileInputWithAProblemAndChangesNothing() {
        UsageFixture usage = new UsageFixture(eventStore, transactions);
        DiscountRuleId rule = DiscountRuleId.random();
        new EventAppender(eventStore, transactions).append("DiscountRule", rule, 0, new DiscountRuleCreatedEvent(rule,
                "Hostile walk", new DiscountTerms(new BigDecimal("10"), null, false, null, false, false, "USD", false,
                false, false, null, null, null, List.of(), null, "10% off", null, null, null, null)));
        CampaignId pool = usage.campaign("HOSTILE", CampaignType.BULK_POOL, 3, rule, null);
        BatchId batch = BatchId.random();
        String code = usage.batch(pool, "HOSTILE", batch, 1, 5).get(0);
        usage.redeem(code, pool, batch, "acc-1", Instant.parse("2026-06-01T10:00:00Z"), "USD", "2.00");
        String token = "tok" + CampaignId.random().value().toString().replace("-", "");
        usage.campaign("HOSTILELINK", CampaignType.URL_TOKEN, null, rule, token);
        SegmentId segment = SegmentId.of("Hostile walk");
        new EventAppender(eventStore, transactions).append("Segment", segment, 0,
                new SegmentDefinedEvent(segment, "Hostile walk"));
        MarketingCampaignId marketing = MarketingCampaignId.of("Hostile walk");
        new EventAppender(eventStore, transactions).append("MarketingCampaign", marketing, 0,
                new MarketingCampaignDefinedEvent(marketing, "Hostile walk", "A real one for the walk"));
        VariantGroupId variantGroup = VariantGroupId.of("Hostile walk");
        new EventAppender(eventStore, transactions).append("VariantGroup", variantGroup, 0,
                new VariantGroupDefinedEvent(variantGroup, "Hostile walk", List.of("V-1", "V-2")));
        PromoEvents promo = new PromoEvents(eventStore, transactions);
        PromoBatchId promoBatch = promo.generated("Hostile walk", "Hostile walk", PromoEvents.codes(3),
                List.of("a", "b", "c"), PromoEvents.terms("10", "CS", null), 2L);
        ProjectionsCaughtUp.await(processing, eventStore);
        Map<String, String> before = TableSnapshot.of(jdbc, Set.of("token_entry"));

        TestHttp.Response description = TestHttp.at(port).get("/v3/api-docs");
        assertThat(description.json().path("paths").size()).as(description::toString).isPositive();
        HostileInputWalk.Outcome outcome = new HostileInputWalk(port, description.json(), path -> "admin",
                Map.of("campaignId", pool.value().toString(), "ruleId", rule.value().toString(), "code", code,
                        "batchNumber", "1", "token", token, "segmentId", segment.toString(),
                        "marketingCampaignId", marketing.toString(), "promoBatchId", promoBatch.toString(),
                        "variantGroupId", variantGroup.toString(), "processor", "campaign-table"),
                Map.of()).run();

        assertThat(outcome.findings()).as("answers that break the rules").isEmpty();
        assertThat(outcome.probesPerOperation()).hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy((operation, probes) -> assertThat(probes).as(operation).isPositive());
        ProjectionsCaughtUp.await(processing, eventStore);
        assertThat(TableSnapshot.of(jdbc, Set.of("token_entry"))).isEqualTo(before);
    }
}
