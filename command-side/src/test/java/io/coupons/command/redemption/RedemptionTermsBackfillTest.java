package io.coupons.command.redemption;

import static io.coupons.command.redemption.Shop.newOrderId;
import static io.coupons.command.redemption.Shop.reason;
import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideTest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Campaigns and rules created before the lookup tables existed become redeemable at start-up. */
@CommandSideTest
class RedemptionTermsBackfillTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RedemptionTermsBackfill backfill;

    @Test
    void emptyLookupTablesAreRebuiltFromTheEventsAndNothingElseIsTouched() {
        Shop shop = new Shop(port);
        String code = Shop.unique("OLDDATA");
        String ruleId = shop.rule("\"percentOff\": 10");
        String campaignId = shop.campaign(code, "SINGLE_CODE", ruleId, 5);
        shop.admin.put("/api/discount-rules/" + ruleId, "{\"name\": \"fifteen\", \"terms\": {\"percentOff\": 15}}");
        shop.admin.post("/api/campaigns/" + campaignId + "/archive", "");
        List<Map<String, Object>> campaignsBefore = rows("redemption_campaign", "campaign_id");
        List<Map<String, Object>> rulesBefore = rows("redemption_rule", "rule_id");
        jdbc.sql("DELETE FROM redemption_campaign").update();
        jdbc.sql("DELETE FROM redemption_rule").update();
        assertThat(reason(shop.redeem(code, newOrderId(), null))).isEqualTo("UNKNOWN_CODE");

        backfill.run(null);

        assertThat(rows("redemption_campaign", "campaign_id")).isEqualTo(campaignsBefore);
        assertThat(rows("redemption_rule", "rule_id")).isEqualTo(rulesBefore);
        assertThat(reason(shop.redeem(code, newOrderId(), null))).isEqualTo("ARCHIVED");

        backfill.run(null);
        assertThat(rows("redemption_rule", "rule_id")).isEqualTo(rulesBefore);
    }

    private List<Map<String, Object>> rows(String table, String key) {
        return jdbc.sql("SELECT * FROM " + table + " ORDER BY " + key).query().listOfRows().stream()
                .map(row -> {
                    Map<String, Object> copy = new TreeMap<>(row);
                    copy.computeIfPresent("terms", (k, v) -> v.toString());
                    return copy;
                }).toList();
    }
}
