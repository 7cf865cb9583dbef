package io.coupons.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.platform.testing.TestHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole path a code takes in the local system: an admin generates a pool, checkout redeems and
 * reverses on the command side, and usage tracking on the query side shows what happened.
 */
class RedemptionEndToEndTest {

    @TempDir
    static Path data;

    static LocalSystem system;
    static TestHttp admin;
    static TestHttp checkout;
    static TestHttp adminQueries;
    static TestHttp checkoutQueries;

    @BeforeAll
    static void start() throws Exception {
        system = LocalSystem.start(data, 0, 0);
        admin = TestHttp.at(system.commandSidePort()).as("admin", password("admin"));
        checkout = TestHttp.at(system.commandSidePort()).as("checkout", password("checkout"));
        adminQueries = TestHttp.at(system.querySidePort()).as("admin", password("admin"));
        checkoutQueries = TestHttp.at(system.querySidePort()).as("checkout", password("checkout"));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aGeneratedCodeIsRedeemedReversedAndTrackedOnTheQuerySide() {
        String rule = admin.post("/api/discount-rules", """
                {"name": "E2E 25%", "terms": {"percentOff": 25, "currency": "USD", "displayMessage": "25% off"}}""")
                .json().get("id").asString();
        String prefix = "R2E" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        String campaign = admin.post("/api/campaigns", """
                {"code": "%s", "type": "BULK_POOL", "discountRuleId": "%s", "usesPerCode": 2}"""
                .formatted(prefix, rule)).json().get("id").asString();
        admin.post("/api/campaigns/" + campaign + "/batches", "{\"quantity\": 100}");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> adminQueries.get("/api/campaigns/" + campaign + "/batches/1"),
                        r -> r.status() == 200 && "COMPLETED".equals(r.json().get("state").asString()));
        String code = new String(adminQueries.bytes("/api/campaigns/" + campaign + "/batches/1/codes.csv"))
                .lines().skip(1).findFirst().orElseThrow().split(",")[0];

        TestHttp.Response first = redeem(code, "e2e-order-1");
        TestHttp.Response second = redeem(code.toLowerCase(), "e2e-order-2");
        TestHttp.Response third = redeem(code, "e2e-order-3");
        TestHttp.Response reversed = checkout.post("/api/redemptions/reversal",
                "{\"code\": \"" + code + "\", \"orderId\": \"e2e-order-1\", \"reason\": \"cancelled\"}");

        assertThat(first.status()).as(first::toString).isEqualTo(201);
        assertThat(first.json().get("discount").get("total").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(first.json().get("discount").get("displayMessage").asString()).isEqualTo("25% off");
        assertThat(second.status()).isEqualTo(201);
        assertThat(third.json().get("code").asString()).isEqualTo("EXHAUSTED");
        assertThat(reversed.json().get("alreadyReversed").asBoolean()).isFalse();

        JsonNode usage = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> adminQueries.get("/api/codes/" + code + "/usage"),
                        r -> r.status() == 200 && r.json().get("reversals").asLong() == 1).json();
        assertThat(usage.get("redemptions").asLong()).isEqualTo(1);
        assertThat(usage.get("recorded").asLong()).isEqualTo(2);
        assertThat(usage.get("remainingUses").asLong()).isEqualTo(1);
        assertThat(usage.get("batchNumber").asInt()).isEqualTo(1);
        JsonNode list = adminQueries.get("/api/codes/" + code + "/redemptions").json().get("items");
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).get("orderId").asString()).isEqualTo("e2e-order-2");
        assertThat(list.get(1).get("reversed").asBoolean()).isTrue();
        assertThat(adminQueries.get("/api/campaigns/" + campaign + "/usage").json().get("codesRedeemed").asLong())
                .isEqualTo(1);
        assertThat(checkoutQueries.get("/api/codes/" + code + "/usage").status()).isEqualTo(403);
    }

    @Test
    void aUrlTokenResolvesToItsOfferAndRedeemsLikeACode() {
        String rule = admin.post("/api/discount-rules", """
                {"name": "E2E ship", "terms": {"freeGroundShipping": true, "displayMessage": "Free shipping"}}""")
                .json().get("id").asString();
        String code = "LNK" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        String campaign = admin.post("/api/campaigns", """
                {"code": "%s", "type": "URL_TOKEN", "discountRuleId": "%s"}""".formatted(code, rule))
                .json().get("id").asString();
        String token = await().atMost(Duration.ofSeconds(20))
                .until(() -> adminQueries.get("/api/campaigns/" + campaign), r -> r.status() == 200)
                .json().get("urlToken").asString();

        // The offer joins the campaign and the rule, projected by different processing groups: wait for both.
        JsonNode offer = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> checkoutQueries.get("/api/url-tokens/" + token),
                        r -> r.status() == 200 && r.json().get("offerAvailable").asBoolean()).json();
        TestHttp.Response redeemed = checkout.post("/api/redemptions", """
                {"urlToken": "%s", "order": {"orderId": "e2e-link-1", "subtotal": 30, "currency": "USD",
                 "lines": [{"variantId": "V1", "quantity": 1, "unitPrice": 30}], "shippingFee": 4.95}}"""
                .formatted(token));

        assertThat(offer.get("code").asString()).isEqualTo(code);
        assertThat(offer.get("offerAvailable").asBoolean()).isTrue();
        assertThat(offer.get("freeGroundShipping").asBoolean()).isTrue();
        assertThat(redeemed.status()).as(redeemed::toString).isEqualTo(201);
        assertThat(redeemed.json().get("discount").get("shippingDiscount").decimalValue())
                .isEqualByComparingTo("4.95");
        assertThat(checkoutQueries.get("/api/url-tokens/" + token + "x").status()).isEqualTo(404);
    }

    private static TestHttp.Response redeem(String code, String orderId) {
        return checkout.post("/api/redemptions", """
                {"code": "%s", "order": {"orderId": "%s", "accountId": "e2e-account", "subtotal": 60.00,
                 "currency": "USD", "lines": [{"variantId": "V1", "quantity": 2, "unitPrice": 30.00}]}}"""
                .formatted(code, orderId));
    }

    private static String password(String user) {
        return system.logins().passwords().get(user);
    }
}
