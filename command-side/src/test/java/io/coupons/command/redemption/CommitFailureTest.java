package io.coupons.command.redemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.command.CommandSideTest;
import io.coupons.platform.testing.TestHttp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fault injection on the path every profile now takes: a commit that fails after the event was
 * appended. A deferred constraint trigger on Axon's event table raises at COMMIT for marked events,
 * after the event row and the rule's rows were all written in the transaction. Nothing of the
 * decision may survive, and a retry must count exactly once.
 */
@CommandSideTest
class CommitFailureTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTrigger() {
        jdbc.sql("DROP TRIGGER IF EXISTS fail_marked_commit ON domain_event_entry").update();
    }

    @Test
    void aRedemptionWhoseCommitFailsLeavesNoEventNoUseAndNoKeyAndItsRetryCountsOnce() {
        Shop shop = new Shop(port);
        String code = shop.singleCode(1);
        failCommitsOfEventsContaining("failcommit-order");

        TestHttp.Response failed = shop.redeem(code, "failcommit-order", "acc-1");
        assertThat(failed.status()).as(failed::toString).isEqualTo(500);
        assertThat(events("%failcommit-order%")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM code_usage WHERE code = ?").param(code).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM redemption_key").query(Long.class).single())
                .isEqualTo(events("%CodeRedeemedEvent%", "payload_type"));

        removeTrigger();
        TestHttp.Response retried = shop.redeem(code, "failcommit-order", "acc-1");
        assertThat(retried.status()).as(retried::toString).isEqualTo(201);
        assertThat(shop.redeem(code, Shop.newOrderId(), "acc-2").json().get("code").asString()).isEqualTo("EXHAUSTED");
        assertThat(events("%failcommit-order%")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT used FROM code_usage WHERE code = ?").param(code).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aGenerationChunkWhoseCommitFailsIsWrittenAgainAndTheRunEndsWithExactlyItsCount() {
        TestHttp admin = TestHttp.at(port).as("admin");
        failCommitsOfEventsContaining("\"chunk\":1,");
        TestHttp.Response accepted = admin.post("/api/promo-batches", """
                {"method": "NUMBER_OF_CODES", "numberOfCodes": 25000, "codeLength": 11, "name": "Commit failure",
                 "enabled": true, "terms": {"percentOff": 5}}""");
        assertThat(accepted.status()).as(accepted::toString).isEqualTo(202);
        UUID run = UUID.fromString(accepted.json().get("runId").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT failures FROM generation_batch WHERE batch_id = ?").param(run).query(Integer.class).single() >= 1);
        assertThat(registered(run)).as("only the first chunk committed").isEqualTo(10_000);

        removeTrigger();
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(jdbc.sql(
                "SELECT state FROM generation_batch WHERE batch_id = ?").param(run).query(String.class).single()));
        assertThat(registered(run)).isEqualTo(25_000);
        assertThat(jdbc.sql("""
                        SELECT coalesce(sum(length(convert_from(payload, 'UTF8')::jsonb ->> 'packedCodes') / 11), 0)
                        FROM domain_event_entry WHERE payload_type LIKE '%PromoCodesGeneratedEvent'
                        AND convert_from(payload, 'UTF8')::jsonb ->> 'runId' = ?""")
                .param(run.toString()).query(Long.class).single()).isEqualTo(25_000);
    }

    /** The next commits of transactions that appended an event whose payload contains {@code marker} fail. */
    private void failCommitsOfEventsContaining(String marker) {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION fail_marked_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF position('%s' in convert_from(NEW.payload, 'UTF8')) > 0 THEN
                        RAISE EXCEPTION 'injected commit failure';
                    END IF;
                    RETURN NULL;
                END $$""".formatted(marker.replace("'", "''"))).update();
        jdbc.sql("""
                CREATE CONSTRAINT TRIGGER fail_marked_commit AFTER INSERT ON domain_event_entry
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_marked_commit()""").update();
    }

    private long events(String payloadLike) {
        return events(payloadLike, "convert_from(payload, 'UTF8')");
    }

    private long events(String like, String column) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE " + column + " LIKE ?").param(like)
                .query(Long.class).single();
    }

    private long registered(UUID run) {
        return jdbc.sql("SELECT count(*) FROM coupon_code WHERE batch_id = ?").param(run).query(Long.class).single();
    }
}
