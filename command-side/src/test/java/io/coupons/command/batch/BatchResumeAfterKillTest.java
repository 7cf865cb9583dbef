package io.coupons.command.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.command.CommandSideApplication;
import io.coupons.platform.testing.ChildJvm;
import io.coupons.platform.testing.TestHttp;
import io.coupons.platform.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * kill -9 in the middle of a run: a child JVM generates in small chunks and is killed while at it;
 * a fresh command side on the same database finishes the run with exactly the requested number of
 * unique codes, no code lost or doubled, no second batch.
 */
class BatchResumeAfterKillTest {

    private static final int QUANTITY = 60_000;

    @TempDir
    Path temp;

    @Test
    void aRunKilledMidwayResumesToExactlyTheRequestedNumberOfUniqueCodes() throws Exception {
        String database = TestPostgres.newDatabase();
        int port = ChildJvm.freePort();
        Process child = ChildJvm.start(CommandSideApplication.class, List.of("-Xmx384m"), database, port,
                temp.resolve("child.log"), "--coupons.generation.chunk-size=500");
        String campaignId;
        String batchId;
        JdbcClient jdbc = JdbcClient.create(TestPostgres.dataSource(database));
        try {
            TestHttp admin = TestHttp.at(port).as("admin");
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> admin.get("/actuator/health").status() == 200);
            String code = BatchGenerationTest.uniqueCode("KILL");
            campaignId = admin.post("/api/campaigns", "{\"code\": \"" + code + "\", \"type\": \"BULK_POOL\"}")
                    .json().get("id").asString();
            TestHttp.Response accepted = admin.post("/api/campaigns/" + campaignId + "/batches",
                    "{\"quantity\": " + QUANTITY + "}");
            assertThat(accepted.status()).as(accepted::toString).isEqualTo(202);
            batchId = accepted.json().get("batchId").asString();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> generated(jdbc, batchId) >= QUANTITY / 5);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop of the worker
            child.waitFor();
        }
        long atKill = generated(jdbc, batchId);
        assertThat(atKill).as("killed mid-way").isBetween(1L, QUANTITY - 1L);

        try (ConfigurableApplicationContext restarted = CommandSideApplication.start(
                ChildJvm.springArguments(database, 0).toArray(String[]::new))) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "COMPLETED".equals(state(jdbc, batchId)));
        }

        assertThat(generated(jdbc, batchId)).isEqualTo(QUANTITY);
        assertThat(jdbc.sql("SELECT count(*) FROM generation_batch WHERE campaign_id = ?")
                .param(UUID.fromString(campaignId)).query(Long.class).single()).isEqualTo(1);
        List<String> registered = jdbc.sql("SELECT code FROM coupon_code WHERE batch_id = ?")
                .param(UUID.fromString(batchId)).query(String.class).list();
        List<String> inEvents = codesInEvents(jdbc, batchId);
        assertThat(registered).hasSize(QUANTITY);
        assertThat(inEvents).hasSize(QUANTITY);
        assertThat(new HashSet<>(inEvents)).isEqualTo(new HashSet<>(registered));
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                        + "'%BatchGenerationCompletedEvent' AND convert_from(payload, 'UTF8')::jsonb -> 'batchId' ->> 'value' = ?")
                .param(batchId).query(Long.class).single()).isEqualTo(1);
    }

    private static long generated(JdbcClient jdbc, String batchId) {
        return jdbc.sql("SELECT generated FROM generation_batch WHERE batch_id = ?").param(UUID.fromString(batchId))
                .query(Long.class).optional().orElse(0L);
    }

    private static String state(JdbcClient jdbc, String batchId) {
        return jdbc.sql("SELECT state FROM generation_batch WHERE batch_id = ?").param(UUID.fromString(batchId))
                .query(String.class).single();
    }

    private static List<String> codesInEvents(JdbcClient jdbc, String batchId) {
        return ChunkEvents.chunks(jdbc, batchId).stream().flatMap(List::stream).toList();
    }
}
