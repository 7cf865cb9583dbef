package io.coupons.command.promo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.command.CommandSideApplication;
import io.coupons.platform.testing.ChildJvm;
import io.coupons.platform.testing.TestHttp;
import io.coupons.platform.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * kill -9 during promo generation: a child JVM generates a 1,000,000-code batch and a segment
 * batch and is killed while both run; a fresh command side on the same database finishes both
 * with exactly their counts, every code unique and in exactly one chunk event, every member with
 * exactly one code.
 */
class PromoResumeAfterKillTest {

    private static final int CODES = 1_000_000;
    private static final int MEMBERS = 60_000;

    @TempDir
    Path temp;

    @Test
    void batchesKilledMidwayResumeToExactlyTheirCounts() throws Exception {
        String database = TestPostgres.newDatabase();
        JdbcClient jdbc = JdbcClient.create(TestPostgres.dataSource(database));
        int port = ChildJvm.freePort();
        Process child = ChildJvm.start(CommandSideApplication.class, List.of("-Xmx384m"), database, port,
                temp.resolve("child.log"), "--coupons.generation.chunk-size=2000");
        String numbered;
        String bySegment;
        try {
            TestHttp admin = TestHttp.at(port).as("admin");
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> admin.get("/actuator/health").status() == 200);
            StringBuilder members = new StringBuilder();
            for (int i = 0; i < MEMBERS; i++) {
                members.append("member-").append(i).append('\n');
            }
            TestHttp.Response upload = admin.send(admin.request("/api/segments/Kill%20test/members.csv")
                    .header("Content-Type", "text/csv")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(members.toString())));
            assertThat(upload.status()).as(upload::toString).isEqualTo(200);
            bySegment = admin.post("/api/promo-batches", """
                    {"method": "TARGET_USER_SEGMENT", "targetUserSegment": "Kill test", "name": "Kill by segment",
                     "enabled": true, "terms": {"percentOff": 5}}""").json().get("promoBatchId").asString();
            numbered = admin.post("/api/promo-batches", """
                    {"method": "NUMBER_OF_CODES", "numberOfCodes": %d, "codeLength": 10, "name": "Kill a million",
                     "enabled": true, "terms": {"percentOff": 5}}""".formatted(CODES))
                    .json().get("promoBatchId").asString();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                    .until(() -> generated(jdbc, numbered) >= 10_000 && generated(jdbc, bySegment) >= 10_000);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop of the worker
            child.waitFor();
        }
        assertThat(generated(jdbc, numbered)).as("killed mid-way").isBetween(1L, CODES - 1L);
        assertThat(generated(jdbc, bySegment)).as("killed mid-way").isBetween(1L, MEMBERS - 1L);

        try (ConfigurableApplicationContext restarted = CommandSideApplication.start(
                ChildJvm.springArguments(database, 0).toArray(String[]::new))) {
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "COMPLETED".equals(state(jdbc, numbered)) && "COMPLETED".equals(state(jdbc, bySegment)));
        }

        for (String batch : List.of(numbered, bySegment)) {
            long expected = batch.equals(numbered) ? CODES : MEMBERS;
            assertThat(generated(jdbc, batch)).isEqualTo(expected);
            assertThat(count(jdbc, "SELECT count(*) FROM coupon_code WHERE promo_batch_id = ?", batch))
                    .isEqualTo(expected);
            // Every code is in exactly one chunk event: the events' codes, unpacked, are the registry's.
            List<String> inEvents = codesInEvents(jdbc, batch);
            assertThat(inEvents).hasSize((int) expected);
            Set<String> registered = new HashSet<>(jdbc.sql("SELECT code FROM coupon_code WHERE promo_batch_id = ?")
                    .param(UUID.fromString(batch)).query(String.class).list());
            assertThat(new HashSet<>(inEvents)).isEqualTo(registered);
            assertThat(count(jdbc, "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                    + "'%PromoGenerationCompletedEvent' AND convert_from(payload, 'UTF8')::jsonb -> 'promoBatchId' "
                    + "->> 'value' = ?", batch)).isEqualTo(1);
        }
        assertThat(count(jdbc, "SELECT count(DISTINCT account_id) FROM coupon_code WHERE promo_batch_id = ?",
                bySegment)).isEqualTo(MEMBERS);
        assertThat(jdbc.sql("SELECT count(*) FROM segment_upload_pin").query(Long.class).single()).isZero();
    }

    private static long count(JdbcClient jdbc, String sql, String batch) {
        Object param = sql.contains("promo_batch_id = ?") ? UUID.fromString(batch) : batch;
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    /** Every code of the batch's chunk events, unpacked here (SQL would re-read each packed string per code). */
    private static List<String> codesInEvents(JdbcClient jdbc, String batch) {
        List<String> codes = new ArrayList<>();
        jdbc.sql("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'packedCodes', "
                        + "(convert_from(payload, 'UTF8')::jsonb ->> 'codeLength')::int FROM domain_event_entry "
                        + "WHERE payload_type LIKE '%PromoCodesGeneratedEvent' "
                        + "AND convert_from(payload, 'UTF8')::jsonb -> 'promoBatchId' ->> 'value' = ?")
                .param(batch).query((RowCallbackHandler) row -> {
                    String packed = row.getString(1);
                    int length = row.getInt(2);
                    for (int i = 0; i < packed.length(); i += length) {
                        codes.add(packed.substring(i, i + length));
                    }
                });
        return codes;
    }

    private static long generated(JdbcClient jdbc, String batch) {
        return jdbc.sql("SELECT coalesce(sum(generated), 0) FROM generation_batch WHERE promo_batch_id = ?")
                .param(UUID.fromString(batch)).query(Long.class).single();
    }

    private static String state(JdbcClient jdbc, String batch) {
        return jdbc.sql("SELECT state FROM generation_batch WHERE promo_batch_id = ?").param(UUID.fromString(batch))
                .query(String.class).single();
    }
}
