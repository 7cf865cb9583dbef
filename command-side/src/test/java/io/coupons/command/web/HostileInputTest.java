package io.coupons.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideTest;
import io.coupons.platform.testing.HostileInputWalk;
import io.coupons.platform.testing.TableSnapshot;
import io.coupons.platform.testing.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Every operation of the command side's OpenAPI description, sent hostile values in every parameter
 * and body field (see {@link HostileInputWalk}), answers no 5xx and a problem body with a code for
 * each refusal, and afterwards the event store and every command-side table are exactly as before.
 * The walk reads the served description, so a new endpoint is walked without being listed here.
 * Its bodies start from valid requests against real resources, so each hostile value is the only
 * thing wrong with the request it is in.
 */
@CommandSideTest
@TestPropertySource(properties = "coupons.test.own-database=hostile-input") // its own context and database
class HostileInputTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyOperationRefusesHostileInputWithAProblemAndChangesNothing() throws InterruptedException {
        World world = World.create(TestHttp.at(port), jdbc);
        Map<String, String> before = TableSnapshot.of(jdbc, Set.of("token_entry"));

        TestHttp.Response description = TestHttp.at(port).get("/v3/api-docs");
        assertThat(description.json().path("paths").size()).as(description::toString).isPositive();
        HostileInputWalk.Outcome outcome = new HostileInputWalk(port, description.json(),
                path -> path.startsWith("/api/redemptions") ? "checkout" : "admin",
                world.pathValues(), world.goodBodies()).run();

        assertThat(outcome.findings()).as("answers that break the rules").isEmpty();
        assertThat(outcome.probesPerOperation()).hasSizeGreaterThanOrEqualTo(15)
                .allSatisfy((operation, probes) -> assertThat(probes).as(operation).isPositive());
        assertThat(outcome.probesPerOperation().get("PUT /api/segments/{name}/members.csv"))
                .as("a CSV upload gets broken lines and wrong content types too").isGreaterThanOrEqualTo(8);
        assertThat(TableSnapshot.of(jdbc, Set.of("token_entry"))).isEqualTo(before);
    }

    /**
     * Real resources for the walk: a rule, a bulk pool with generated codes, a group, a segment, a
     * marketing campaign, a redemption, a promo batch with inventory and its codes.
     */
    record World(String ruleId, String campaignId, String code, String redemptionId, String promoBatchId,
                 String promoCode) {

        static World create(TestHttp http, JdbcClient jdbc) throws InterruptedException {
            TestHttp admin = http.as("admin");
            String ruleId = admin.post("/api/discount-rules", """
                    {"name": "Hostile walk", "terms": {"percentOff": 10}}""").json().get("id").asString();
            String campaignId = admin.post("/api/campaigns", """
                    {"code": "HOSTILE", "type": "BULK_POOL", "discountRuleId": "%s", "usesPerCode": 5}"""
                    .formatted(ruleId)).json().get("id").asString();
            assertThat(admin.post("/api/campaigns/" + campaignId + "/batches", "{\"quantity\": 20}").status())
                    .isEqualTo(202);
            assertThat(admin.put("/api/variant-groups/tees", "{\"variantIds\": [\"tee-red\"]}").status()).isEqualTo(200);
            // A real segment under the walk's {name}: replacing it again would be a change, so every probe must fail.
            assertThat(admin.put("/api/segments/tees", "{\"accountIds\": [\"acc-1\"]}").status()).isEqualTo(200);
            // A real marketing campaign under {name}: the good body describes it anew, so every probe must fail.
            assertThat(admin.put("/api/marketing-campaigns/tees", "{\"description\": \"Tees\"}").status())
                    .isEqualTo(200);
            TestHttp.Response promo = admin.post("/api/promo-batches", """
                    {"method": "NUMBER_OF_CODES", "numberOfCodes": 3, "name": "Hostile walk", "enabled": true,
                     "terms": {"percentOff": 10}, "inventoryEnabled": true, "inventory": 2}""");
            assertThat(promo.status()).as(promo::toString).isEqualTo(202);
            String promoBatchId = promo.json().get("promoBatchId").asString();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (jdbc.sql("SELECT count(*) FROM generation_batch WHERE state <> 'COMPLETED'").query(Long.class)
                    .single() > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            String code = jdbc.sql("SELECT min(code) FROM coupon_code WHERE campaign_id = ?::uuid")
                    .param(campaignId).query(String.class).single();
            assertThat(code).as("generated codes").isNotNull();
            TestHttp.Response redeemed = http.as("checkout").post("/api/redemptions", redemption(code, "o-first"));
            assertThat(redeemed.status()).as(redeemed::toString).isEqualTo(201);
            String promoCode = jdbc.sql("SELECT min(code) FROM coupon_code WHERE promo_batch_id = ?::uuid")
                    .param(promoBatchId).query(String.class).single();
            return new World(ruleId, campaignId, code, redeemed.json().get("redemptionId").asString(), promoBatchId,
                    promoCode);
        }

        Map<String, String> pathValues() {
            // {code} is only in promo batch paths: a code of the batch, so the good requests are good.
            return Map.of("campaignId", campaignId, "ruleId", ruleId, "redemptionId", redemptionId, "name", "tees",
                    "code", promoCode, "promoBatchId", promoBatchId);
        }

        /** Requests that would each be accepted as they are. */
        Map<String, String> goodBodies() {
            return Map.ofEntries(
                    Map.entry("PUT /api/variant-groups/{name}", "{\"variantIds\": [\"tee-red\", \"tee-blue\"]}"),
                    Map.entry("PUT /api/segments/{name}", "{\"accountIds\": [\"acc-1\", \"acc-2\"]}"),
                    Map.entry("PUT /api/segments/{name}/members.csv", "acc-1\nacc-2\n"),
                    Map.entry("PUT /api/marketing-campaigns/{name}", "{\"description\": \"Tees, all colours\"}"),
                    Map.entry("PUT /api/discount-rules/{ruleId}",
                            "{\"name\": \"Revised\", \"terms\": {\"percentOff\": 15}}"),
                    Map.entry("PUT /api/campaigns/{campaignId}/schedule",
                            "{\"startsAt\": \"2031-01-01T00:00:00Z\", \"expiresAt\": \"2032-01-01T00:00:00Z\"}"),
                    Map.entry("PUT /api/campaigns/{campaignId}/discount-rule",
                            "{\"discountRuleId\": \"" + ruleId + "\"}"),
                    Map.entry("PUT /api/campaigns/{campaignId}/code", "{\"code\": \"HOSTILE2\"}"),
                    Map.entry("POST /api/redemptions", redemption(code, "o-walk")),
                    Map.entry("POST /api/redemptions/validate", redemption(code, "o-walk")),
                    Map.entry("POST /api/redemptions/{redemptionId}/reversal", "{\"reason\": \"cancelled\"}"),
                    Map.entry("POST /api/redemptions/reversal",
                            "{\"code\": \"" + code + "\", \"orderId\": \"o-first\", \"reason\": \"cancelled\"}"),
                    Map.entry("POST /api/discount-rules", """
                            {"name": "Another", "terms": {"flatAmountOff": 5, "currency": "USD",
                             "displayMessage": "5 off"}}"""),
                    Map.entry("POST /api/campaigns", """
                            {"code": "HOSTILE3", "type": "SINGLE_CODE", "discountRuleId": "%s", "usesPerCode": 3,
                             "startsAt": "2030-01-01T00:00:00Z", "expiresAt": "2031-01-01T00:00:00Z"}"""
                            .formatted(ruleId)),
                    Map.entry("POST /api/campaigns/{campaignId}/batches", "{\"quantity\": 5, \"randomLength\": 8}"),
                    Map.entry("POST /api/promo-batches", """
                            {"method": "NUMBER_OF_CODES", "numberOfCodes": 4, "codeLength": 9, "name": "Walk 2",
                             "enabled": true, "terms": {"percentOff": 10}, "inventoryEnabled": true, "inventory": 3}"""),
                    Map.entry("POST /api/promo-batches/{promoBatchId}/codes/{code}/clones", "{\"quantity\": 2}"),
                    Map.entry("PUT /api/promo-batches/{promoBatchId}/codes/{code}",
                            "{\"terms\": {\"flatAmountOff\": 3, \"currency\": \"USD\"}, \"enabled\": true}"),
                    Map.entry("POST /api/promo-batches/{promoBatchId}/inventory",
                            "{\"action\": \"INCREMENT\", \"amount\": 1}"),
                    Map.entry("PUT /api/promo-batches/{promoBatchId}/enabled", "{\"enabled\": false}"));
        }

        private static String redemption(String code, String orderId) {
            return """
                    {"code": "%s", "order": {"orderId": "%s", "accountId": "acc-1", "firstOrder": false,
                     "subtotal": 20.00, "currency": "USD", "shippingFee": 4.95, "codesOnOrder": [],
                     "lines": [{"variantId": "tee-red", "quantity": 2, "unitPrice": 10.00}]}}"""
                    .formatted(code, orderId);
        }
    }
}
