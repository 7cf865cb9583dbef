package io.coupons.command.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.coupons.command.CommandSideApplication;
import io.coupons.command.CommandSideTest;
import io.coupons.command.EventStoreProbe;
import io.coupons.platform.testing.ChildJvm;
import io.coupons.platform.testing.Concurrently;
import io.coupons.platform.testing.TestHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two command-side instances (this one and a second JVM) on one PostgreSQL, requests on one
 * aggregate split between them: no JVM lock spans both, so the event store's and our tables'
 * unique keys decide, and the loser of each race is handled again on the aggregate as it now is.
 */
@CommandSideTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstanceRaceTest {

    private static final int REQUESTS = 40;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    static Path temp;

    Process other;
    TestHttp here;
    TestHttp there;

    @BeforeAll
    void startTheSecondInstance() throws Exception {
        int otherPort = ChildJvm.freePort();
        other = ChildJvm.start(CommandSideApplication.class, List.of("-Xmx384m"),
                ((HikariDataSource) dataSource).getJdbcUrl(), otherPort, temp.resolve("second-instance.log"));
        here = TestHttp.at(port).as("admin");
        there = TestHttp.at(otherPort).as("admin");
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> there.get("/actuator/health").status() == 200);
    }

    @AfterAll
    void stopTheSecondInstance() throws InterruptedException {
        other.destroy();
        other.waitFor();
    }

    @Test
    void concurrentGenerateOnTwoInstancesNumbersBatchesWithoutGapsOr500() throws Exception {
        TestHttp.Response created = here.post("/api/campaigns", """
                {"code": "%s", "type": "BULK_POOL"}""".formatted(("TWO" + UUID.randomUUID().toString().replace("-", "")).substring(0, 16).toUpperCase()));
        assertThat(created.status()).as(created::toString).isEqualTo(201);
        String campaign = created.json().get("id").asString();

        List<TestHttp.Response> answers = Concurrently.run(16, REQUESTS,
                i -> (i % 2 == 0 ? here : there).post("/api/campaigns/" + campaign + "/batches",
                        "{\"quantity\": 5}"));

        List<TestHttp.Response> accepted = answers.stream().filter(r -> r.status() == 202).toList();
        List<TestHttp.Response> refused = answers.stream().filter(r -> r.status() != 202).toList();
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).as(r::toString).isEqualTo(409);
            assertThat(r.json().get("code").asString()).isEqualTo("CONCURRENT_MODIFICATION");
        });
        List<Integer> numbers = accepted.stream().map(r -> r.json().get("batchNumber").asInt()).toList();
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, accepted.size()).boxed().toList());
        assertThat(jdbc.sql("SELECT batch_number FROM generation_batch WHERE campaign_id = ? ORDER BY 1")
                .param(UUID.fromString(campaign)).query(Integer.class).list())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, accepted.size()).boxed().toList());
        assertThat(new EventStoreProbe(jdbc).eventTypes(campaign)).hasSize(1 + accepted.size());
        // Bounded retries are expected to absorb a race of two instances entirely.
        assertThat(accepted).hasSize(REQUESTS);
    }

    @Test
    void racingFirstDefinitionsOfOneVariantGroupOnTwoInstancesDefineItOnce() throws Exception {
        String name = "group-" + UUID.randomUUID();

        List<TestHttp.Response> answers = Concurrently.run(16, 16, i -> (i % 2 == 0 ? here : there)
                .put("/api/variant-groups/" + name, "{\"variantIds\": [\"v-1\", \"v-2\"]}"));

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r::toString).isEqualTo(200));
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%VariantGroupDefinedEvent' "
                        + "AND convert_from(payload, 'UTF8')::jsonb ->> 'name' = ?")
                .param(name).query(Long.class).single()).isEqualTo(1);
    }
}
