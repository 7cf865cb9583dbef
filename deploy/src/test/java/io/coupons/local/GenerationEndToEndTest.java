package io.coupons.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.platform.testing.TestHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Generate on the command side, watch the status URL on the query side, download the batch as the
 * seed's table offers it (codes, with info, all, Full Export ZIP) and see it marked exported.
 */
class GenerationEndToEndTest {

    private static final int QUANTITY = 30_000;

    @TempDir
    static Path data;

    static LocalSystem system;
    static TestHttp commands;
    static TestHttp queries;

    @BeforeAll
    static void start() throws Exception {
        system = LocalSystem.start(data, 0, 0);
        commands = TestHttp.at(system.commandSidePort()).as("admin", system.logins().passwords().get("admin"));
        queries = TestHttp.at(system.querySidePort()).as("admin", system.logins().passwords().get("admin"));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void generatesWatchesDownloadsAndExports() throws Exception {
        String code = "E2E" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        String campaign = commands.post("/api/campaigns", "{\"code\": \"" + code + "\", \"type\": \"BULK_POOL\", "
                + "\"usesPerCode\": 2}").json().get("id").asString();
        TestHttp.Response accepted = commands.post("/api/campaigns/" + campaign + "/batches",
                "{\"quantity\": " + QUANTITY + "}");
        assertThat(accepted.status()).isEqualTo(202);
        String status = "/api/campaigns/" + campaign + "/batches/1";
        assertThat(accepted.json().get("statusUrl").asString())
                .isEqualTo("http://127.0.0.1:" + system.querySidePort() + status);

        JsonNode batch = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> queries.get(status), r -> r.status() == 200
                        && "COMPLETED".equals(r.json().get("state").asString())).json();
        assertThat(batch.get("generated").asLong()).isEqualTo(QUANTITY);
        assertThat(batch.get("requestedBy").asString()).isEqualTo("admin");
        assertThat(batch.get("exported").asBoolean()).isFalse();

        JsonNode history = await().atMost(Duration.ofSeconds(20))
                .until(() -> queries.get("/api/campaigns/" + campaign + "/batches"), r -> r.status() == 200).json();
        assertThat(history.get("batches").size()).isEqualTo(1);
        assertThat(history.get("poolStats").get("generated").asLong()).isEqualTo(QUANTITY);
        assertThat(history.get("poolStats").get("remaining").asLong()).isEqualTo(2L * QUANTITY);

        List<CSVRecord> plain = csv(queries.get(status + "/codes.csv"));
        assertThat(plain).hasSize(QUANTITY);
        assertThat(new HashSet<>(plain.stream().map(r -> r.get("code")).toList())).hasSize(QUANTITY);
        assertThat(plain).allSatisfy(r -> assertThat(r.get("code")).startsWith(code + "-"));
        assertFindCouponPagesThroughEveryCode(code, plain.stream().map(r -> r.get("code")).toList());
        JsonNode exported = await().atMost(Duration.ofSeconds(20)).until(() -> queries.get(status).json(),
                b -> b.get("exported").asBoolean());
        assertThat(exported.get("downloads").get(0).get("downloadedBy").asString()).isEqualTo("admin");
        assertThat(exported.get("downloads").get(0).get("format").asString()).isEqualTo("CODES_CSV");

        List<CSVRecord> withInfo = csv(queries.get(status + "/codes-with-info.csv"));
        assertThat(withInfo).hasSize(QUANTITY).allSatisfy(r -> {
            assertThat(r.get("batch_number")).isEqualTo("1");
            assertThat(r.get("usage_count")).isEqualTo("0");
        });
        assertThat(csv(queries.get("/api/campaigns/" + campaign + "/codes.csv"))).hasSize(QUANTITY);

        Map<String, String> zip = unzip(queries.bytes("/api/exports/codes.zip"));
        List<CSVRecord> manifest = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(zip.get("manifest.csv"))).getRecords();
        CSVRecord ours = manifest.stream().filter(r -> r.get("campaign_code").equals(code)).findFirst().orElseThrow();
        assertThat(ours.get("codes")).isEqualTo(String.valueOf(QUANTITY));
        assertThat(zip.get(ours.get("file")).lines().count()).isEqualTo(QUANTITY + 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> queries.get(status).json().get("downloads").size() == 4);
    }

    /** Find Coupon: the campaign code as a prefix, "load more" to the end: every code once, in order. */
    private void assertFindCouponPagesThroughEveryCode(String campaignCode, List<String> generated) {
        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = queries.get("/api/codes?size=200&search=" + campaignCode.toLowerCase()
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(row -> found.add(row.get("code").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(found).isSorted().containsExactlyInAnyOrderElementsOf(generated);
        String typedWithoutDash = generated.get(0).replace("-", "").toLowerCase();
        assertThat(queries.get("/api/codes?search=" + typedWithoutDash).json().get("items").get(0).get("code")
                .asString()).isEqualTo(generated.get(0));
    }

    @Test
    void refusesDownloadsOfUnfinishedOrUnknownBatchesAndToAuditors() {
        String code = "E2F" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        String campaign = commands.post("/api/campaigns", "{\"code\": \"" + code + "\", \"type\": \"BULK_POOL\"}")
                .json().get("id").asString();
        commands.post("/api/campaigns/" + campaign + "/batches", "{\"quantity\": 10}");
        String status = "/api/campaigns/" + campaign + "/batches/1";
        await().atMost(Duration.ofSeconds(30)).until(() -> queries.get(status).status() == 200);

        assertThat(queries.get("/api/campaigns/" + campaign + "/batches/2/codes.csv").status()).isEqualTo(404);
        TestHttp.Response notANumber = queries.get("/api/campaigns/" + campaign + "/batches/first");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("errors").get(0).get("field").asString()).isEqualTo("batchNumber");
        assertThat(queries.get("/api/campaigns/not-a-uuid/batches").status()).isEqualTo(400);
        TestHttp.Response unknownField = commands.post("/api/campaigns/" + campaign + "/batches",
                "{\"quantity\": 5, \"prefix\": \"X\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("errors").get(0).get("field").asString()).isEqualTo("prefix");
        assertThat(queries.get("/api/campaigns/" + UUID.randomUUID() + "/batches").status()).isEqualTo(404);
        TestHttp auditor = TestHttp.at(system.querySidePort()).as("auditor", system.logins().passwords().get("auditor"));
        assertThat(auditor.get(status).status()).isEqualTo(200);
        assertThat(auditor.get(status + "/codes.csv").status()).isEqualTo(403);
        assertThat(auditor.get("/api/exports/codes.zip").status()).isEqualTo(403);
        assertThat(auditor.get("/api/campaigns/" + campaign + "/codes-with-info.csv").status()).isEqualTo(403);
        TestHttp checkout = TestHttp.at(system.commandSidePort()).as("checkout",
                system.logins().passwords().get("checkout"));
        assertThat(checkout.post("/api/campaigns/" + campaign + "/batches", "{\"quantity\": 10}").status())
                .isEqualTo(403);
    }

    private static List<CSVRecord> csv(TestHttp.Response response) throws IOException {
        assertThat(response.status()).as(response::toString).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body())).getRecords();
    }

    private static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
