package io.coupons.query.redemption;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.ProjectionsCaughtUp;
import io.coupons.query.QuerySideTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Campaign and batch usage per UTC day, pool stats and the "with info" downloads, from one bulk
 * pool of two batches: redemptions over two days in two currencies, one reversed on a third day.
 */
@QuerySideTest
class UsageStatisticsTest {

    private static final Instant DAY_1 = Instant.parse("2026-04-01T23:30:00Z");
    private static final Instant DAY_2 = Instant.parse("2026-04-02T00:30:00Z");
    private static final Instant DAY_3 = Instant.parse("2026-04-03T12:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processing;

    UsageFixture fixture;
    TestHttp admin;
    CampaignId campaign;
    List<String> first;
    List<String> second;

    @BeforeEach
    void setUp() {
        fixture = new UsageFixture(eventStore, transactions);
        admin = TestHttp.at(port).as("admin");
        String prefix = UsageFixture.uniqueCode("POOL");
        campaign = fixture.campaign(prefix, CampaignType.BULK_POOL, 2, null, null);
        BatchId batch1 = BatchId.random();
        BatchId batch2 = BatchId.random();
        first = fixture.batch(campaign, prefix, batch1, 1, 4);
        second = fixture.batch(campaign, prefix, batch2, 2, 3);
        fixture.redeem(first.get(0), campaign, batch1, "a", DAY_1, "USD", "10.00");
        CodeRedeemedEvent refunded = fixture.redeem(first.get(1), campaign, batch1, "b", DAY_1, "USD", "5.00");
        fixture.redeem(second.get(0), campaign, batch2, "c", DAY_1, "EUR", "8.00");
        fixture.redeem(first.get(0), campaign, batch1, "d", DAY_2, "USD", "10.00");
        fixture.redeem(first.get(2), campaign, batch1, "e", DAY_2, "EUR", "3.00");
        fixture.reverse(refunded, DAY_3, "refunded");
        ProjectionsCaughtUp.await(processing, eventStore);
    }

    @Test
    void batchStatisticsCountReversalsOnTheirOwnDayAndKeepCurrenciesApart() {
        JsonNode usage = ok("/api/campaigns/" + campaign + "/batches/1/usage");

        assertThat(usage.get("campaignId").asString()).isEqualTo(campaign.toString());
        assertThat(usage.get("codesRedeemed").asLong()).isEqualTo(2);
        assertThat(usage.get("redemptions").asLong()).isEqualTo(3);
        assertThat(usage.get("reversals").asLong()).isEqualTo(1);
        assertThat(amounts(usage.get("discountGiven"))).isEqualTo(Map.of("EUR", "3.00", "USD", "20.00"));
        assertThat(days(usage)).containsExactly(
                "2026-04-01 USD +2 -0 first 2 15.00",
                "2026-04-02 EUR +1 -0 first 1 3.00",
                "2026-04-02 USD +1 -0 first 0 10.00",
                "2026-04-03 USD +0 -1 first 0 -5.00");
    }

    @Test
    void campaignStatisticsAddUpEveryBatch() {
        JsonNode usage = ok("/api/campaigns/" + campaign + "/usage");

        assertThat(usage.get("batchId").isNull()).isTrue();
        assertThat(usage.get("codesRedeemed").asLong()).isEqualTo(3);
        assertThat(usage.get("redemptions").asLong()).isEqualTo(4);
        assertThat(usage.get("reversals").asLong()).isEqualTo(1);
        assertThat(amounts(usage.get("discountGiven"))).isEqualTo(Map.of("EUR", "11.00", "USD", "20.00"));
        assertThat(days(usage)).containsExactly(
                "2026-04-01 EUR +1 -0 first 1 8.00",
                "2026-04-01 USD +2 -0 first 2 15.00",
                "2026-04-02 EUR +1 -0 first 1 3.00",
                "2026-04-02 USD +1 -0 first 0 10.00",
                "2026-04-03 USD +0 -1 first 0 -5.00");
        assertThat(ok("/api/campaigns/" + campaign + "/batches/2/usage").get("codesRedeemed").asLong()).isEqualTo(1);
    }

    @Test
    void poolStatsCountRedemptionsInForce() {
        JsonNode pool = ok("/api/campaigns/" + campaign + "/batches").get("poolStats");

        assertThat(pool.get("generated").asLong()).isEqualTo(7);
        assertThat(pool.get("redeemedCodes").asLong()).isEqualTo(3);
        assertThat(pool.get("totalRedemptions").asLong()).isEqualTo(4);
        assertThat(pool.get("remaining").asLong()).isEqualTo(2 * 7 - 4);
    }

    @Test
    void downloadsWithInfoShowEachCodesUsageCount() throws IOException {
        Map<String, String> batch = usageCounts(ok200("/api/campaigns/" + campaign + "/batches/1/codes-with-info.csv"));
        Map<String, String> all = usageCounts(ok200("/api/campaigns/" + campaign + "/codes-with-info.csv"));

        assertThat(batch).isEqualTo(Map.of(first.get(0), "2", first.get(1), "0", first.get(2), "1", first.get(3), "0"));
        assertThat(all).hasSize(7).containsEntry(first.get(0), "2").containsEntry(second.get(0), "1")
                .containsEntry(second.get(1), "0");
    }

    @Test
    void theFullExportShowsUsageOfGeneratedAndSingleCodes() throws IOException {
        String single = UsageFixture.uniqueCode("SOLO");
        // The code was another campaign's first, used there and changed away: that use is not solo's.
        CampaignId before = fixture.campaign(single, CampaignType.SINGLE_CODE, null, null, null);
        fixture.redeem(single, before, null, "w", DAY_1, "USD", "1.00");
        fixture.changeCode(before, 1, single, UsageFixture.uniqueCode("SOLD"));
        CampaignId solo = fixture.campaign(single, CampaignType.SINGLE_CODE, null, null, null);
        fixture.redeem(single, solo, null, "x", DAY_1, "USD", "1.00");
        fixture.redeem(single, solo, null, "y", DAY_2, "USD", "1.00");
        ProjectionsCaughtUp.await(processing, eventStore);

        Map<String, String> files = unzip(admin.bytes("/api/exports/codes.zip"));

        assertThat(usageCounts(files.get(single + ".csv"))).isEqualTo(Map.of(single, "2"));
        String pool = ok("/api/campaigns/" + campaign).get("code").asString();
        assertThat(usageCounts(files.get(pool + ".csv"))).containsEntry(first.get(0), "2").hasSize(7);
    }

    @Test
    void aCampaignWithoutRedemptionsHasEmptyStatisticsAndUnknownOnesAreNotFound() {
        CampaignId quiet = fixture.campaign(UsageFixture.uniqueCode("QUIET"), CampaignType.BULK_POOL, 1, null, null);
        ProjectionsCaughtUp.await(processing, eventStore);

        JsonNode usage = ok("/api/campaigns/" + quiet + "/usage");
        assertThat(usage.get("redemptions").asLong()).isZero();
        assertThat(usage.get("days").size()).isZero();
        assertThat(admin.get("/api/campaigns/" + UUID.randomUUID() + "/usage").status()).isEqualTo(404);
        TestHttp.Response noBatch = admin.get("/api/campaigns/" + campaign + "/batches/9/usage");
        assertThat(noBatch.status()).isEqualTo(404);
        assertThat(noBatch.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }

    private JsonNode ok(String path) {
        return checked(path).json();
    }

    private String ok200(String path) {
        return checked(path).body();
    }

    private TestHttp.Response checked(String path) {
        TestHttp.Response response = admin.get(path);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return response;
    }

    private static Map<String, String> amounts(JsonNode list) {
        return list.valueStream().collect(Collectors.toMap(a -> a.get("currency").asString(),
                a -> a.get("amount").decimalValue().setScale(2).toPlainString()));
    }

    private static List<String> days(JsonNode usage) {
        return usage.get("days").valueStream().map(d -> d.get("day").asString() + " " + d.get("currency").asString()
                + " +" + d.get("redemptions").asLong() + " -" + d.get("reversals").asLong() + " first "
                + d.get("codesFirstRedeemed").asLong() + " "
                + d.get("discountGiven").decimalValue().setScale(2).toPlainString()).toList();
    }

    private static Map<String, String> usageCounts(String csv) throws IOException {
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        return rows.stream().collect(Collectors.toMap(r -> r.get("code"), r -> r.get("usage_count")));
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
