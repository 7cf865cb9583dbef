package io.coupons.query.promo;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.promo.PromoBatchId;
import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.ProjectionsCaughtUp;
import io.coupons.query.QuerySideTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Export to CSV, a batch's usage and the P&L reporting, over real HTTP from real events. Reporting
 * adds up every batch of the shared database: its redemptions are in 2031, which no other test uses.
 */
@QuerySideTest
class PromoUsageAndExportTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processing;

    PromoEvents promo;
    TestHttp admin;

    @BeforeEach
    void setUp() {
        promo = new PromoEvents(eventStore, transactions);
        admin = TestHttp.at(port).as("admin");
    }

    @Test
    void exportsEveryCodeWithItsAccountUsageAndRulesForAdminsOnly() {
        List<String> codes = PromoEvents.codes(4_500); // more than one page of the export
        List<String> accounts = codes.stream().map(code -> "=acc-" + code).toList();
        PromoBatchId batch = promo.generated("Export", "Export segment", codes, accounts,
                PromoEvents.terms("20", "CS", null), 2L);
        promo.redeem(codes.get(0), batch, 0, Instant.parse("2026-06-01T10:00:00Z"), "4.00");
        ProjectionsCaughtUp.await(processing, eventStore);

        TestHttp.Response csv = admin.get("/api/promo-batches/" + batch + "/codes.csv");
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo(
                "code,bound_account,remaining_usages,redemptions,last_used_at,run_number,enabled,rules");
        assertThat(lines).hasSize(4_501);
        assertThat(lines.get(1)).startsWith(codes.get(0) + ",'=acc-" + codes.get(0) + ",1,1,2026-06-01T10:00:00Z,1,true,")
                .endsWith("\"20% off, max 50 USD; min 100 USD; first order only; P&L CS\"");
        assertThat(lines.get(2)).startsWith(codes.get(1) + ",'=acc-" + codes.get(1) + ",2,0,,1,true,");
        assertThat(TestHttp.at(port).as("auditor").get("/api/promo-batches/" + batch + "/codes.csv").status())
                .isEqualTo(403);
    }

    @Test
    void usageAndReportingAddUpRedemptionsNetOfReversalsByPnlAndTransactionType() {
        List<String> supportCodes = PromoEvents.codes(3);
        PromoBatchId support = promo.generated("Support", null, supportCodes, null,
                PromoEvents.terms("10", "Customer Service", "Apology"), null);
        PromoBatchId other = promo.generated("Other", null, PromoEvents.codes(1), null,
                PromoEvents.terms("10", "Customer Service", "Apology"), null);
        PromoBatchId marketing = promo.generated("Marketing", null, PromoEvents.codes(1), null,
                PromoEvents.terms("10", "Marketing", null), null);
        CodeRedeemedEvent first = promo.redeem(supportCodes.get(0), support, null,
                Instant.parse("2031-07-01T10:00:00Z"), "5.00");
        promo.redeem(supportCodes.get(0), support, null, Instant.parse("2031-07-02T10:00:00Z"), "6.00");
        promo.redeem(supportCodes.get(1), support, null, Instant.parse("2031-07-02T11:00:00Z"), "7.00");
        promo.reverse(first, Instant.parse("2031-07-03T09:00:00Z"));
        promo.publish(first); // delivered again: counted once
        promo.redeem(onlyCode(other), other, null, Instant.parse("2031-07-02T12:00:00Z"), "1.00");
        promo.redeem(onlyCode(marketing), marketing, null, Instant.parse("2031-08-01T12:00:00Z"), "2.00");
        ProjectionsCaughtUp.await(processing, eventStore);

        JsonNode usage = admin.get("/api/promo-batches/" + support + "/usage").json();
        assertThat(usage.get("codesRedeemed").asLong()).isEqualTo(2);
        assertThat(usage.get("redemptions").asLong()).isEqualTo(2);
        assertThat(usage.get("reversals").asLong()).isEqualTo(1);
        assertThat(usage.get("discountGiven").get(0).get("amount").decimalValue()).isEqualByComparingTo("13.00");
        assertThat(usage.get("days").size()).isEqualTo(3);
        assertThat(usage.get("days").get(2).get("discountGiven").decimalValue()).isEqualByComparingTo("-5.00");

        JsonNode july = admin.get("/api/promo-batches/reporting?from=2031-07-01&to=2031-07-31").json();
        assertThat(july.get("rows").size()).isEqualTo(1);
        JsonNode row = july.get("rows").get(0);
        assertThat(row.get("pnlAllocation").asString()).isEqualTo("Customer Service");
        assertThat(row.get("transactionType").asString()).isEqualTo("Apology");
        assertThat(row.get("batches").asLong()).isEqualTo(2);
        assertThat(row.get("redemptions").asLong()).isEqualTo(4);
        assertThat(row.get("reversals").asLong()).isEqualTo(1);
        assertThat(row.get("discountGiven").decimalValue()).isEqualByComparingTo("14.00");
        String csv = TestHttp.at(port).as("auditor").get("/api/promo-batches/reporting.csv?from=2031-07-01&to=2031-08-31")
                .body();
        assertThat(csv.lines().toList()).containsExactly(
                "pnl_allocation,transaction_type,currency,batches,redemptions,reversals,discount_given",
                "Customer Service,Apology,USD,2,4,1,14.00", "Marketing,,USD,1,1,0,2.00");
        assertThat(admin.get("/api/promo-batches/reporting?from=2031-07-02&to=2031-07-01").status()).isEqualTo(400);
        assertThat(admin.get("/api/promo-batches/reporting?from=2031-07-02").status()).isEqualTo(400);
        assertThat(admin.get("/api/promo-batches/reporting?from=2025-01-01&to=2031-07-01").status()).isEqualTo(400);
        assertThat(admin.get("/api/promo-batches/" + UUID.randomUUID() + "/usage").status()).isEqualTo(404);
    }

    /** The one code of a single-code batch, read back through Show List. */
    private String onlyCode(PromoBatchId batch) {
        ProjectionsCaughtUp.await(processing, eventStore);
        return admin.get("/api/promo-batches/" + batch + "/codes").json().get("items").get(0).get("code").asString();
    }
}
