package io.coupons.query.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.platform.testing.ChildJvm;
import io.coupons.platform.testing.TestHttp;
import io.coupons.platform.testing.TestPostgres;
import io.coupons.query.QuerySideApplication;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A batch far larger than the heap: the query side runs in a child JVM capped at 128 MB that dies
 * on OutOfMemoryError, and downloads 1.5 million codes (about 150 MB as Java objects, were they all
 * held at once). Streaming from a cursor, it sends every row and lives on.
 */
class ExportMemoryTest {

    private static final int CODES = 1_500_000;

    @TempDir
    Path temp;

    @Test
    void downloadsABatchLargerThanTheHeapWithoutHoldingItInMemory() throws Exception {
        String database = TestPostgres.newDatabase();
        int port = ChildJvm.freePort();
        Process child = ChildJvm.start(QuerySideApplication.class, List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError"),
                database, port, temp.resolve("child.log"));
        try {
            TestHttp admin = TestHttp.at(port).as("admin");
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                    .until(() -> admin.get("/actuator/health").status() == 200);
            UUID campaign = UUID.randomUUID();
            UUID batch = UUID.randomUUID();
            fill(database, campaign, batch);

            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                    admin.request("/api/campaigns/" + campaign + "/batches/1/codes-with-info.csv").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());

            assertThat(response.statusCode()).isEqualTo(200);
            long lines = 0;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                while (reader.readLine() != null) {
                    lines++;
                }
            }
            assertThat(lines).isEqualTo(CODES + 1);
            assertThat(child.isAlive()).as("the 128 MB query side survived the download").isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
    }

    /** The read model as a finished 1.5-million-code batch would leave it (loaded by SQL for speed). */
    private static void fill(String database, UUID campaign, UUID batch) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database);
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO campaign_view (id, code, type, created_at, updated_at, version) "
                + "VALUES (?, 'MEMORY', 'BULK_POOL', now(), now(), 1)").param(campaign).update();
        jdbc.sql("INSERT INTO generation_batch_view (batch_id, campaign_id, batch_number, prefix, requested_at, "
                        + "quantity, random_length, generated, state) VALUES (?, ?, 1, 'MEMORY', now(), ?, 10, ?, 'COMPLETED')")
                .params(batch, campaign, CODES, CODES).update();
        jdbc.sql("INSERT INTO code_view (code, campaign_id, batch_id, batch_number, generated_at) "
                        + "SELECT 'MEMORY-' || lpad(i::text, 10, '0'), ?, ?, 1, now() FROM generate_series(1, ?) AS i")
                .params(campaign, batch, CODES).update();
    }
}
