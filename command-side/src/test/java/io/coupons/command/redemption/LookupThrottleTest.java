package io.coupons.command.redemption;

import static io.coupons.command.redemption.Shop.newOrderId;
import static io.coupons.command.redemption.Shop.reason;
import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideTest;
import io.coupons.platform.testing.Concurrently;
import io.coupons.platform.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Guessing codes is throttled per client: after the allowed misses every lookup waits (default: 10 per 15 minutes). */
@CommandSideTest
class LookupThrottleTest {

    static final int ALLOWED_MISSES = 10;

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
    void aClientThatMissesTooOftenGets429WithRetryAfterEvenForAValidCode() {
        String valid = shop.singleCode(null);
        String account = "acc-" + Shop.unique("brute");
        for (int i = 0; i < ALLOWED_MISSES; i++) {
            TestHttp.Response miss = shop.redeem("GUESS" + i + Shop.unique("X"), newOrderId(), account);
            assertThat(reason(miss)).as("miss " + i).isEqualTo("UNKNOWN_CODE");
        }

        TestHttp.Response blocked = shop.redeem(valid, newOrderId(), account);
        TestHttp.Response blockedValidation = shop.validate(valid, Shop.order(newOrderId(), account));

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(reason(blocked)).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 15 * 60L + 1);
        assertThat(blockedValidation.status()).isEqualTo(429);
        assertThat(RedemptionConcurrencyTest.redemptionEvents(jdbc, valid)).isZero();
    }

    @Test
    void otherClientsAreNotBlockedAndMissesBelowTheLimitBlockNobody() {
        String valid = shop.singleCode(null);
        String guesser = "acc-" + Shop.unique("guesser");
        for (int i = 0; i < ALLOWED_MISSES; i++) {
            shop.redeem("GUESS" + i + Shop.unique("Y"), newOrderId(), guesser);
        }
        String careless = "acc-" + Shop.unique("careless");
        for (int i = 0; i < ALLOWED_MISSES - 1; i++) {
            shop.redeem("TYPO" + i + Shop.unique("Z"), newOrderId(), careless);
        }

        assertThat(shop.redeem(valid, newOrderId(), "acc-" + Shop.unique("honest")).status()).isEqualTo(201);
        assertThat(shop.redeem(valid, newOrderId(), careless).status()).isEqualTo(201);
    }

    @Test
    void missesAreCountedPerAccountInTheDatabaseThatEveryInstanceShares() {
        String account = "acc-" + Shop.unique("counted");
        shop.redeem("NOSUCH" + Shop.unique("C"), newOrderId(), account);
        shop.redeem("NOSUCH" + Shop.unique("C"), newOrderId(), account);

        assertThat(jdbc.sql("SELECT misses FROM code_lookup_miss WHERE client_key = ?").param("account:" + account)
                .query(Integer.class).single()).isEqualTo(2);
    }

    /** Each miss is counted in its own transaction; it must never wait for a second pooled connection. */
    @Test
    void aBurstOfConcurrentGuessesIsAnsweredWithoutStarvingTheConnectionPool() throws Exception {
        var responses = Concurrently.run(16, 96,
                i -> shop.redeem("BURST" + i + Shop.unique("B"), newOrderId(), "acc-burst-" + i + Shop.unique("a")));

        assertThat(Hammer.countReason(responses, "UNKNOWN_CODE")).isEqualTo(96);
    }
}
