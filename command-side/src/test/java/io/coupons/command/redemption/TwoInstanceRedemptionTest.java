package io.coupons.command.redemption;

import static io.coupons.command.redemption.RedemptionConcurrencyTest.redemptionEvents;
import static io.coupons.command.redemption.RedemptionConcurrencyTest.used;
import static io.coupons.command.redemption.Shop.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.coupons.command.CommandSideApplication;
import io.coupons.command.CommandSideTest;
import io.coupons.platform.testing.Concurrently;
import io.coupons.platform.testing.ChildJvm;
import io.coupons.platform.testing.TestHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two command-side instances (this one and a second JVM) on one PostgreSQL, 16 clients split
 * between them: the limits hold because the database decides, not either JVM.
 */
@CommandSideTest
class TwoInstanceRedemptionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path temp;

    @Test
    void limitsHoldAcrossTwoCommandSideInstances() throws Exception {
        int otherPort = ChildJvm.freePort();
        Process other = ChildJvm.start(CommandSideApplication.class, List.of("-Xmx384m"),
                ((HikariDataSource) dataSource).getJdbcUrl(), otherPort, temp.resolve("second-instance.log"));
        try {
            Shop here = new Shop(port);
            Shop there = new Shop(otherPort);
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                    .until(() -> there.admin.get("/actuator/health").status() == 200);

            String hot = here.singleCode(60);
            List<TestHttp.Response> hotAnswers = Concurrently.run(16, 480,
                    i -> (i % 2 == 0 ? here : there).redeem(hot, newOrderId(), null));
            assertThat(Hammer.count(hotAnswers, 201)).isEqualTo(60);
            assertThat(Hammer.countReason(hotAnswers, "EXHAUSTED")).isEqualTo(420);
            assertThat(redemptionEvents(jdbc, hot)).isEqualTo(60);
            assertThat(used(jdbc, hot)).isEqualTo(60);

            String once = Shop.unique("ONCE");
            here.campaign(once, "SINGLE_CODE", here.rule("\"percentOff\": 10, \"oneUsePerAccount\": true"), null);
            List<TestHttp.Response> onceAnswers = Concurrently.run(16, 64,
                    i -> (i % 2 == 0 ? here : there).redeem(once, newOrderId(), "acc-two-jvms"));
            assertThat(Hammer.count(onceAnswers, 201)).isEqualTo(1);
            assertThat(redemptionEvents(jdbc, once)).isEqualTo(1);

            String retried = here.singleCode(10);
            String orderId = newOrderId();
            List<TestHttp.Response> retries = Concurrently.run(16, 48,
                    i -> (i % 2 == 0 ? here : there).redeem(retried, orderId, null));
            assertThat(Hammer.count(retries, 201)).isEqualTo(1);
            assertThat(Hammer.count(retries, 200)).isEqualTo(47);
            assertThat(redemptionEvents(jdbc, retried)).isEqualTo(1);
        } finally {
            other.destroy();
            other.waitFor();
        }
    }
}
