package io.coupons.command.redemption;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.platform.testing.TestHttp;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Test support: an admin who sets up rules and campaigns and a checkout that redeems, both over
 * real HTTP against one command side.
 */
final class Shop {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final TestHttp admin;
    final TestHttp checkout;

    Shop(int port) {
        this.admin = TestHttp.at(port).as("admin");
        this.checkout = TestHttp.at(port).as("checkout");
    }

    static String unique(String prefix) {
        return (prefix + "_" + Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet()).toUpperCase();
    }

    /** A rule from the JSON of its terms, e.g. {@code "percentOff": 10, "currency": "USD"}. */
    String rule(String termsJson) {
        TestHttp.Response created = admin.post("/api/discount-rules",
                "{\"name\": \"" + unique("rule") + "\", \"terms\": {" + termsJson + "}}");
        assertThat(created.status()).as(created::toString).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A campaign linked to {@code ruleId}; {@code usesPerCode} null for unlimited. Answers its id. */
    String campaign(String code, String type, String ruleId, Integer usesPerCode) {
        TestHttp.Response created = admin.post("/api/campaigns", """
                {"code": "%s", "type": "%s", "discountRuleId": %s, "usesPerCode": %s}"""
                .formatted(code, type, ruleId == null ? "null" : "\"" + ruleId + "\"", usesPerCode));
        assertThat(created.status()).as(created::toString).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A single code with a 10%-off rule and the given limit. */
    String singleCode(Integer usesPerCode) {
        String code = unique("SAVE");
        campaign(code, "SINGLE_CODE", rule("\"percentOff\": 10"), usesPerCode);
        return code;
    }

    static String order(String orderId, String accountId) {
        return """
                {"orderId": "%s", "accountId": %s, "firstOrder": false, "subtotal": 100.00, "currency": "USD",
                 "lines": [{"variantId": "V1", "quantity": 2, "unitPrice": 30.00},
                           {"variantId": "V2", "quantity": 1, "unitPrice": 40.00}],
                 "shippingFee": 5.00}""".formatted(orderId, accountId == null ? "null" : "\"" + accountId + "\"");
    }

    TestHttp.Response redeem(String code, String orderJson) {
        return checkout.post("/api/redemptions", "{\"code\": \"" + code + "\", \"order\": " + orderJson + "}");
    }

    TestHttp.Response redeem(String code, String orderId, String accountId) {
        return redeem(code, order(orderId, accountId));
    }

    TestHttp.Response validate(String code, String orderJson) {
        return checkout.post("/api/redemptions/validate",
                "{\"code\": \"" + code + "\", \"order\": " + orderJson + "}");
    }

    TestHttp.Response reverse(String code, String orderId) {
        return checkout.post("/api/redemptions/reversal",
                "{\"code\": \"" + code + "\", \"orderId\": \"" + orderId + "\", \"reason\": \"order cancelled\"}");
    }

    static String newOrderId() {
        return "order-" + UUID.randomUUID();
    }

    static String reason(TestHttp.Response response) {
        JsonNode code = response.json().get("code");
        return code == null ? null : code.asString();
    }
}
