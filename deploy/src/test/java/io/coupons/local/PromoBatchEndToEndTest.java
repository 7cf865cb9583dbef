package io.coupons.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.platform.testing.TestHttp;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A promo batch through the whole local system: a segment upload, Generate Batch by segment on the
 * command side, the list (case-sensitive search), Show List and Find Coupon on the query side,
 * checkout redeeming, Modify Inventory seen in remaining usages at once, and Delete.
 */
class PromoBatchEndToEndTest {

    private static final int MEMBERS = 120;

    @TempDir
    static Path data;

    static LocalSystem system;
    static TestHttp admin;
    static TestHttp checkout;
    static TestHttp queries;

    @BeforeAll
    static void start() throws Exception {
        system = LocalSystem.start(data, 0, 0);
        admin = TestHttp.at(system.commandSidePort()).as("admin", password("admin"));
        checkout = TestHttp.at(system.commandSidePort()).as("checkout", password("checkout"));
        queries = TestHttp.at(system.querySidePort()).as("admin", password("admin"));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aSegmentBatchIsGeneratedListedRedeemedModifiedAndDeleted() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < MEMBERS; i++) {
            csv.append("shopper-").append(i).append('\n');
        }
        TestHttp.Response upload = admin.send(admin.request("/api/segments/Summer%20VIPs/members.csv")
                .header("Content-Type", "text/csv").PUT(HttpRequest.BodyPublishers.ofString(csv.toString())));
        assertThat(upload.status()).as(upload::toString).isEqualTo(200);
        TestHttp.Response accepted = admin.post("/api/promo-batches", """
                {"method": "TARGET_USER_SEGMENT", "targetUserSegment": "Summer VIPs", "codeLength": 10,
                 "name": "Summer thanks", "enabled": true, "inventoryEnabled": true, "inventory": 1,
                 "terms": {"percentOff": 20, "displayMessage": "20% off, thank you", "pnlAllocation": "CRM",
                           "transactionType": "Loyalty"}}""");
        assertThat(accepted.status()).as(accepted::toString).isEqualTo(202);
        String batch = accepted.json().get("promoBatchId").asString();

        JsonNode details = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> queries.get("/api/promo-batches/" + batch),
                        r -> r.status() == 200 && "COMPLETED".equals(r.json().get("batch").get("state").asString()))
                .json().get("batch");
        assertThat(details.get("generated").asLong()).isEqualTo(MEMBERS);
        assertThat(details.get("segmentName").asString()).isEqualTo("Summer VIPs");
        assertThat(details.get("createdBy").asString()).isEqualTo("admin");
        assertThat(names(queries.get("/api/promo-batches?name=Summer").json())).contains("Summer thanks");
        assertThat(names(queries.get("/api/promo-batches?name=summer").json())).doesNotContain("Summer thanks");
        assertThat(names(queries.get("/api/promo-batches?segment=VIPs").json())).contains("Summer thanks");
        assertThat(names(queries.get("/api/promo-batches?segment=vips").json())).doesNotContain("Summer thanks");

        List<JsonNode> codes = showList(batch);
        assertThat(codes).hasSize(MEMBERS);
        Set<String> accounts = new HashSet<>();
        codes.forEach(code -> accounts.add(code.get("accountId").asString()));
        assertThat(accounts).hasSize(MEMBERS);
        JsonNode first = codes.get(0);
        String code = first.get("code").asString();
        String owner = first.get("accountId").asString();
        assertThat(first.get("remainingUses").asLong()).isEqualTo(1);

        assertThat(redeem(code, "someone-else").json().get("code").asString()).isEqualTo("WRONG_ACCOUNT");
        TestHttp.Response redeemed = redeem(code, owner);
        assertThat(redeemed.status()).as(redeemed::toString).isEqualTo(201);
        assertThat(redeemed.json().get("discount").get("displayMessage").asString()).isEqualTo("20% off, thank you");
        assertThat(redeem(code, owner).json().get("code").asString()).isEqualTo("EXHAUSTED");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> codeRow(batch, code).get("remainingUses").asLong() == 0);

        // Set 3: every code has exactly 3, the redeemed one too; Increment 2: every code has 2 more.
        assertThat(admin.post("/api/promo-batches/" + batch + "/inventory", "{\"action\": \"SET\", \"amount\": 3}")
                .status()).isEqualTo(200);
        assertThat(admin.post("/api/promo-batches/" + batch + "/inventory",
                "{\"action\": \"INCREMENT\", \"amount\": 2}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> codeRow(batch, code).get("remainingUses").asLong() == 5);
        assertThat(showList(batch)).allSatisfy(row -> assertThat(row.get("remainingUses").asLong()).isEqualTo(5));
        assertThat(codeRow(batch, code).get("redemptions").asLong()).isEqualTo(1);

        JsonNode found = queries.get("/api/codes?search=" + code.substring(0, 6)).json();
        assertThat(found.toString()).contains(code).contains("Summer thanks").contains(owner);
        JsonNode codeDetails = queries.get("/api/codes/" + code).json();
        assertThat(codeDetails.toString()).contains("Summer thanks").contains(owner);
        String csvExport = new String(queries.bytes("/api/promo-batches/" + batch + "/codes.csv"));
        assertThat(csvExport.lines().count()).isEqualTo(MEMBERS + 1);

        assertThat(admin.delete("/api/promo-batches/" + batch).status()).isEqualTo(200);
        assertThat(redeem(code, owner).json().get("code").asString()).isEqualTo("DELETED");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> queries.get("/api/promo-batches/" + batch).status() == 404);
        assertThat(names(queries.get("/api/promo-batches?name=Summer").json())).doesNotContain("Summer thanks");
        assertThat(queries.get("/api/codes/" + code).json().toString()).contains("DELETED");
    }

    private static List<JsonNode> showList(String batch) {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = queries.get("/api/promo-batches/" + batch + "/codes"
                    + (cursor == null ? "" : "?after=" + cursor)).json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(50);
            page.get("items").forEach(rows::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return rows;
    }

    private static JsonNode codeRow(String batch, String code) {
        return showList(batch).stream().filter(row -> row.get("code").asString().equals(code)).findFirst()
                .orElseThrow();
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asString()));
        return names;
    }

    private static TestHttp.Response redeem(String code, String account) {
        return checkout.post("/api/redemptions", """
                {"code": "%s", "order": {"orderId": "%s", "accountId": "%s", "currency": "USD",
                 "lines": [{"variantId": "tee", "quantity": 1, "unitPrice": 50.00}]}}"""
                .formatted(code, UUID.randomUUID(), account));
    }

    private static String password(String user) {
        return system.logins().passwords().get(user);
    }
}
