package io.coupons.query.redemption;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.ProjectionsCaughtUp;
import io.coupons.query.QuerySideTest;
import java.time.Instant;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A single code changed away and later created by another campaign: each campaign counts its own
 * uses of the code, and the code's redemption list follows it through both.
 */
@QuerySideTest
class ReusedCodeUsageTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:15:00Z");
    private static final Instant TUESDAY = MONDAY.plusSeconds(86_400);

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
    String code;
    CampaignId first;

    /** The first campaign redeems its code twice (12.50 USD in all), then changes it. */
    @BeforeEach
    void setUp() {
        fixture = new UsageFixture(eventStore, transactions);
        auditor = TestHttp.at(port).as("auditor");
        code = UsageFixture.uniqueCode("REUSED");
        first = fixture.campaign(code, CampaignType.SINGLE_CODE, 5, null, null);
        fixture.redeem(code, first, null, "acct-1", MONDAY, "USD", "10.00");
        fixture.redeem(code, first, null, "acct-2", MONDAY.plusSeconds(60), "USD", "2.50");
        fixture.changeCode(first, 1, code, UsageFixture.uniqueCode("RENAMED"));
    }

    @Test
    void aCodeChangedAwayStillAnswersItsOldCampaignsUsage() {
        ProjectionsCaughtUp.await(processing, eventStore);

        JsonNode usage = ok("/api/codes/" + code + "/usage");
        assertThat(usage.get("campaignId").asString()).isEqualTo(first.toString());
        assertThat(usage.get("redemptions").asLong()).isEqualTo(2);
        assertThat(usage.get("remainingUses").asLong()).isEqualTo(3);
        assertThat(usage.get("discountGiven").get(0).get("amount").decimalValue()).isEqualByComparingTo("12.50");
    }

    @Test
    void theCampaignThatTakesTheCodeCountsOnlyItsOwnUses() {
        CampaignId second = anotherCampaignTakesTheCode();

        JsonNode usage = ok("/api/codes/" + code + "/usage");
        assertThat(usage.get("campaignId").asString()).isEqualTo(second.toString());
        assertThat(usage.get("redemptions").asLong()).isEqualTo(1);
        assertThat(usage.get("recorded").asLong()).isEqualTo(1);
        assertThat(usage.get("remainingUses").asLong()).isEqualTo(2);
        assertThat(Instant.parse(usage.get("lastUsedAt").asString())).isEqualTo(TUESDAY);
        assertThat(usage.get("discountGiven").size()).isEqualTo(1);
        assertThat(usage.get("discountGiven").get(0).get("currency").asString()).isEqualTo("EUR");
        assertThat(usage.get("discountGiven").get(0).get("amount").decimalValue()).isEqualByComparingTo("4.00");

        JsonNode found = ok("/api/codes?search=" + code).get("items").get(0);
        assertThat(found.get("campaignId").asString()).isEqualTo(second.toString());
        assertThat(found.get("totalRedemptions").asLong()).isEqualTo(1);

        assertCampaignCounts(first, 2, "2026-03-02");
        assertCampaignCounts(second, 1, "2026-03-03");
    }

    @Test
    void theRedemptionListSpansEveryCampaignThatHadTheCode() {
        CampaignId second = anotherCampaignTakesTheCode();

        JsonNode page = ok("/api/codes/" + code + "/redemptions");

        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items").valueStream().map(item -> item.get("campaignId").asString()))
                .containsExactly(second.toString(), first.toString(), first.toString());
    }

    /** Another campaign creates the freed code and redeems it once, the next day (4.00 EUR). */
    private CampaignId anotherCampaignTakesTheCode() {
        CampaignId second = fixture.campaign(code, CampaignType.SINGLE_CODE, 3, null, null);
        fixture.redeem(code, second, null, "acct-3", TUESDAY, "EUR", "4.00");
        ProjectionsCaughtUp.await(processing, eventStore);
        return second;
    }

    /** The campaign's own redemptions, and its code counted as redeemed for the first time on its own day. */
    private void assertCampaignCounts(CampaignId campaign, long redemptions, String firstDay) {
        JsonNode usage = ok("/api/campaigns/" + campaign + "/usage");
        assertThat(usage.get("redemptions").asLong()).isEqualTo(redemptions);
        assertThat(usage.get("codesRedeemed").asLong()).isEqualTo(1);
        assertThat(usage.get("days").size()).isEqualTo(1);
        assertThat(usage.get("days").get(0).get("day").asString()).isEqualTo(firstDay);
        assertThat(usage.get("days").get(0).get("codesFirstRedeemed").asLong()).isEqualTo(1);
    }

    private JsonNode ok(String path) {
        TestHttp.Response response = auditor.get(path);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return response.json();
    }
}
