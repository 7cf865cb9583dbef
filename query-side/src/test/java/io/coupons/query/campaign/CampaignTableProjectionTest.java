package io.coupons.query.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.campaign.CampaignArchivedEvent;
import io.coupons.api.campaign.CampaignCodeChangedEvent;
import io.coupons.api.campaign.CampaignCreatedEvent;
import io.coupons.api.campaign.CampaignDiscountRuleLinkedEvent;
import io.coupons.api.campaign.CampaignDiscountRuleUnlinkedEvent;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignRescheduledEvent;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.rule.DiscountRuleCreatedEvent;
import io.coupons.api.rule.DiscountRuleId;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.EventAppender;
import io.coupons.query.ProjectedVersion;
import io.coupons.query.QuerySideTest;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Events in the real store, projected by pooled processors, read back over HTTP. */
@QuerySideTest
class CampaignTableProjectionTest {

    private static final Instant FUTURE = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant PAST = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    EventAppender events;
    TestHttp admin;

    @BeforeEach
    void setUp() {
        events = new EventAppender(eventStore, transactions);
        admin = TestHttp.at(port).as("admin");
    }

    @Test
    void showsCreatedCampaignWithItsRuleAndWhoCreatedIt() {
        DiscountRuleId rule = rule("Summer, \"twenty\" off");
        CampaignId id = campaign(code("SUMMER"), CampaignType.BULK_POOL, rule, 1, null, FUTURE);

        JsonNode view = awaitVersion(id, 0);

        assertThat(view.get("type").asString()).isEqualTo("BULK_POOL");
        assertThat(view.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(view.get("discountRuleId").asString()).isEqualTo(rule.toString());
        assertThat(view.get("discountRuleName").asString()).isEqualTo("Summer, \"twenty\" off");
        assertThat(view.get("usesPerCode").asInt()).isEqualTo(1);
        assertThat(view.get("createdBy").asString()).isEqualTo("alice");
        assertThat(Instant.parse(view.get("expiresAt").asString())).isEqualTo(FUTURE);
    }

    @Test
    void followsEveryChangeOfACampaign() {
        String code = code("EDIT");
        CampaignId id = campaign(code, CampaignType.SINGLE_CODE, null, null, null, null);
        DiscountRuleId rule = rule("Linked later");
        events.append("Campaign", id, 1, new CampaignCodeChangedEvent(id, code, code + "X"));
        events.append("Campaign", id, 2, new CampaignDiscountRuleLinkedEvent(id, rule));
        events.append("Campaign", id, 3, new CampaignRescheduledEvent(id, null, FUTURE));

        JsonNode view = awaitVersion(id, 3);
        assertThat(view.get("code").asString()).isEqualTo(code + "X");
        assertThat(view.get("discountRuleName").asString()).isEqualTo("Linked later");
        assertThat(Instant.parse(view.get("expiresAt").asString())).isEqualTo(FUTURE);

        events.append("Campaign", id, 4, new CampaignDiscountRuleUnlinkedEvent(id, rule));
        events.append("Campaign", id, 5, new CampaignArchivedEvent(id));
        view = awaitVersion(id, 5);
        assertThat(view.get("discountRuleId").isNull()).isTrue();
        assertThat(view.get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(view.get("archivedAt").isNull()).isFalse();
    }

    @Test
    void derivesStatusFromTheScheduleAtReadTime() {
        CampaignId scheduled = campaign(code("SOON"), CampaignType.SINGLE_CODE, null, null, FUTURE, null);
        CampaignId expired = campaign(code("GONE"), CampaignType.SINGLE_CODE, null, null, null, PAST);
        assertThat(awaitVersion(scheduled, 0).get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(awaitVersion(expired, 0).get("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void filtersByTypeStatusAndTextAndPages() {
        String marker = code("FLT");
        CampaignId bulk = campaign(marker + "A", CampaignType.BULK_POOL, null, null, null, null);
        CampaignId link = campaign(marker + "B", CampaignType.URL_TOKEN, null, null, null, null);
        CampaignId old = campaign(marker + "C", CampaignType.BULK_POOL, null, null, null, PAST);
        awaitVersion(bulk, 0);
        awaitVersion(link, 0);
        awaitVersion(old, 0);

        assertThat(codes("/api/campaigns?q=" + marker.toLowerCase())).containsExactlyInAnyOrder(
                marker + "A", marker + "B", marker + "C");
        assertThat(codes("/api/campaigns?q=" + marker + "&type=BULK_POOL"))
                .containsExactlyInAnyOrder(marker + "A", marker + "C");
        assertThat(codes("/api/campaigns?q=" + marker + "&type=BULK_POOL&status=ACTIVE")).containsExactly(marker + "A");
        assertThat(codes("/api/campaigns?q=" + marker + "&status=EXPIRED")).containsExactly(marker + "C");

        JsonNode firstPage = admin.get("/api/campaigns?q=" + marker + "&size=2&page=0").json();
        JsonNode secondPage = admin.get("/api/campaigns?q=" + marker + "&size=2&page=1").json();
        assertThat(firstPage.get("total").asLong()).isEqualTo(3);
        assertThat(firstPage.get("items").size()).isEqualTo(2);
        assertThat(secondPage.get("items").size()).isEqualTo(1);
    }

    @Test
    void findsCampaignsByTheirRuleName() {
        String name = "Rule " + UUID.randomUUID();
        CampaignId id = campaign(code("BYRULE"), CampaignType.SINGLE_CODE, rule(name), null, null, null);
        awaitVersion(id, 0);
        assertThat(admin.get("/api/campaigns?q=" + name.substring(5, 20)).json().get("items").get(0)
                .get("id").asString()).isEqualTo(id.toString());
    }

    @Test
    void treatsLikeWildcardsInTheTextFilterLiterally() {
        assertThat(admin.get("/api/campaigns?q=%25").json().get("total").asLong()).isZero();
    }

    @Test
    void exportsTheFilteredTableAsProperCsv() throws Exception {
        String marker = code("CSV");
        DiscountRuleId rule = rule("=HYPERLINK(\"x\"), with comma");
        CampaignId first = campaign(marker + "A", CampaignType.BULK_POOL, rule, 5, null, null);
        CampaignId second = campaign(marker + "B", CampaignType.SINGLE_CODE, null, null, null, null);
        awaitVersion(first, 0);
        awaitVersion(second, 0);

        TestHttp.Response response = admin.get("/api/campaigns/export.csv?q=" + marker + "&type=BULK_POOL");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("campaigns.csv");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body())).getRecords();
        assertThat(response.body()).startsWith(String.join(",", CampaignCsvExport.HEADER));
        assertThat(records).hasSize(1);
        CSVRecord row = records.get(0);
        assertThat(row.get("code")).isEqualTo(marker + "A");
        assertThat(row.get("status")).isEqualTo("ACTIVE");
        assertThat(row.get("uses_per_code")).isEqualTo("5");
        // Formula-looking text is defused for spreadsheets; commas and quotes survive quoting.
        assertThat(row.get("discount_rule_name")).isEqualTo("'=HYPERLINK(\"x\"), with comma");
    }

    @Test
    void unknownCampaignIsNotFound() {
        TestHttp.Response response = admin.get("/api/campaigns/" + UUID.randomUUID());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }

    private JsonNode awaitVersion(CampaignId id, long version) {
        return ProjectedVersion.await(admin, "/api/campaigns/" + id, version);
    }

    private List<String> codes(String path) {
        TestHttp.Response response = admin.get(path);
        assertThat(response.status()).as(response::toString).isEqualTo(200);
        return response.json().get("items").valueStream().map(item -> item.get("code").asString()).toList();
    }

    private CampaignId campaign(String code, CampaignType type, DiscountRuleId rule, Integer uses, Instant startsAt,
                                Instant expiresAt) {
        CampaignId id = CampaignId.random();
        events.append("Campaign", id, 0, new CampaignCreatedEvent(id, code, type, rule, uses, startsAt, expiresAt,
                type == CampaignType.URL_TOKEN ? "tok" + UUID.randomUUID() : null));
        return id;
    }

    private DiscountRuleId rule(String name) {
        DiscountRuleId id = DiscountRuleId.random();
        events.append("DiscountRule", id, 0, new DiscountRuleCreatedEvent(id, name, new DiscountTerms(
                new BigDecimal("10"), null, false, null, false, false, null, false, false, false, null, null, null,
                List.of(), null, null, null, null, null, null)));
        // Rules are another projection, which may trail the campaign table: the name is joined at read time.
        ProjectedVersion.await(admin, "/api/discount-rules/" + id, 0);
        return id;
    }

    private static String code(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }
}
