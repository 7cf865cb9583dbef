package io.coupons.query.redemption;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.ProjectionsCaughtUp;
import io.coupons.query.QuerySideTest;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Usage tracking of one code (seed 000): total redemptions, remaining uses, last used, each redemption. */
@QuerySideTest
class CodeUsageTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:15:00Z");

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processing;

    UsageFixture fixture;
    TestHttp auditor;

    @BeforeEach
    void setUp() {
        fixture = new UsageFixture(eventStore, transactions);
        auditor = TestHttp.at(port).as("auditor");
    }

    @Test
    void countsRedemptionsRemainingUsesAndLastUseOfAGeneratedCode() {
        String prefix = UsageFixture.uniqueCode("USE");
        CampaignId campaign = fixture.campaign(prefix, CampaignType.BULK_POOL, 3, null, null);
        BatchId batch = BatchId.random();
        String code = fixture.batch(campaign, prefix, batch, 1, 5).get(2);
        fixture.redeem(code, campaign, batch, "acct-1", MONDAY, "USD", "10.00");
        fixture.redeem(code, campaign, batch, "acct-2", MONDAY.plusSeconds(3600), "USD", "2.50");
        awaitProjections();

        JsonNode usage = usage(code);

        assertThat(usage.get("code").asString()).isEqualTo(code);
        assertThat(usage.get("campaignId").asString()).isEqualTo(campaign.toString());
        assertThat(usage.get("batchId").asString()).isEqualTo(batch.toString());
        assertThat(usage.get("batchNumber").asInt()).isEqualTo(1);
        assertThat(usage.get("usesPerCode").asInt()).isEqualTo(3);
        assertThat(usage.get("redemptions").asLong()).isEqualTo(2);
        assertThat(usage.get("recorded").asLong()).isEqualTo(2);
        assertThat(usage.get("reversals").asLong()).isZero();
        assertThat(usage.get("remainingUses").asLong()).isEqualTo(1);
        assertThat(Instant.parse(usage.get("lastUsedAt").asString())).isEqualTo(MONDAY.plusSeconds(3600));
        assertThat(usage.get("discountGiven").get(0).get("currency").asString()).isEqualTo("USD");
        assertThat(usage.get("discountGiven").get(0).get("amount").decimalValue()).isEqualByComparingTo("12.50");
    }

    @Test
    void findsTheCodeWhateverItsCaseAndSurroundingSpaces() {
        String code = UsageFixture.uniqueCode("CASE");
        fixture.campaign(code, CampaignType.SINGLE_CODE, null, null, null);
        awaitProjections();

        TestHttp.Response response = auditor.get("/api/codes/%20" + code.toLowerCase() + "%20/usage");

        assertThat(response.status()).as(response::toString).isEqualTo(200);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }

    @Test
    void knowsASingleCodeBeforeItsFirstUseAndUnlimitedCodesHaveNoRemainingUses() {
        String limited = UsageFixture.uniqueCode("ONCE");
        String unlimited = UsageFixture.uniqueCode("ALWAYS");
        fixture.campaign(limited, CampaignType.SINGLE_CODE, 5, null, null);
        CampaignId forever = fixture.campaign(unlimited, CampaignType.SINGLE_CODE, null, null, null);
        fixture.redeem(unlimited, forever, null, "acct-1", MONDAY, "EUR", "4.00");
        awaitProjections();

        JsonNode fresh = usage(limited);
        assertThat(fresh.get("redemptions").asLong()).isZero();
        assertThat(fresh.get("remainingUses").asLong()).isEqualTo(5);
        assertThat(fresh.get("lastUsedAt").isNull()).isTrue();
        assertThat(fresh.get("batchId").isNull()).isTrue();
        assertThat(fresh.get("discountGiven").size()).isZero();

        JsonNode used = usage(unlimited);
        assertThat(used.get("redemptions").asLong()).isEqualTo(1);
        assertThat(used.get("usesPerCode").isNull()).isTrue();
        assertThat(used.get("remainingUses").isNull()).isTrue();
    }

    @Test
    void remainingUsesNeverGoBelowZero() {
        String code = UsageFixture.uniqueCode("OVER");
        CampaignId campaign = fixture.campaign(code, CampaignType.SINGLE_CODE, 1, null, null);
        fixture.redeem(code, campaign, null, "acct-1", MONDAY, "USD", "1.00");
        fixture.redeem(code, campaign, null, "acct-2", MONDAY, "USD", "1.00");
        awaitProjections();

        assertThat(usage(code).get("remainingUses").asLong()).isZero();
    }

    @Test
    void listsRedemptionsNewestFirstPageByPage() {
        String code = UsageFixture.uniqueCode("LIST");
        CampaignId campaign = fixture.campaign(code, CampaignType.SINGLE_CODE, null, null, null);
        CodeRedeemedEvent first = fixture.redeem(code, campaign, null, "acct-1", MONDAY, "USD", "1.00");
        CodeRedeemedEvent third = fixture.redeem(code, campaign, null, "acct-3", MONDAY.plusSeconds(120), "USD",
                "3.00");
        CodeRedeemedEvent second = fixture.redeem(code, campaign, null, "acct-2", MONDAY.plusSeconds(60), "USD",
                "2.00");
        awaitProjections();

        JsonNode page0 = auditor.get("/api/codes/" + code + "/redemptions?size=2").json();
        JsonNode page1 = auditor.get("/api/codes/" + code + "/redemptions?size=2&page=1").json();

        assertThat(page0.get("total").asLong()).isEqualTo(3);
        assertThat(orders(page0)).containsExactly(third.orderId(), second.orderId());
        assertThat(orders(page1)).containsExactly(first.orderId());
        JsonNode newest = page0.get("items").get(0);
        assertThat(newest.get("redemptionId").asString()).isEqualTo(third.redemptionId().toString());
        assertThat(newest.get("accountId").asString()).isEqualTo("acct-3");
        assertThat(Instant.parse(newest.get("redeemedAt").asString())).isEqualTo(MONDAY.plusSeconds(120));
        assertThat(newest.get("currency").asString()).isEqualTo("USD");
        assertThat(newest.get("discountTotal").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(newest.get("credit").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(newest.get("viaUrlToken").asBoolean()).isFalse();
        assertThat(newest.get("reversed").asBoolean()).isFalse();
    }

    @Test
    void aReversalFlipsOneRedemptionAndGivesOneUseBack() {
        String code = UsageFixture.uniqueCode("BACK");
        CampaignId campaign = fixture.campaign(code, CampaignType.SINGLE_CODE, 2, null, null);
        CodeRedeemedEvent kept = fixture.redeem(code, campaign, null, "acct-1", MONDAY, "USD", "5.00");
        CodeRedeemedEvent cancelled = fixture.redeem(code, campaign, null, "acct-2", MONDAY.plusSeconds(60), "USD",
                "7.00");
        fixture.reverse(cancelled, MONDAY.plusSeconds(600), "order cancelled");
        awaitProjections();

        JsonNode usage = usage(code);
        assertThat(usage.get("redemptions").asLong()).isEqualTo(1);
        assertThat(usage.get("recorded").asLong()).isEqualTo(2);
        assertThat(usage.get("reversals").asLong()).isEqualTo(1);
        assertThat(usage.get("remainingUses").asLong()).isEqualTo(1);
        assertThat(usage.get("discountGiven").get(0).get("amount").decimalValue()).isEqualByComparingTo("5.00");

        JsonNode items = auditor.get("/api/codes/" + code + "/redemptions").json().get("items");
        assertThat(items.get(0).get("orderId").asString()).isEqualTo(cancelled.orderId());
        assertThat(items.get(0).get("reversed").asBoolean()).isTrue();
        assertThat(Instant.parse(items.get(0).get("reversedAt").asString())).isEqualTo(MONDAY.plusSeconds(600));
        assertThat(items.get(0).get("reversalReason").asString()).isEqualTo("order cancelled");
        assertThat(items.get(1).get("orderId").asString()).isEqualTo(kept.orderId());
        assertThat(items.get(1).get("reversed").asBoolean()).isFalse();
        assertThat(items.get(1).get("reversedAt").isNull()).isTrue();
    }

    @Test
    void aRedeliveredRedemptionOrReversalCountsNothingTwice() {
        String code = UsageFixture.uniqueCode("TWICE");
        CampaignId campaign = fixture.campaign(code, CampaignType.SINGLE_CODE, 10, null, null);
        CodeRedeemedEvent redeemed = fixture.redeem(code, campaign, null, "acct-1", MONDAY, "USD", "5.00");
        CodeRedeemedEvent reversed = fixture.redeem(code, campaign, null, "acct-2", MONDAY, "USD", "6.00");
        var reversal = fixture.reverse(reversed, MONDAY.plusSeconds(60), "refund");
        fixture.publish(redeemed);
        fixture.publish(reversed);
        fixture.publish(reversal);
        awaitProjections();

        JsonNode usage = usage(code);
        assertThat(usage.get("recorded").asLong()).isEqualTo(2);
        assertThat(usage.get("reversals").asLong()).isEqualTo(1);
        assertThat(usage.get("redemptions").asLong()).isEqualTo(1);
        assertThat(usage.get("remainingUses").asLong()).isEqualTo(9);
        assertThat(usage.get("discountGiven").get(0).get("amount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(auditor.get("/api/codes/" + code + "/redemptions").json().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void anUnknownCodeIsNotFound() {
        String code = UsageFixture.uniqueCode("NOBODY");

        for (String path : List.of("/api/codes/" + code + "/usage", "/api/codes/" + code + "/redemptions")) {
            TestHttp.Response response = auditor.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void aKnownCodeNeverRedeemedHasAnEmptyRedemptionList() {
        String code = UsageFixture.uniqueCode("QUIET");
        fixture.campaign(code, CampaignType.URL_TOKEN, 1, null, "tok-" + code);
        awaitProjections();

        JsonNode page = auditor.get("/api/codes/" + code + "/redemptions").json();

        assertThat(page.get("total").asLong()).isZero();
        assertThat(page.get("items").size()).isZero();
    }

    private JsonNode usage(String code) {
        TestHttp.Response response = auditor.get("/api/codes/" + code + "/usage");
        assertThat(response.status()).as(response::toString).isEqualTo(200);
        return response.json();
    }

    private static List<String> orders(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("orderId").asString()).toList();
    }

    private void awaitProjections() {
        ProjectionsCaughtUp.await(processing, eventStore);
    }
}
