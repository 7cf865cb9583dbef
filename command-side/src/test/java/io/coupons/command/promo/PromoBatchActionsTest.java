package io.coupons.command.promo;

import static io.coupons.command.promo.PromoDesk.TEN_OFF;
import static io.coupons.command.promo.PromoDesk.numberOfCodes;
import static io.coupons.command.promo.PromoDesk.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideTest;
import io.coupons.platform.testing.TestHttp;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list view's actions on the command side, each seen by checkout at once: enable/disable,
 * Edit one code, Clone, Modify Inventory (Increment, Set), Delete.
 */
@CommandSideTest
class PromoBatchActionsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    PromoDesk desk;

    @BeforeEach
    void setUp() {
        desk = new PromoDesk(port, jdbc);
    }

    @Test
    void disablingTheBatchDisablesEveryCodeAtOnceAndEnablingBringsThemBack() {
        String batch = desk.generate(numberOfCodes(3, TEN_OFF, ""));
        List<String> codes = desk.codes(batch);

        assertThat(desk.admin.put("/api/promo-batches/" + batch + "/enabled", "{\"enabled\": false}").status())
                .isEqualTo(200);
        assertThat(codes).allSatisfy(code -> assertThat(outcome(desk.redeem(code, "a"))).isEqualTo("DISABLED"));
        assertThat(desk.admin.put("/api/promo-batches/" + batch + "/enabled", "{\"enabled\": false}").status())
                .isEqualTo(200);
        assertThat(desk.events("PromoBatchEnabledChangedEvent", batch)).isEqualTo(1);

        desk.admin.put("/api/promo-batches/" + batch + "/enabled", "{\"enabled\": true}");
        assertThat(outcome(desk.redeem(codes.get(0), "a"))).isEqualTo("ACCEPTED");
    }

    @Test
    void aBatchCreatedDisabledRedeemsNothingUntilEnabled() {
        String batch = desk.generate(numberOfCodes(1, TEN_OFF, "").replace("\"enabled\": true", "\"enabled\": false"));
        String code = desk.codes(batch).get(0);
        assertThat(outcome(desk.redeem(code, "a"))).isEqualTo("DISABLED");
    }

    @Test
    void editingOneCodeChangesItsRulesAloneAndAtOnce() {
        String batch = desk.generate(numberOfCodes(2, TEN_OFF, ""));
        String edited = desk.codes(batch).get(0);
        String other = desk.codes(batch).get(1);

        TestHttp.Response edit = desk.admin.put("/api/promo-batches/" + batch + "/codes/" + edited.toLowerCase(),
                "{\"terms\": {\"flatAmountOff\": 7, \"currency\": \"USD\"}, \"enabled\": true}");
        assertThat(edit.status()).as(edit::toString).isEqualTo(200);

        assertThat(desk.redeem(edited, "a").json().get("discount").get("total").decimalValue()).isEqualByComparingTo("7");
        assertThat(desk.redeem(other, "a").json().get("discount").get("total").decimalValue()).isEqualByComparingTo("10");

        desk.admin.put("/api/promo-batches/" + batch + "/codes/" + edited,
                "{\"terms\": {\"flatAmountOff\": 7, \"currency\": \"USD\"}, \"enabled\": false}");
        assertThat(outcome(desk.redeem(edited, "b"))).isEqualTo("DISABLED");
        assertThat(outcome(desk.redeem(other, "b"))).isEqualTo("ACCEPTED");
        desk.admin.put("/api/promo-batches/" + batch + "/codes/" + edited,
                "{\"terms\": {\"flatAmountOff\": 7, \"currency\": \"USD\"}, \"enabled\": false}");
        assertThat(desk.events("PromoCodeEditedEvent", batch)).isEqualTo(2);
    }

    @Test
    void editAndCloneOfACodeOfAnotherBatchAreNotFound() {
        String mine = desk.generate(numberOfCodes(1, TEN_OFF, ""));
        String theirs = desk.generate(numberOfCodes(1, TEN_OFF, ""));
        String foreign = desk.codes(theirs).get(0);
        TestHttp.Response edit = desk.admin.put("/api/promo-batches/" + mine + "/codes/" + foreign,
                "{\"terms\": " + TEN_OFF + ", \"enabled\": true}");
        TestHttp.Response clone = desk.admin.post("/api/promo-batches/" + mine + "/codes/" + foreign + "/clones",
                "{\"quantity\": 3}");
        assertThat(List.of(edit, clone)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json().get("code").asString()).isEqualTo("PROMO_CODE_NOT_FOUND");
        });
        TestHttp.Response noBatch = desk.admin.post("/api/promo-batches/" + UUID.randomUUID() + "/inventory",
                "{\"action\": \"SET\", \"amount\": 1}");
        assertThat(noBatch.status()).isEqualTo(404);
        assertThat(noBatch.json().get("code").asString()).isEqualTo("PROMO_BATCH_NOT_FOUND");
    }

    @Test
    void cloneMakesNCodesWithTheSourcesRulesOverrideIncludedAsTheNextNumberedRun() {
        String batch = desk.generate(numberOfCodes(2, TEN_OFF, ""));
        String source = desk.codes(batch).get(0);
        desk.admin.put("/api/promo-batches/" + batch + "/codes/" + source,
                "{\"terms\": {\"flatAmountOff\": 7, \"currency\": \"USD\", \"displayMessage\": \"7 off\"}, "
                        + "\"enabled\": true}");

        TestHttp.Response accepted = desk.admin.post("/api/promo-batches/" + batch + "/codes/" + source + "/clones",
                "{\"quantity\": 25}");
        assertThat(accepted.status()).as(accepted::toString).isEqualTo(202);
        assertThat(accepted.json().get("runNumber").asInt()).isEqualTo(2);
        desk.awaitRuns(batch);

        String run = accepted.json().get("runId").asString();
        List<String> clones = jdbc.sql("SELECT code FROM coupon_code WHERE batch_id = ?").param(UUID.fromString(run))
                .query(String.class).list();
        assertThat(clones).hasSize(25).doesNotContain(source);
        assertThat(desk.codes(batch)).hasSize(27);
        assertThat(clones).allSatisfy(clone -> assertThat(desk.redeem(clone, "a").json().get("discount")
                .get("total").decimalValue()).isEqualByComparingTo("7"));
        String history = jdbc.sql("SELECT convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8') "
                        + "FROM domain_event_entry WHERE payload_type LIKE '%PromoCodesCloneRequestedEvent' "
                        + "AND convert_from(payload, 'UTF8') LIKE ?")
                .param("%" + run + "%").query(String.class).single();
        assertThat(history).contains("\"sourceCode\":\"" + source + "\"").contains("\"quantity\":25")
                .contains("\"runNumber\":2").contains("\"user\":\"admin\"").contains("\"flatAmountOff\":7");
    }

    @Test
    void cloneOfAnUneditedCodeFollowsTheBatchsRules() {
        String batch = desk.generate(numberOfCodes(1, TEN_OFF, ""));
        String source = desk.codes(batch).get(0);
        TestHttp.Response accepted = desk.admin.post("/api/promo-batches/" + batch + "/codes/" + source + "/clones",
                "{\"quantity\": 3}");
        desk.awaitRuns(batch);
        String clone = jdbc.sql("SELECT code FROM coupon_code WHERE batch_id = ? LIMIT 1")
                .param(UUID.fromString(accepted.json().get("runId").asString())).query(String.class).single();
        assertThat(desk.redeem(clone, "a").json().get("discount").get("total").decimalValue())
                .isEqualByComparingTo("10");
    }

    /**
     * Inventory 2: two redemptions, then EXHAUSTED. Increment 3: every code has 3 more (the used
     * one 0 + 3 = 3, the unused one 2 + 3 = 5). Set 1: every code has exactly 1, whatever it had.
     * A reversal of a use counted before that Set gives nothing back (the Set replaced it); a
     * reversal of a use counted after it does.
     */
    @Test
    void incrementAddsToEveryCodeAndSetReplacesEveryCodesRemainingUsages() {
        String batch = desk.generate(numberOfCodes(2, TEN_OFF, "\"inventoryEnabled\": true, \"inventory\": 2"));
        String used = desk.codes(batch).get(0);
        String fresh = desk.codes(batch).get(1);
        String firstOrder = UUID.randomUUID().toString();
        assertThat(outcome(desk.redeem(used, firstOrder, "a"))).isEqualTo("ACCEPTED");
        assertThat(outcome(desk.redeem(used, "a"))).isEqualTo("ACCEPTED");
        assertThat(outcome(desk.redeem(used, "a"))).isEqualTo("EXHAUSTED");

        TestHttp.Response increment = desk.modifyInventory(batch, "INCREMENT", 3);
        assertThat(increment.status()).as(increment::toString).isEqualTo(200);
        assertThat(increment.json().get("remainingUsages").asLong()).isEqualTo(5);
        assertThat(redeemUntilExhausted(used)).isEqualTo(3);
        assertThat(redeemUntilExhausted(fresh)).isEqualTo(5);

        TestHttp.Response set = desk.modifyInventory(batch, "SET", 1);
        assertThat(set.json().get("remainingUsages").asLong()).isEqualTo(1);
        assertThat(set.json().get("setNumber").asInt()).isEqualTo(1);
        assertThat(desk.reverse(used, firstOrder).status()).isEqualTo(200);
        String afterSet = UUID.randomUUID().toString();
        assertThat(outcome(desk.redeem(used, afterSet, "a"))).isEqualTo("ACCEPTED");
        assertThat(outcome(desk.redeem(used, "a"))).isEqualTo("EXHAUSTED");
        assertThat(desk.reverse(used, afterSet).status()).isEqualTo(200);
        assertThat(redeemUntilExhausted(used)).isEqualTo(1);
        assertThat(redeemUntilExhausted(fresh)).isEqualTo(1);
        assertThat(desk.events("PromoInventoryModifiedEvent", batch)).isEqualTo(2);
    }

    @Test
    void modifyingTheInventoryOfAnUnlimitedBatchIsRefused() {
        String batch = desk.generate(numberOfCodes(1, TEN_OFF, ""));
        TestHttp.Response refused = desk.modifyInventory(batch, "SET", 5);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("INVENTORY_NOT_ENABLED");
        assertThat(desk.events("PromoInventoryModifiedEvent", batch)).isZero();
    }

    @Test
    void deleteStopsEveryCodeAtOnceWithOneEventAndTheBatchCannotChangeAfter() {
        String batch = desk.generate(numberOfCodes(12, TEN_OFF, "\"inventoryEnabled\": true, \"inventory\": 5"));
        List<String> codes = desk.codes(batch);
        assertThat(outcome(desk.redeem(codes.get(0), "a"))).isEqualTo("ACCEPTED");

        assertThat(desk.admin.delete("/api/promo-batches/" + batch).status()).isEqualTo(200);
        assertThat(codes).allSatisfy(code -> assertThat(outcome(desk.redeem(code, "a"))).isEqualTo("DELETED"));
        assertThat(desk.admin.delete("/api/promo-batches/" + batch).status()).isEqualTo(200);
        assertThat(desk.events("PromoBatchDeletedEvent", batch)).isEqualTo(1);

        TestHttp.Response modify = desk.modifyInventory(batch, "INCREMENT", 1);
        TestHttp.Response enable = desk.admin.put("/api/promo-batches/" + batch + "/enabled", "{\"enabled\": true}");
        TestHttp.Response clone = desk.admin.post("/api/promo-batches/" + batch + "/codes/" + codes.get(1)
                + "/clones", "{\"quantity\": 1}");
        assertThat(List.of(modify, enable, clone)).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer::toString).isEqualTo(409);
            assertThat(answer.json().get("code").asString()).isEqualTo("PROMO_BATCH_DELETED");
        });
        // The history stays: the batch's stream still holds its creation and its first redemption.
        assertThat(desk.events("PromoBatchCreatedEvent", batch)).isEqualTo(1);
    }

    private int redeemUntilExhausted(String code) {
        int accepted = 0;
        while (outcome(desk.redeem(code, "a")).equals("ACCEPTED")) {
            accepted++;
            assertThat(accepted).isLessThan(100);
        }
        return accepted;
    }
}
