package io.coupons.query.promo;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.promo.InventoryAction;
import io.coupons.api.promo.PromoBatchId;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.ProjectionsCaughtUp;
import io.coupons.query.QuerySideTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The promo batch list, details and Show List over real HTTP, projected from real events. */
@QuerySideTest
class PromoBatchQueriesTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processing;

    PromoEvents promo;
    TestHttp admin;
    String tag;

    @BeforeEach
    void setUp() {
        promo = new PromoEvents(eventStore, transactions);
        admin = TestHttp.at(port).as("admin");
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void listsBatchesNewestFirstFilteredByNameAndSegmentCaseSensitively() {
        promo.generated("Summer care " + tag, null, PromoEvents.codes(3), null, PromoEvents.terms("10", null, null),
                null);
        promo.generated("summer apology " + tag, "VIP Summer " + tag, PromoEvents.codes(2), List.of("a", "b"),
                PromoEvents.terms("15", null, null), null);
        promo.generated("100% off " + tag, "vip summer " + tag, PromoEvents.codes(1), List.of("c"),
                PromoEvents.terms("100", null, null), null);
        ProjectionsCaughtUp.await(processing, eventStore);

        assertThat(names("name=Summer%20care%20" + tag)).containsExactly("Summer care " + tag);
        assertThat(names("name=" + tag)).containsExactly("100% off " + tag, "summer apology " + tag,
                "Summer care " + tag);
        assertThat(names("name=summer&segment=" + tag)).containsExactly("summer apology " + tag);
        assertThat(names("segment=VIP%20Summer%20" + tag)).containsExactly("summer apology " + tag);
        assertThat(names("segment=vip%20summer%20" + tag)).containsExactly("100% off " + tag);
        assertThat(names("name=0%25%20off%20" + tag)).containsExactly("100% off " + tag);
        assertThat(names("name=0_%20off%20" + tag)).isEmpty();
        JsonNode row = admin.get("/api/promo-batches?name=Summer%20care%20" + tag).json().get("items").get(0);
        assertThat(row.get("createdBy").asString()).isEqualTo("alice");
        assertThat(row.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(row.get("generated").asLong()).isEqualTo(3);
        assertThat(row.get("segmentName").isNull()).isTrue();
    }

    @Test
    void detailsShowTheRulesAndEveryRunWithItsProgress() {
        List<String> codes = PromoEvents.codes(5);
        PromoBatchId batch = promo.create("Details " + tag, null, 5, PromoEvents.terms("20", "CS", "Apology"), 3L);
        promo.chunk(batch, promo.firstRun(batch), 1, 0, codes.subList(0, 3), null, 3);
        ProjectionsCaughtUp.await(processing, eventStore);

        JsonNode running = admin.get("/api/promo-batches/" + batch).json();
        assertThat(running.get("batch").get("state").asString()).isEqualTo("RUNNING");
        assertThat(running.get("batch").get("generated").asLong()).isEqualTo(3);

        promo.chunk(batch, promo.firstRun(batch), 1, 1, codes.subList(3, 5), null, 5);
        promo.completed(batch, promo.firstRun(batch), 1, 5);
        promo.cloneRequested(batch, 2, codes.get(0), 4, null, true);
        ProjectionsCaughtUp.await(processing, eventStore);

        JsonNode details = admin.get("/api/promo-batches/" + batch).json();
        assertThat(details.get("batch").get("terms").get("pnlAllocation").asString()).isEqualTo("CS");
        assertThat(details.get("batch").get("allowance").asLong()).isEqualTo(3);
        assertThat(details.get("batch").get("requested").asLong()).isEqualTo(9);
        assertThat(details.get("batch").get("state").asString()).as("the clone has not started").isEqualTo("RUNNING");
        JsonNode runs = details.get("runs");
        assertThat(runs.size()).isEqualTo(2);
        assertThat(runs.get(0).get("kind").asString()).isEqualTo("CLONE");
        assertThat(runs.get(0).get("sourceCode").asString()).isEqualTo(codes.get(0));
        assertThat(runs.get(0).get("state").asString()).isEqualTo("REQUESTED");
        assertThat(runs.get(1).get("state").asString()).isEqualTo("COMPLETED");
        assertThat(runs.get(1).get("generated").asLong()).isEqualTo(5);
        assertThat(admin.get("/api/promo-batches/" + UUID.randomUUID()).json().get("code").asString())
                .isEqualTo("PROMO_BATCH_NOT_FOUND");
    }

    @Test
    void showListPagesCodesWithTheirRulesInForceBoundAccountsAndOverrides() {
        List<String> codes = PromoEvents.codes(120);
        List<String> accounts = codes.stream().map(code -> "acc-" + code).toList();
        PromoBatchId batch = promo.generated("Show " + tag, "Segment " + tag, codes, accounts,
                PromoEvents.terms("10", "Marketing", null), null);
        promo.edit(batch, codes.get(7), PromoEvents.terms("30", "Support", null), false);
        List<String> clones = PromoEvents.codes(3);
        UUID cloneRun = promo.cloneRequested(batch, 2, codes.get(7), 3, PromoEvents.terms("30", "Support", null),
                false);
        promo.chunk(batch, cloneRun, 2, 0, clones, null, 3);
        promo.chunk(batch, cloneRun, 2, 0, clones, null, 3); // delivered again
        promo.completed(batch, cloneRun, 2, 3);
        ProjectionsCaughtUp.await(processing, eventStore);

        List<JsonNode> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            TestHttp.Response page = admin.get("/api/promo-batches/" + batch + "/codes"
                    + (after == null ? "" : "?after=" + after));
            assertThat(page.status()).as(page::toString).isEqualTo(200);
            page.json().get("items").forEach(seen::add);
            after = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asString();
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).extracting(code -> code.get("code").asString()).doesNotHaveDuplicates().hasSize(123);
        JsonNode plain = byCode(seen, codes.get(0));
        assertThat(plain.get("accountId").asString()).isEqualTo("acc-" + codes.get(0));
        assertThat(plain.get("overridden").asBoolean()).isFalse();
        assertThat(plain.get("codeEnabled").asBoolean()).isTrue();
        assertThat(plain.get("terms").get("percentOff").asInt()).isEqualTo(10);
        assertThat(plain.get("remainingUses").isNull()).as("no inventory: unlimited").isTrue();
        JsonNode edited = byCode(seen, codes.get(7));
        assertThat(edited.get("overridden").asBoolean()).isTrue();
        assertThat(edited.get("codeEnabled").asBoolean()).isFalse();
        assertThat(edited.get("terms").get("pnlAllocation").asString()).isEqualTo("Support");
        JsonNode clone = byCode(seen, clones.get(1));
        assertThat(clone.get("runNumber").asInt()).isEqualTo(2);
        assertThat(clone.get("overridden").asBoolean()).isTrue();
        assertThat(clone.get("codeEnabled").asBoolean()).isFalse();
        assertThat(clone.get("accountId").isNull()).isTrue();
        assertThat(admin.get("/api/promo-batches/" + batch + "/codes?limit=51").status()).isEqualTo(400);
        assertThat(admin.get("/api/promo-batches/" + batch + "/codes?after=not%20a%20code").status()).isEqualTo(400);
    }

    @Test
    void aDeletedBatchIsGoneFromTheListDetailsAndShowList() {
        PromoBatchId batch = promo.generated("Deleted " + tag, null, PromoEvents.codes(2), null,
                PromoEvents.terms("10", null, null), null);
        promo.delete(batch);
        ProjectionsCaughtUp.await(processing, eventStore);

        assertThat(names("name=Deleted%20" + tag)).isEmpty();
        for (String path : List.of("", "/codes", "/codes.csv", "/usage")) {
            TestHttp.Response answer = admin.get("/api/promo-batches/" + batch + path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.json().get("code").asString()).isEqualTo("PROMO_BATCH_NOT_FOUND");
        }
    }

    @Test
    void modifyInventoryIsOneRowAndRemainingUsagesFollowTheCurrentSet() {
        List<String> codes = PromoEvents.codes(3);
        PromoBatchId batch = promo.generated("Inventory " + tag, null, codes, null,
                PromoEvents.terms("10", null, null), 3L);
        String code = codes.get(0);
        var first = promo.redeem(code, batch, 0, java.time.Instant.parse("2026-06-01T10:00:00Z"), "5.00");
        promo.redeem(code, batch, 0, java.time.Instant.parse("2026-06-01T11:00:00Z"), "5.00");
        ProjectionsCaughtUp.await(processing, eventStore);
        assertThat(remaining(batch, code)).isEqualTo(1);
        assertThat(remaining(batch, codes.get(1))).isEqualTo(3);

        promo.inventory(batch, InventoryAction.INCREMENT, 2, 5, 0);
        ProjectionsCaughtUp.await(processing, eventStore);
        assertThat(remaining(batch, code)).as("increment: 5 - 2").isEqualTo(3);

        // A use counted in Set 1 recorded before the Set itself is projected (another processing group).
        var inSetOne = promo.redeem(code, batch, 1, java.time.Instant.parse("2026-06-02T10:00:00Z"), "5.00");
        promo.inventory(batch, InventoryAction.SET, 2, 2, 1);
        ProjectionsCaughtUp.await(processing, eventStore);
        assertThat(remaining(batch, code)).as("Set replaces the count: 2 - 1").isEqualTo(1);
        assertThat(remaining(batch, codes.get(1))).isEqualTo(2);

        promo.reverse(first, java.time.Instant.parse("2026-06-02T12:00:00Z"));
        ProjectionsCaughtUp.await(processing, eventStore);
        assertThat(remaining(batch, code)).as("a use of an earlier Set gives nothing back").isEqualTo(1);
        promo.reverse(inSetOne, java.time.Instant.parse("2026-06-02T13:00:00Z"));
        ProjectionsCaughtUp.await(processing, eventStore);
        assertThat(remaining(batch, code)).isEqualTo(2);
        JsonNode row = byCode(codesOf(batch), code);
        assertThat(row.get("redemptions").asLong()).as("in force, every Set").isEqualTo(1);
        assertThat(row.get("lastUsedAt").asString()).isEqualTo("2026-06-02T10:00:00Z");
    }

    @Test
    void auditorsReadPromoBatchesAndCheckoutDoesNot() {
        assertThat(TestHttp.at(port).as("auditor").get("/api/promo-batches").status()).isEqualTo(200);
        assertThat(TestHttp.at(port).as("checkout").get("/api/promo-batches").status()).isEqualTo(403);
    }

    private long remaining(PromoBatchId batch, String code) {
        return byCode(codesOf(batch), code).get("remainingUses").asLong();
    }

    private List<JsonNode> codesOf(PromoBatchId batch) {
        List<JsonNode> rows = new ArrayList<>();
        admin.get("/api/promo-batches/" + batch + "/codes").json().get("items").forEach(rows::add);
        return rows;
    }

    private static JsonNode byCode(List<JsonNode> rows, String code) {
        return rows.stream().filter(row -> row.get("code").asString().equals(code)).findFirst().orElseThrow();
    }

    private List<String> names(String query) {
        TestHttp.Response page = admin.get("/api/promo-batches?size=200&" + query);
        assertThat(page.status()).as(page::toString).isEqualTo(200);
        List<String> names = new ArrayList<>();
        page.json().get("items").forEach(item -> names.add(item.get("name").asString()));
        return names;
    }
}
