package io.coupons.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.platform.testing.TestHttp;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The README's run command, end to end: both sides and a durable embedded PostgreSQL, generated
 * BCrypt logins, a rule and a campaign created over HTTP on the command side, then listed, read
 * and exported over HTTP on the query side; then a restart that keeps everything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalSystemTest {

    @TempDir
    static Path data;

    static LocalSystem system;
    static String campaignId;
    static String code;

    @BeforeAll
    static void start() throws Exception {
        system = LocalSystem.start(data, 0, 0);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void runsPostgreSQLWithDurableCommits() {
        JdbcClient jdbc = JdbcClient.create(system.commandSide().getBean(DataSource.class));
        assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("SHOW listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
    }

    @Test
    @Order(2)
    void generatesLoginsOnceKeepsThemPrivateAndPrintsThem() throws Exception {
        Path logins = data.resolve("logins.properties");
        assertThat(Files.getPosixFilePermissions(logins)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String banner = system.banner(data, Duration.ofSeconds(1));
        system.logins().passwords().forEach((user, password) -> {
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(banner).contains(user).contains(password);
        });
        assertThat(banner).contains("http://127.0.0.1:" + system.commandSidePort() + "/api")
                .contains("Admin UI      http://127.0.0.1:" + system.adminUiPort() + "/");
    }

    @Test
    @Order(3)
    void createsRuleAndCampaignThenListsReadsAndExportsThem() throws Exception {
        TestHttp commands = TestHttp.at(system.commandSidePort()).as("admin", password("admin"));
        TestHttp queries = TestHttp.at(system.querySidePort()).as("auditor", password("auditor"));
        code = "E2E" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();

        TestHttp.Response rule = commands.post("/api/discount-rules", """
                {"name": "Summer 20%%", "terms": {"percentOff": 20, "discountLimit": 50, "currency": "USD",
                 "displayMessage": "20%% off, up to $50"}}""".formatted());
        assertThat(rule.status()).as(rule::toString).isEqualTo(201);
        TestHttp.Response campaign = commands.post("/api/campaigns", """
                {"code": "%s", "type": "BULK_POOL", "discountRuleId": "%s", "usesPerCode": 1}"""
                .formatted(code.toLowerCase(), rule.json().get("id").asString()));
        assertThat(campaign.status()).as(campaign::toString).isEqualTo(201);
        campaignId = campaign.json().get("id").asString();

        // The rule's name is joined from the rule projection, which may trail the campaign table.
        JsonNode view = await().atMost(Duration.ofSeconds(20)).until(() -> queries.get("/api/campaigns/" + campaignId),
                response -> response.status() == 200 && !response.json().get("discountRuleName").isNull()).json();
        assertThat(view.get("code").asString()).isEqualTo(code);
        assertThat(view.get("discountRuleName").asString()).isEqualTo("Summer 20%");
        assertThat(view.get("createdBy").asString()).isEqualTo("admin");
        assertThat(view.get("status").asString()).isEqualTo("ACTIVE");

        JsonNode listed = queries.get("/api/campaigns?q=" + code + "&type=BULK_POOL").json();
        assertThat(listed.get("total").asLong()).isEqualTo(1);

        TestHttp.Response csv = queries.get("/api/campaigns/export.csv?q=" + code);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("code")).isEqualTo(code);
            assertThat(row.get("created_by")).isEqualTo("admin");
        });
    }

    @Test
    @Order(4)
    void servesTheOpenApiDescriptionsWithoutLogin() {
        assertThat(TestHttp.at(system.commandSidePort()).get("/v3/api-docs").body()).contains("/api/campaigns");
        assertThat(TestHttp.at(system.querySidePort()).get("/v3/api-docs").body()).contains("/api/campaigns/export.csv");
        assertThat(TestHttp.at(system.querySidePort()).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void keepsDataAndLoginsAcrossARestart() throws Exception {
        String adminPassword = password("admin");
        system.close();
        system = LocalSystem.start(data, 0, 0);

        assertThat(password("admin")).isEqualTo(adminPassword);
        TestHttp queries = TestHttp.at(system.querySidePort()).as("admin", adminPassword);
        assertThat(queries.get("/api/campaigns/" + campaignId).json().get("code").asString()).isEqualTo(code);
        TestHttp.Response again = TestHttp.at(system.commandSidePort()).as("admin", adminPassword)
                .post("/api/campaigns", "{\"code\": \"" + code + "\", \"type\": \"SINGLE_CODE\"}");
        assertThat(again.status()).isEqualTo(409);
    }

    private static String password(String user) {
        return system.logins().passwords().get(user);
    }
}
