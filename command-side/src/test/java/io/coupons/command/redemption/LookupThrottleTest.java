package io.coupons.command.redemption;

import static io.coupons.command.redemption.Shop.newOrderId;
import static io.coupons.command.redemption.Shop.reason;
import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.redemption.RedemptionDecision;
import io.coupons.api.redemption.RejectionReason;
import io.coupons.command.CommandSideTest;
import io.coupons.platform.testing.Concurrently;
import io.coupons.platform.testing.TestHttp;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Guessing codes is throttled per account (default: 10 misses per 15 minutes) and per authenticated
 * caller (default: 500): after the allowed misses every lookup of that key waits.
 */
@CommandSideTest
class LookupThrottleTest {

    static final int ALLOWED_MISSES = 10;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway commands;

    @Autowired
    RedemptionProperties settings;

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

        assertThat(misses("account:" + account)).isEqualTo(2);
    }

    /** The hole: one checkout naming a new accountId with every guess was never throttled at all. */
    @Test
    void aCallerSendingANewAccountIdWithEveryGuessIsRefusedOnceItsCallerWideBudgetIsSpent() throws Exception {
        String valid = shop.singleCode(null);
        Guesser guesser = new Guesser(commands);
        int budget = settings.callerMissLimit();
        String accounts = "acc-" + Shop.unique("rotating");

        List<RedemptionDecision> guesses = Concurrently.run(8, budget,
                i -> guesser.redeem("GUESS" + i + Shop.unique("R"), accounts + "-" + i));
        RedemptionDecision hit = guesser.redeem(valid, accounts + "-new");
        RedemptionDecision validation = guesser.validate(valid, accounts + "-newer");
        RedemptionDecision anotherGuess = guesser.redeem("GUESS" + Shop.unique("R"), accounts + "-newest");

        assertThat(guesses).extracting(RedemptionDecision::reason).containsOnly(RejectionReason.UNKNOWN_CODE);
        assertThat(List.of(hit, validation, anotherGuess)).extracting(RedemptionDecision::reason)
                .containsOnly(RejectionReason.TOO_MANY_ATTEMPTS);
        assertThat(hit.retryAfterSeconds()).isBetween(1L, settings.callerMissWindow().toSeconds() + 1);
        assertThat(RedemptionConcurrencyTest.redemptionEvents(jdbc, valid)).isZero();
        // Every miss counted on both keys, none lost under concurrency, none after the block.
        assertThat(misses("caller:" + guesser.caller)).isEqualTo(budget);
        assertThat(jdbc.sql("SELECT count(*) FROM code_lookup_miss WHERE client_key LIKE ? AND misses = 1")
                .param("account:" + accounts + "-%").query(Integer.class).single()).isEqualTo(budget);
        // Another checkout is not blocked by this one.
        assertThat(shop.redeem(valid, newOrderId(), "acc-" + Shop.unique("elsewhere")).status()).isEqualTo(201);
    }

    /** One shopper of a checkout still has its own, much smaller allowance: the caller's is for all of them. */
    @Test
    void theCallerWideBudgetIsSizedForAWholeCheckoutFarAboveOneAccountsAllowance() {
        assertThat(settings.callerMissLimit()).isGreaterThanOrEqualTo(ALLOWED_MISSES * 10);
        assertThat(settings.unknownCodeLimit()).isEqualTo(ALLOWED_MISSES);
    }

    /** Each miss is counted in its own transaction; it must never wait for a second pooled connection. */
    @Test
    void aBurstOfConcurrentGuessesIsAnsweredWithoutStarvingTheConnectionPool() throws Exception {
        var responses = Concurrently.run(16, 96,
                i -> shop.redeem("BURST" + i + Shop.unique("B"), newOrderId(), "acc-burst-" + i + Shop.unique("a")));

        assertThat(Hammer.countReason(responses, "UNKNOWN_CODE")).isEqualTo(96);
    }

    private int misses(String clientKey) {
        return jdbc.sql("SELECT misses FROM code_lookup_miss WHERE client_key = ?").param(clientKey)
                .query(Integer.class).single();
    }
}
