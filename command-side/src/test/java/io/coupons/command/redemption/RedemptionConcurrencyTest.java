package io.coupons.command.redemption;

import static io.coupons.command.redemption.Shop.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideTest;
import io.coupons.platform.testing.Concurrently;
import io.coupons.platform.testing.TestHttp;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Exact limits when 16 clients redeem at once on one command-side instance (two: see TwoInstanceRedemptionTest). */
@CommandSideTest
class RedemptionConcurrencyTest {

    static final int THREADS = 16;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Shop shop;

    @BeforeEach
    void setUp() {
        shop = new Shop(port);
    }

    @Test
    void aHotCodeWithNUsesGetsExactlyNRedemptions() throws Exception {
        String code = shop.singleCode(50);

        List<TestHttp.Response> responses = Concurrently.run(THREADS, 400, i -> shop.redeem(code, newOrderId(), null));

        assertThat(Hammer.count(responses, 201)).isEqualTo(50);
        assertThat(Hammer.countReason(responses, "EXHAUSTED")).isEqualTo(350);
        assertThat(redemptionEvents(jdbc, code)).isEqualTo(50);
        assertThat(used(jdbc, code)).isEqualTo(50);
    }

    @Test
    void oneUsePerAccountHoldsWhenTheAccountRedeemsFromManyOrdersAtOnce() throws Exception {
        String code = Shop.unique("ONCE");
        shop.campaign(code, "SINGLE_CODE", shop.rule("\"percentOff\": 10, \"oneUsePerAccount\": true"), null);

        List<TestHttp.Response> responses = Concurrently.run(THREADS, 64, i -> shop.redeem(code, newOrderId(), "acc-race"));

        assertThat(Hammer.count(responses, 201)).isEqualTo(1);
        assertThat(Hammer.countReason(responses, "ALREADY_USED_BY_ACCOUNT")).isEqualTo(63);
        assertThat(redemptionEvents(jdbc, code)).isEqualTo(1);
    }

    @Test
    void racingRetriesOfOneOrderCountOnceAndAllGetTheSameAnswer() throws Exception {
        String code = shop.singleCode(10);
        String orderId = newOrderId();

        List<TestHttp.Response> responses = Concurrently.run(THREADS, 48, i -> shop.redeem(code, orderId, null));

        assertThat(Hammer.count(responses, 201)).isEqualTo(1);
        assertThat(Hammer.count(responses, 200)).isEqualTo(47);
        assertThat(responses.stream().map(r -> r.json().get("redemptionId").asString()).distinct()).hasSize(1);
        assertThat(redemptionEvents(jdbc, code)).isEqualTo(1);
        assertThat(used(jdbc, code)).isEqualTo(1);
    }

    @Test
    void anUnlimitedCodeTakesEveryRedemptionWithoutALedgerRow() throws Exception {
        String code = shop.singleCode(null);

        List<TestHttp.Response> responses = Concurrently.run(THREADS, 200, i -> shop.redeem(code, newOrderId(), null));

        assertThat(Hammer.count(responses, 201)).isEqualTo(200);
        assertThat(redemptionEvents(jdbc, code)).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM code_usage WHERE code = ?").param(code).query(Long.class).single())
                .isZero();
    }

    static long redemptionEvents(JdbcClient jdbc, String code) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.CodeRedeemedEvent'
                        AND convert_from(payload, 'UTF8')::jsonb ->> 'code' = ?""")
                .param(code).query(Long.class).single();
    }

    static int used(JdbcClient jdbc, String code) {
        return jdbc.sql("SELECT coalesce(max(used), 0) FROM code_usage WHERE code = ?").param(code)
                .query(Integer.class).single();
    }
}
