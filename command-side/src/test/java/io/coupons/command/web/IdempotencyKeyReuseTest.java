package io.coupons.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideTest;
import io.coupons.command.EventStoreProbe;
import io.coupons.platform.testing.Concurrently;
import io.coupons.platform.testing.TestHttp;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An Idempotency-Key answers the resource first created with it when the request is the same, and
 * 409 IDEMPOTENCY_KEY_REUSED when it is another request, sequentially and racing; never a second
 * resource, never a 500, and the refused request changes nothing.
 */
@CommandSideTest
class IdempotencyKeyReuseTest {

    private static final int THREADS = 8;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    EventStoreProbe events;
    TestHttp admin;

    @BeforeEach
    void setUp() {
        events = new EventStoreProbe(jdbc);
        admin = TestHttp.at(port).as("admin");
    }

    @Test
    void reusedIdempotencyKeyForAnotherCampaignIs409() {
        String key = UUID.randomUUID().toString();
        String first = unique("first");
        String other = unique("other");
        TestHttp.Response created = post("/api/campaigns", key, campaign(first, "SINGLE_CODE"));
        assertThat(created.status()).as(created::toString).isEqualTo(201);
        long before = events.commandEvents();

        TestHttp.Response otherCode = post("/api/campaigns", key, campaign(other, "SINGLE_CODE"));
        TestHttp.Response otherType = post("/api/campaigns", key, campaign(first, "BULK_POOL"));
        TestHttp.Response same = post("/api/campaigns", key, campaign(first.toLowerCase(), "SINGLE_CODE"));

        assertReused(otherCode);
        assertReused(otherType);
        assertThat(same.status()).as(same::toString).isEqualTo(201);
        assertThat(same.json().get("id")).isEqualTo(created.json().get("id"));
        assertThat(events.commandEvents()).isEqualTo(before);
        assertThat(registered("campaign_code_registry", other)).isZero();
        assertThat(registered("coupon_code", other)).isZero();
    }

    @RepeatedTest(3)
    void racingReuseOfOneIdempotencyKeyForDifferentCampaignsCreatesOneAndRefusesTheOthers() throws Exception {
        String key = UUID.randomUUID().toString();
        List<String> codes = java.util.stream.IntStream.range(0, THREADS).boxed()
                .map(i -> unique("race" + i)).toList();

        List<TestHttp.Response> responses = Concurrently.run(THREADS, THREADS,
                i -> post("/api/campaigns", key, campaign(codes.get(i), "SINGLE_CODE")));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201)
                .hasSize(THREADS - 1).allSatisfy(IdempotencyKeyReuseTest::assertReused);
        String winner = codes.get(responses.indexOf(responses.stream().filter(r -> r.status() == 201)
                .findFirst().orElseThrow()));
        for (String code : codes) {
            long expected = code.equals(winner) ? 1 : 0;
            assertThat(events.campaignsCreatedWithCode(code)).isEqualTo(expected);
            assertThat(registered("campaign_code_registry", code)).isEqualTo(expected);
            assertThat(registered("coupon_code", code)).isEqualTo(expected);
        }
    }

    @Test
    void reusedIdempotencyKeyForAnotherDiscountRuleIs409AndTheSameRuleAnswersIt() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = """
                {"name": "Ten", "terms": {"percentOff": 10}}""";
        TestHttp.Response created = post("/api/discount-rules", key, body);
        assertThat(created.status()).as(created::toString).isEqualTo(201);
        long before = events.commandEvents();

        TestHttp.Response again = post("/api/discount-rules", key, body);
        TestHttp.Response other = post("/api/discount-rules", key, """
                {"name": "Twenty", "terms": {"percentOff": 20}}""");
        List<TestHttp.Response> racing = Concurrently.run(THREADS, THREADS, i -> post("/api/discount-rules", key,
                i % 2 == 0 ? body : """
                        {"name": "Ten", "terms": {"percentOff": 11}}"""));

        assertThat(again.status()).as(again::toString).isEqualTo(201);
        assertThat(again.json().get("id")).isEqualTo(created.json().get("id"));
        assertReused(other);
        for (int i = 0; i < THREADS; i++) {
            if (i % 2 == 0) {
                assertThat(racing.get(i).status()).as(racing.get(i)::toString).isEqualTo(201);
            } else {
                assertReused(racing.get(i));
            }
        }
        assertThat(events.commandEvents()).isEqualTo(before);
    }

    @Test
    void racingFirstCreationsOfOneDiscountRuleKeyCreateOneRule() throws Exception {
        String key = UUID.randomUUID().toString();
        List<TestHttp.Response> racing = Concurrently.run(THREADS, THREADS, i -> post("/api/discount-rules", key, """
                {"name": "Race", "terms": {"percentOff": 10}}"""));

        assertThat(racing).allSatisfy(r -> assertThat(r.status()).as(r::toString).isEqualTo(201));
        String id = racing.get(0).json().get("id").asString();
        assertThat(racing).allSatisfy(r -> assertThat(r.json().get("id").asString()).isEqualTo(id));
        assertThat(events.eventTypes(id)).containsExactly("DiscountRuleCreatedEvent");
    }

    @Test
    void reusedIdempotencyKeyForAnotherBatchIs409() throws Exception {
        String campaign = post("/api/campaigns", null, campaign(unique("bulk"), "BULK_POOL"))
                .json().get("id").asString();
        String key = UUID.randomUUID().toString();
        String path = "/api/campaigns/" + campaign + "/batches";
        TestHttp.Response first = post(path, key, "{\"quantity\": 10}");
        assertThat(first.status()).as(first::toString).isEqualTo(202);

        TestHttp.Response defaultLength = post(path, key, "{\"quantity\": 10, \"randomLength\": 6}");
        TestHttp.Response otherQuantity = post(path, key, "{\"quantity\": 11}");
        TestHttp.Response otherLength = post(path, key, "{\"quantity\": 10, \"randomLength\": 7}");
        List<TestHttp.Response> racing = Concurrently.run(THREADS, THREADS,
                i -> post(path, key, i % 2 == 0 ? "{\"quantity\": 10}" : "{\"quantity\": 12}"));

        assertThat(defaultLength.status()).as(defaultLength::toString).isEqualTo(202);
        assertThat(defaultLength.json().get("batchId")).isEqualTo(first.json().get("batchId"));
        assertReused(otherQuantity);
        assertReused(otherLength);
        for (int i = 0; i < THREADS; i++) {
            if (i % 2 == 0) {
                assertThat(racing.get(i).json().get("batchNumber").asInt()).isEqualTo(1);
            } else {
                assertReused(racing.get(i));
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM generation_batch WHERE campaign_id = ?")
                .param(UUID.fromString(campaign)).query(Long.class).single()).isEqualTo(1);
        assertThat(events.eventTypes(campaign)).containsExactly("CampaignCreatedEvent",
                "BatchGenerationRequestedEvent");
    }

    private TestHttp.Response post(String path, String key, String body) {
        HttpRequest.Builder request = admin.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return admin.send(request);
    }

    private long registered(String table, String code) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE code = ?").param(code).query(Long.class).single();
    }

    private static String campaign(String code, String type) {
        return """
                {"code": "%s", "type": "%s"}""".formatted(code, type);
    }

    private static void assertReused(TestHttp.Response response) {
        assertThat(response.status()).as(response::toString).isEqualTo(409);
        assertThat(response.json().get("code").asString()).as(response::toString).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    private static String unique(String prefix) {
        return (prefix + UUID.randomUUID().toString().replace("-", "")).substring(0, 20).toUpperCase();
    }
}
