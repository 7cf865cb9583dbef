package io.coupons.command.redemption;

import static io.coupons.command.redemption.RedemptionConcurrencyTest.redemptionEvents;
import static io.coupons.command.redemption.Shop.newOrderId;
import static io.coupons.command.redemption.Shop.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.coupons.api.redemption.RedemptionDecision;
import io.coupons.api.redemption.RejectionReason;
import io.coupons.command.CommandSideApplication;
import io.coupons.command.CommandSideTest;
import io.coupons.platform.testing.ChildJvm;
import io.coupons.platform.testing.Concurrently;
import io.coupons.platform.testing.TestHttp;
import io.coupons.platform.testing.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hole: a client blocked on one instance was still served by an instance that had not seen its
 * misses (a hit got through, and each instance allowed one more miss). Two command-side instances,
 * this one and a second JVM, on one PostgreSQL: the second has never seen the client and refuses
 * it on its first request.
 */
@CommandSideTest
class TwoInstanceLookupThrottleTest {

    static final int ALLOWED_MISSES = 10;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    CommandGateway commands;

    @Autowired
    RedemptionProperties settings;

    @TempDir
    Path temp;

    @Test
    void anInstanceThatNeverSawTheMissesRefusesABlockedAccountAndABlockedCallerOnTheirFirstRequest()
            throws Exception {
        Guesser guesser = new Guesser(commands);
        int otherPort = ChildJvm.freePort();
        Process other = ChildJvm.start(CommandSideApplication.class, List.of("-Xmx384m"),
                ((HikariDataSource) dataSource).getJdbcUrl(), otherPort, temp.resolve("second-instance.log"),
                "--coupons.security.users[3].name=" + guesser.caller,
                "--coupons.security.users[3].password={noop}" + TestUsers.PASSWORD,
                "--coupons.security.users[3].roles=CHECKOUT");
        try {
            Shop here = new Shop(port);
            Shop there = new Shop(otherPort);
            String valid = here.singleCode(null);
            // Blocked here: an account by its own misses, a caller by misses under new account ids.
            String account = "acc-" + Shop.unique("blocked-here");
            for (int i = 0; i < ALLOWED_MISSES; i++) {
                assertThat(reason(here.redeem("GUESS" + i + Shop.unique("T"), newOrderId(), account)))
                        .isEqualTo("UNKNOWN_CODE");
            }
            List<RedemptionDecision> guesses = Concurrently.run(8, settings.callerMissLimit(),
                    i -> guesser.redeem("GUESS" + i + Shop.unique("T"), "acc-" + Shop.unique("new")));
            assertThat(guesses).extracting(RedemptionDecision::reason).containsOnly(RejectionReason.UNKNOWN_CODE);
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                    .until(() -> there.admin.get("/actuator/health").status() == 200);
            TestHttp guessingCheckoutThere = TestHttp.at(otherPort).as(guesser.caller);

            TestHttp.Response accountsFirst = there.redeem(valid, newOrderId(), account);
            TestHttp.Response accountsValidation = there.validate(valid, Shop.order(newOrderId(), account));
            TestHttp.Response callersFirst = guessingCheckoutThere.post("/api/redemptions",
                    redemption(valid, "acc-" + Shop.unique("fresh")));
            TestHttp.Response callersGuess = guessingCheckoutThere.post("/api/redemptions",
                    redemption("GUESS" + Shop.unique("T"), "acc-" + Shop.unique("fresh")));

            for (TestHttp.Response refused : List.of(accountsFirst, accountsValidation, callersFirst, callersGuess)) {
                assertThat(refused.status()).as(refused::toString).isEqualTo(429);
                assertThat(reason(refused)).isEqualTo("TOO_MANY_ATTEMPTS");
                assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L + 1);
            }
            assertThat(redemptionEvents(jdbc, valid)).isZero();
            assertThat(jdbc.sql("SELECT misses FROM code_lookup_miss WHERE client_key = ?")
                    .param("caller:" + guesser.caller).query(Integer.class).single())
                    .isEqualTo(settings.callerMissLimit());
            // Refusing is per key: the same code for another account of an unblocked caller still works there.
            assertThat(there.redeem(valid, newOrderId(), "acc-" + Shop.unique("honest")).status()).isEqualTo(201);
        } finally {
            other.destroy();
            other.waitFor();
        }
    }

    private static String redemption(String code, String accountId) {
        return "{\"code\": \"" + code + "\", \"order\": " + Shop.order(newOrderId(), accountId) + "}";
    }
}
