package io.coupons.command.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignId;
import io.coupons.command.CommandSideTest;
import io.coupons.command.code.CodeAlphabet;
import io.coupons.command.code.CodeOwner;
import io.coupons.command.code.CouponCodes;
import io.coupons.platform.testing.Concurrently;
import io.coupons.platform.testing.TestHttp;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Generate over HTTP, down to the registry of codes and the chunk events in PostgreSQL. */
@CommandSideTest
class BatchGenerationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CouponCodes couponCodes;

    @Autowired
    TransactionTemplate transactions;

    TestHttp admin;

    @BeforeEach
    void setUp() {
        admin = TestHttp.at(port).as("admin");
    }

    @Test
    void generatesExactlyTheQuantityAsPrefixDashRandomFromTheAlphabetInBoundedChunks() {
        String code = uniqueCode("SUMMER");
        String campaign = campaign(code, "BULK_POOL");

        TestHttp.Response accepted = admin.post("/api/campaigns/" + campaign + "/batches", "{\"quantity\": 45000}");

        assertThat(accepted.status()).as(accepted::toString).isEqualTo(202);
        JsonNode body = accepted.json();
        assertThat(body.get("batchNumber").asInt()).isEqualTo(1);
        assertThat(body.get("randomLength").asInt()).isEqualTo(6);
        assertThat(body.get("statusUrl").asString()).endsWith("/api/campaigns/" + campaign + "/batches/1");
        assertThat(accepted.header("Location")).isEqualTo(body.get("statusUrl").asString());
        String batch = body.get("batchId").asString();
        awaitState(batch, "COMPLETED");

        List<String> registered = jdbc.sql("SELECT code FROM coupon_code WHERE batch_id = ?")
                .param(UUID.fromString(batch)).query(String.class).list();
        Pattern shape = Pattern.compile(Pattern.quote(code) + "-[" + CodeAlphabet.SYMBOLS + "]{6}");
        assertThat(registered).hasSize(45_000).allMatch(c -> shape.matcher(c).matches());
        List<List<String>> chunks = chunkCodes(batch);
        assertThat(chunks).hasSize(5).allSatisfy(chunk -> assertThat(chunk.size()).isLessThanOrEqualTo(10_000));
        assertThat(chunks.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(registered);
        assertThat(eventCount("BatchGenerationCompletedEvent", batch)).isEqualTo(1);
        assertThat(metadataOfFirstChunk(batch)).contains("\"user\":\"admin\"");
    }

    @Test
    void numbersConcurrentRequestsOneToNWithoutGapsOrRepeats() throws Exception {
        String campaign = campaign(uniqueCode("RACE"), "BULK_POOL");
        int requests = 12;
        List<TestHttp.Response> responses = Concurrently.run(requests, requests,
                i -> admin.post("/api/campaigns/" + campaign + "/batches", "{\"quantity\": 10}"));
        List<Integer> numbers = new ArrayList<>();
        for (TestHttp.Response response : responses) {
            assertThat(response.status()).as(response::toString).isEqualTo(202);
            numbers.add(response.json().get("batchNumber").asInt());
        }
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, requests).boxed().toList());
    }

    @Test
    void retryWithTheSameIdempotencyKeyAnswersTheSameBatch() {
        String campaign = campaign(uniqueCode("RETRY"), "BULK_POOL");
        String key = UUID.randomUUID().toString();
        TestHttp.Response first = generateWithKey(campaign, key);
        TestHttp.Response again = generateWithKey(campaign, key);

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("batchId")).isEqualTo(first.json().get("batchId"));
        assertThat(again.json().get("batchNumber").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM generation_batch WHERE campaign_id = ?")
                .param(UUID.fromString(campaign)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesAQuantityTheKeySpaceCannotHoldAndSaysWhatLengthWould() {
        String campaign = campaign(uniqueCode("TIGHT"), "BULK_POOL");

        TestHttp.Response refused = admin.post("/api/campaigns/" + campaign + "/batches",
                "{\"quantity\": 10000, \"randomLength\": 4}");

        assertThat(refused.status()).isEqualTo(422);
        String message = refused.json().get("errors").get(0).get("message").asString();
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("randomLength");
        assertThat(message).contains("923521 combinations").contains("allows 9235 codes")
                .contains("use randomLength 5");
        assertThat(admin.post("/api/campaigns/" + campaign + "/batches",
                "{\"quantity\": 10000, \"randomLength\": 5}").status()).isEqualTo(202);
    }

    @Test
    void countsEarlierBatchesAgainstTheKeySpace() {
        String campaign = campaign(uniqueCode("FILL"), "BULK_POOL");
        assertThat(admin.post("/api/campaigns/" + campaign + "/batches",
                "{\"quantity\": 9000, \"randomLength\": 4}").status()).isEqualTo(202);
        TestHttp.Response refused = admin.post("/api/campaigns/" + campaign + "/batches",
                "{\"quantity\": 1000, \"randomLength\": 4}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("9000 exist");
    }

    @Test
    void keepsEveryCodeUniqueAcrossBatchesGeneratedAtOnceInACrowdedKeySpace() {
        // Length 4 holds 923,521 codes: two runs of 4,500 collide dozens of times and must replace each one.
        String campaign = campaign(uniqueCode("CROWD"), "BULK_POOL");
        String first = admin.post("/api/campaigns/" + campaign + "/batches",
                "{\"quantity\": 4500, \"randomLength\": 4}").json().get("batchId").asString();
        String second = admin.post("/api/campaigns/" + campaign + "/batches",
                "{\"quantity\": 4500, \"randomLength\": 4}").json().get("batchId").asString();
        awaitState(first, "COMPLETED");
        awaitState(second, "COMPLETED");

        List<String> all = new ArrayList<>(chunkCodes(first).stream().flatMap(List::stream).toList());
        all.addAll(chunkCodes(second).stream().flatMap(List::stream).toList());
        assertThat(all).hasSize(9_000);
        assertThat(new HashSet<>(all)).hasSize(9_000);
        assertThat(jdbc.sql("SELECT count(*) FROM coupon_code WHERE campaign_id = ?")
                .param(UUID.fromString(campaign)).query(Long.class).single()).isEqualTo(9_000);
    }

    @Test
    void theRegistryRefusesACodeAnotherCampaignHoldsWhateverItsKind() {
        CampaignId first = CampaignId.random();
        CampaignId second = CampaignId.random();
        String code = uniqueCode("SHARED") + "-ABCDEF";
        List<String> firstTry = transactions.execute(status -> couponCodes.reserveFree(List.of(code), null, CodeOwner.campaign(first, BatchId.random())));
        List<String> secondTry = transactions.execute(status -> couponCodes.reserveFree(List.of(code), null, CodeOwner.campaign(second, BatchId.random())));
        Boolean asSingle = transactions.execute(status -> couponCodes.reserveSingle(code, second));
        assertThat(firstTry).containsExactly(code);
        assertThat(secondTry).isEmpty();
        assertThat(asSingle).isFalse();
    }

    @Test
    void theCopyFastPathReservesNothingWhenOneCodeIsTakenAndLeavesTheTransactionUsable() {
        CampaignId campaign = CampaignId.random();
        BatchId batch = BatchId.random();
        String taken = uniqueCode("COPY") + "-TAKEN";
        String free = uniqueCode("COPY") + "-FREE1";
        transactions.execute(status -> couponCodes.reserveFree(List.of(taken), null, CodeOwner.campaign(campaign, batch)));

        List<String> afterRefusal = transactions.execute(status -> {
            assertThat(couponCodes.reserveAllWithCopy(List.of(free, taken), null, CodeOwner.campaign(campaign, batch))).isFalse();
            return couponCodes.reserveFree(List.of(free), null, CodeOwner.campaign(campaign, batch));
        });
        Boolean copied = transactions.execute(status -> couponCodes.reserveAllWithCopy(
                List.of(uniqueCode("COPY") + "-FREE2"), null, CodeOwner.campaign(campaign, batch)));

        assertThat(afterRefusal).containsExactly(free);
        assertThat(copied).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM coupon_code WHERE batch_id = ?").param(batch.value())
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void singleCodesAreInTheSameRegistryAsGeneratedCodes() {
        String code = uniqueCode("SINGLE");
        String campaign = campaign(code, "SINGLE_CODE");
        assertThat(jdbc.sql("SELECT campaign_id FROM coupon_code WHERE code = ?").param(code).query(UUID.class)
                .single()).isEqualTo(UUID.fromString(campaign));
        String renamed = uniqueCode("RENAMED");
        assertThat(admin.put("/api/campaigns/" + campaign + "/code", "{\"code\": \"" + renamed + "\"}").status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT code FROM coupon_code WHERE campaign_id = ?").param(UUID.fromString(campaign))
                .query(String.class).list()).containsExactly(renamed);
    }

    @Test
    void refusesGenerationForOtherCampaignTypesArchivedCampaignsAndBadNumbers() {
        String single = campaign(uniqueCode("ONE"), "SINGLE_CODE");
        TestHttp.Response notBulk = admin.post("/api/campaigns/" + single + "/batches", "{\"quantity\": 5}");
        assertThat(notBulk.status()).isEqualTo(409);
        assertThat(notBulk.json().get("code").asString()).isEqualTo("NOT_A_BULK_POOL");

        String bulk = campaign(uniqueCode("BAD"), "BULK_POOL");
        TestHttp.Response invalid = admin.post("/api/campaigns/" + bulk + "/batches",
                "{\"quantity\": 0, \"randomLength\": 3}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("quantity", "randomLength");
        assertThat(admin.post("/api/campaigns/" + bulk + "/batches", "{\"quantity\": 10000001, \"randomLength\": 9}")
                .status()).isEqualTo(422);
        assertThat(admin.post("/api/campaigns/" + bulk + "/batches", "{\"quantity\": \"many\"}").status())
                .isEqualTo(400);

        assertThat(admin.post("/api/campaigns/" + bulk + "/archive", "").status()).isEqualTo(200);
        assertThat(admin.post("/api/campaigns/" + bulk + "/batches", "{\"quantity\": 5}").json().get("code")
                .asString()).isEqualTo("CAMPAIGN_ARCHIVED");
        assertThat(admin.post("/api/campaigns/" + UUID.randomUUID() + "/batches", "{\"quantity\": 5}").status())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM generation_batch WHERE campaign_id IN (?, ?)")
                .params(UUID.fromString(single), UUID.fromString(bulk)).query(Long.class).single()).isZero();
    }

    private TestHttp.Response generateWithKey(String campaign, String key) {
        return admin.send(admin.request("/api/campaigns/" + campaign + "/batches")
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\": 25}")));
    }

    private void awaitState(String batch, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                state.equals(jdbc.sql("SELECT state FROM generation_batch WHERE batch_id = ?")
                        .param(UUID.fromString(batch)).query(String.class).single()));
    }

    private List<List<String>> chunkCodes(String batch) {
        return ChunkEvents.chunks(jdbc, batch);
    }

    private long eventCount(String type, String batch) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ? "
                        + "AND convert_from(payload, 'UTF8')::jsonb -> 'batchId' ->> 'value' = ?")
                .params("%" + type, batch).query(Long.class).single();
    }

    private String metadataOfFirstChunk(String batch) {
        return new String(jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE payload_type LIKE "
                        + "'%BatchCodesGeneratedEvent' AND convert_from(payload, 'UTF8')::jsonb -> 'batchId' ->> 'value' = ? "
                        + "ORDER BY global_index LIMIT 1")
                .param(batch).query(byte[].class).single(), StandardCharsets.UTF_8);
    }

    private String campaign(String code, String type) {
        TestHttp.Response created = admin.post("/api/campaigns", "{\"code\": \"" + code + "\", \"type\": \"" + type
                + "\"}");
        assertThat(created.status()).as(created::toString).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static String uniqueCode(String prefix) {
        return (prefix + UUID.randomUUID().toString().replace("-", "")).substring(0, 16).toUpperCase();
    }
}
