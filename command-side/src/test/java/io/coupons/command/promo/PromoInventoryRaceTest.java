package io.coupons.command.promo;

import static io.coupons.command.promo.PromoDesk.TEN_OFF;
import static io.coupons.command.promo.PromoDesk.numberOfCodes;
import static io.coupons.command.promo.PromoDesk.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.coupons.command.CommandSideApplication;
import io.coupons.command.CommandSideTest;
import io.coupons.platform.testing.ChildJvm;
import io.coupons.platform.testing.Concurrently;
import io.coupons.platform.testing.TestHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Modify Inventory while 16 clients redeem the batch's codes, on one and on two command-side
 * instances. After the storm every code is redeemed until EXHAUSTED, so the arithmetic is exact
 * whatever the timing:
 * <ul>
 *   <li>Increment only: each code's redemptions = initial inventory + the sum of the increments;</li>
 *   <li>with Sets: each code's redemptions counted in the last Set = that Set's amount plus the
 *   increments after it, and in every earlier Set at most what that Set allowed;</li>
 *   <li>always: one CodeRedeemedEvent per 201 answer, none lost, none doubled.</li>
 * </ul>
 */
@CommandSideTest
class PromoInventoryRaceTest {

    private static final int CODES = 4;
    private static final int ATTEMPTS = 480;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path temp;

    PromoDesk desk;

    @BeforeEach
    void setUp() {
        desk = new PromoDesk(port, jdbc);
    }

    @Test
    void incrementsRacingRedemptionsAddExactlyTheirAmounts() throws Exception {
        String batch = batch(20);
        int accepted = storm(batch, List.of(desk), List.of(desk), List.of("INCREMENT 5", "INCREMENT 5", "INCREMENT 5",
                "INCREMENT 5", "INCREMENT 5", "INCREMENT 5", "INCREMENT 5", "INCREMENT 5"));
        for (String code : desk.codes(batch)) {
            assertThat(bySet(code)).as(code).isEqualTo(Map.of(0, 20L + 8 * 5));
        }
        assertThat(redemptionEvents(batch)).isEqualTo(accepted).isEqualTo(CODES * 60);
    }

    @Test
    void setsRacingRedemptionsReplaceTheRemainingUsagesExactly() throws Exception {
        String batch = batch(20);
        int accepted = storm(batch, List.of(desk), List.of(desk), List.of("SET 7", "INCREMENT 2", "SET 3", "SET 10",
                "INCREMENT 4"));
        for (String code : desk.codes(batch)) {
            Map<Integer, Long> counted = bySet(code);
            assertThat(counted.get(3)).as(code).isEqualTo(10L + 4);
            assertThat(counted.getOrDefault(0, 0L)).isLessThanOrEqualTo(20);
            assertThat(counted.getOrDefault(1, 0L)).isLessThanOrEqualTo(7 + 2);
            assertThat(counted.getOrDefault(2, 0L)).isLessThanOrEqualTo(3);
        }
        assertThat(redemptionEvents(batch)).isEqualTo(accepted);
    }

    @Test
    void incrementsAndSetsStayExactAcrossTwoCommandSideInstances() throws Exception {
        int otherPort = ChildJvm.freePort();
        Process other = ChildJvm.start(CommandSideApplication.class, List.of("-Xmx384m"),
                ((HikariDataSource) dataSource).getJdbcUrl(), otherPort, temp.resolve("second-instance.log"));
        try {
            PromoDesk there = new PromoDesk(otherPort, jdbc);
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                    .until(() -> there.admin.get("/actuator/health").status() == 200);
            String batch = batch(20);
            int accepted = storm(batch, List.of(desk, there), List.of(there, desk, there, desk),
                    List.of("INCREMENT 5", "SET 8", "INCREMENT 3", "INCREMENT 1"));
            for (String code : desk.codes(batch)) {
                Map<Integer, Long> counted = bySet(code);
                assertThat(counted.get(1)).as(code).isEqualTo(8L + 3 + 1);
                assertThat(counted.getOrDefault(0, 0L)).isLessThanOrEqualTo(20 + 5);
            }
            assertThat(redemptionEvents(batch)).isEqualTo(accepted);
        } finally {
            other.destroy();
            other.waitFor();
        }
    }

    private String batch(long inventory) {
        return desk.generate(numberOfCodes(CODES, TEN_OFF,
                "\"inventoryEnabled\": true, \"inventory\": " + inventory));
    }

    /**
     * Redeems the codes from 16 clients (split over {@code redeemers}) while {@code modifications}
     * are applied one after another (through {@code modifiers} in turn), then drains every code
     * until EXHAUSTED. Answers how many redemptions were accepted in all.
     */
    private int storm(String batch, List<PromoDesk> redeemers, List<PromoDesk> modifiers, List<String> modifications)
            throws Exception {
        List<String> codes = desk.codes(batch);
        CompletableFuture<List<TestHttp.Response>> redemptions = CompletableFuture.supplyAsync(() -> {
            try {
                return Concurrently.run(16, ATTEMPTS, i -> redeemers.get(i % redeemers.size())
                        .redeem(codes.get(i % CODES), "acc-" + i));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = 0; i < modifications.size(); i++) {
            Thread.sleep(40);
            String[] step = modifications.get(i).split(" ");
            TestHttp.Response modified = modifiers.get(i % modifiers.size())
                    .modifyInventory(batch, step[0], Long.parseLong(step[1]));
            assertThat(modified.status()).as(modified::toString).isEqualTo(200);
        }
        int accepted = 0;
        for (TestHttp.Response answer : redemptions.get()) {
            String outcome = outcome(answer);
            assertThat(outcome).isIn("ACCEPTED", "EXHAUSTED");
            accepted += outcome.equals("ACCEPTED") ? 1 : 0;
        }
        for (String code : codes) {
            while (outcome(desk.redeem(code, "drain")).equals("ACCEPTED")) {
                accepted++;
            }
        }
        return accepted;
    }

    /** The code's redemptions by the inventory Set they were counted in. */
    private Map<Integer, Long> bySet(String code) {
        Map<Integer, Long> counted = new HashMap<>();
        jdbc.sql("""
                        SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'inventorySet')::int, count(*)
                        FROM domain_event_entry WHERE payload_type LIKE '%CodeRedeemedEvent'
                        AND convert_from(payload, 'UTF8')::jsonb ->> 'code' = ? GROUP BY 1""")
                .param(code).query((row, i) -> counted.put(row.getInt(1), row.getLong(2))).list();
        return counted;
    }

    private long redemptionEvents(String batch) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%CodeRedeemedEvent' "
                        + "AND convert_from(payload, 'UTF8')::jsonb -> 'promoBatchId' ->> 'value' = ?")
                .param(batch).query(Long.class).single();
    }
}
