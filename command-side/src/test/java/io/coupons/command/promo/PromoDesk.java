package io.coupons.command.promo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.platform.testing.TestHttp;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test support: an admin who creates promo batches and segments, and a checkout that redeems their
 * codes, over real HTTP against one command side; the batch's codes are read from the registry.
 */
final class PromoDesk {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    static final String TEN_OFF = "{\"percentOff\": 10, \"displayMessage\": \"10% off\"}";

    final TestHttp admin;
    final TestHttp checkout;
    private final JdbcClient jdbc;

    PromoDesk(int port, JdbcClient jdbc) {
        this.admin = TestHttp.at(port).as("admin");
        this.checkout = TestHttp.at(port).as("checkout");
        this.jdbc = jdbc;
    }

    static String unique(String prefix) {
        return prefix + " " + Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet();
    }

    /** A Generate request body; {@code extra} is more JSON fields (may be empty). */
    static String numberOfCodes(long count, String terms, String extra) {
        return """
                {"method": "NUMBER_OF_CODES", "numberOfCodes": %d, "name": "%s", "enabled": true,
                 "terms": %s%s}""".formatted(count, unique("Batch"), terms, extra.isEmpty() ? "" : ", " + extra);
    }

    /** Generates and waits until every code is in the registry; answers the batch id. */
    String generate(String body) {
        TestHttp.Response accepted = admin.post("/api/promo-batches", body);
        assertThat(accepted.status()).as(accepted::toString).isEqualTo(202);
        String batch = accepted.json().get("promoBatchId").asString();
        awaitRuns(batch);
        return batch;
    }

    TestHttp.Response generateWithKey(String key, String body) {
        return admin.send(admin.request("/api/promo-batches").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    void awaitRuns(String batch) {
        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql(
                "SELECT count(*) FROM generation_batch WHERE promo_batch_id = ? AND state NOT IN ('COMPLETED', 'FAILED')")
                .param(UUID.fromString(batch)).query(Long.class).single() == 0);
    }

    List<String> codes(String batch) {
        return jdbc.sql("SELECT code FROM coupon_code WHERE promo_batch_id = ? ORDER BY code")
                .param(UUID.fromString(batch)).query(String.class).list();
    }

    String accountOf(String code) {
        return jdbc.sql("SELECT account_id FROM coupon_code WHERE code = ?").param(code).query(String.class).single();
    }

    /** A segment with these members (JSON replacement). */
    String segment(List<String> members) {
        String name = unique("Segment");
        StringBuilder ids = new StringBuilder();
        members.forEach(m -> ids.append(ids.isEmpty() ? "" : ",").append('"').append(m).append('"'));
        TestHttp.Response answer = admin.put("/api/segments/" + name.replace(" ", "%20"), "{\"accountIds\": [" + ids + "]}");
        assertThat(answer.status()).as(answer::toString).isEqualTo(200);
        return name;
    }

    static String order(String orderId, String accountId) {
        return """
                {"orderId": "%s", "accountId": %s, "firstOrder": false, "currency": "USD",
                 "lines": [{"variantId": "V1", "quantity": 1, "unitPrice": 100.00}]}"""
                .formatted(orderId, accountId == null ? "null" : "\"" + accountId + "\"");
    }

    TestHttp.Response redeem(String code, String accountId) {
        return checkout.post("/api/redemptions", "{\"code\": \"" + code + "\", \"order\": "
                + order(UUID.randomUUID().toString(), accountId) + "}");
    }

    TestHttp.Response redeem(String code, String orderId, String accountId) {
        return checkout.post("/api/redemptions", "{\"code\": \"" + code + "\", \"order\": "
                + order(orderId, accountId) + "}");
    }

    TestHttp.Response reverse(String code, String orderId) {
        return checkout.post("/api/redemptions/reversal",
                "{\"code\": \"" + code + "\", \"orderId\": \"" + orderId + "\", \"reason\": \"cancelled\"}");
    }

    /** The refusal's reason, or "ACCEPTED". */
    static String outcome(TestHttp.Response answer) {
        if (answer.status() == 201 || answer.status() == 200) {
            return "ACCEPTED";
        }
        return answer.json().get("code").asString();
    }

    TestHttp.Response modifyInventory(String batch, String action, long amount) {
        return admin.post("/api/promo-batches/" + batch + "/inventory",
                "{\"action\": \"" + action + "\", \"amount\": " + amount + "}");
    }

    /** Events of {@code type} (simple name) whose payload names the batch. */
    long events(String type, String batch) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ? "
                        + "AND convert_from(payload, 'UTF8') LIKE ?")
                .params("%" + type, "%" + batch + "%").query(Long.class).single();
    }
}
