package io.coupons.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.command.CommandSideApplication;
import io.coupons.local.deployfiles.DeployFiles;
import io.coupons.platform.testing.ChildJvm;
import io.coupons.platform.testing.Concurrently;
import io.coupons.platform.testing.TestHttp;
import io.coupons.platform.testing.TestPostgres;
import io.coupons.query.QuerySideApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default scale-out, without Axon Server: two command-side and two query-side instances (child
 * JVMs) on one PostgreSQL. A mixed load (creates, a generation run, redemptions and reversals over
 * both command sides) runs while one of each is killed with {@code kill -9}. Afterwards nothing is
 * lost or applied twice: per code, the ledger's uses equal its redemption events minus its reversal
 * events and stay within the limit; the run has exactly its count; and the surviving query side,
 * having taken over the dead one's segments, shows exactly what the events say. On the way, the
 * deploy files' health checks and probes are run against the instances, one instance logs JSON as
 * the deploy files set it, and a graceful stop (SIGTERM) releases the processors' tokens.
 */
class MultiInstanceFailoverTest {

    private static final int CODES = 6;
    private static final int USES = 25;
    private static final int GENERATED = 30_000;
    private static final int ATTEMPTS = 900;

    /** The instances' logs, kept after the run (target/) for when it fails. */
    private final Path temp = Path.of("target", "multi-instance-logs");

    @Test
    void killingOneInstanceOfEachSideLosesNothingAndAppliesNothingTwice() throws Exception {
        java.nio.file.Files.createDirectories(temp);
        String database = TestPostgres.newDatabase();
        JdbcClient jdbc = JdbcClient.create(TestPostgres.dataSource(database));
        List<Process> processes = new ArrayList<>();
        try {
            // All four at once on the empty database: the two query sides race for their processors'
            // first tokens, which made the second fail to start (ProcessorStartSerialization).
            // Command side A logs JSON, as the deploy files configure it.
            int commandA = start(processes, CommandSideApplication.class, database, "command-a",
                    "--logging.structured.format.console=ecs", "--logging.level.io.coupons=info");
            int queryA = start(processes, QuerySideApplication.class, database, "query-a");
            int commandB = start(processes, CommandSideApplication.class, database, "command-b");
            int queryB = start(processes, QuerySideApplication.class, database, "query-b");
            for (int port : new int[] {commandA, queryA, commandB, queryB}) {
                awaitReady(port);
            }
            // The deploy files' health checks, run as the container and the kubelet would.
            assertThat(healthcheck("command-side", commandA)).as("compose healthcheck, command side").isZero();
            assertThat(healthcheck("query-side", queryA)).as("compose healthcheck, query side").isZero();
            assertThat(healthcheck("query-side", ChildJvm.freePort())).as("healthcheck of nothing").isNotZero();
            for (String side : DeployFiles.SIDES) {
                int port = side.equals("command-side") ? commandA : queryA;
                for (String path : DeployFiles.probePaths(side).values()) {
                    assertThat(TestHttp.at(port).get(path).status()).as(side + " " + path).isEqualTo(200);
                }
            }
            TestHttp adminA = TestHttp.at(commandA).as("admin");
            TestHttp adminB = TestHttp.at(commandB).as("admin");
            String rule = adminA.post("/api/discount-rules", "{\"name\": \"Failover\", \"terms\": {\"percentOff\": 10}}")
                    .json().get("id").asString();
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < CODES; i++) {
                String code = "FAILOVER" + i + "_" + Long.toString(System.nanoTime(), 36).toUpperCase();
                TestHttp admin = i % 2 == 0 ? adminA : adminB;
                TestHttp.Response created = admin.post("/api/campaigns", """
                        {"code": "%s", "type": "SINGLE_CODE", "discountRuleId": "%s", "usesPerCode": %d}"""
                        .formatted(code, rule, USES));
                assertThat(created.status()).as(created::toString).isEqualTo(201);
                codes.add(code);
            }
            String pool = adminB.post("/api/campaigns", "{\"code\": \"FAILPOOL\", \"type\": \"BULK_POOL\"}")
                    .json().get("id").asString();
            TestHttp.Response generate = adminB.post("/api/campaigns/" + pool + "/batches",
                    "{\"quantity\": " + GENERATED + "}");
            assertThat(generate.status()).as(generate::toString).isEqualTo(202);
            String run = generate.json().get("batchId").asString();

            TestHttp checkoutA = TestHttp.at(commandA).withoutContract().as("checkout");
            TestHttp checkoutB = TestHttp.at(commandB).withoutContract().as("checkout");
            AtomicInteger done = new AtomicInteger();
            Concurrently.run(16, ATTEMPTS, i -> {
                if (done.incrementAndGet() == ATTEMPTS / 3) {
                    processes.get(2).destroyForcibly(); // command side B
                    processes.get(3).destroyForcibly(); // query side B
                }
                TestHttp checkout = i % 2 == 0 ? checkoutA : checkoutB;
                String code = codes.get(i % CODES);
                String order = "failover-" + i;
                try {
                    TestHttp.Response answer = checkout.post("/api/redemptions", redemption(code, order));
                    if (answer.status() == 201 && i % 7 == 0) {
                        checkout.post("/api/redemptions/reversal", "{\"code\": \"" + code + "\", \"orderId\": \""
                                + order + "\", \"reason\": \"failover test\"}");
                    }
                    return answer.status();
                } catch (IllegalStateException deadInstance) {
                    return -1; // B is gone: the request may or may not have committed; the checks below decide
                }
            });
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> "COMPLETED"
                    .equals(jdbc.sql("SELECT state FROM generation_batch WHERE batch_id = ?::uuid").param(run)
                            .query(String.class).single()));

            // Command side: the ledger and the events agree for every code, within its limit.
            for (String code : codes) {
                long redeemed = events(jdbc, "CodeRedeemedEvent", code);
                long reversed = events(jdbc, "RedemptionReversedEvent", code);
                int used = jdbc.sql("SELECT coalesce(sum(used), 0) FROM code_usage WHERE code = ?").param(code)
                        .query(Integer.class).single();
                assertThat(used).as(code).isEqualTo(redeemed - reversed).isLessThanOrEqualTo(USES);
                assertThat(jdbc.sql("SELECT count(*) FROM redemption_key k WHERE EXISTS (SELECT 1 FROM "
                                + "domain_event_entry e WHERE e.aggregate_identifier = k.redemption_id::text)")
                        .query(Long.class).single()).isEqualTo(jdbc.sql("SELECT count(*) FROM redemption_key")
                        .query(Long.class).single());
            }
            assertThat(jdbc.sql("SELECT count(*) FROM coupon_code WHERE batch_id = ?::uuid").param(run)
                    .query(Long.class).single()).isEqualTo(GENERATED);
            assertThat(jdbc.sql("""
                            SELECT coalesce(sum(length(convert_from(payload, 'UTF8')::jsonb ->> 'randomParts')
                                                / (convert_from(payload, 'UTF8')::jsonb ->> 'randomLength')::int), 0)
                            FROM domain_event_entry WHERE payload_type LIKE '%BatchCodesGeneratedEvent'
                            AND convert_from(payload, 'UTF8')::jsonb -> 'batchId' ->> 'value' = ?""")
                    .param(run).query(Long.class).single()).isEqualTo(GENERATED);

            // Query side: the survivor took over the dead one's segments and shows exactly the events.
            long redemptions = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                    + "'%CodeRedeemedEvent'").query(Long.class).single();
            long reversals = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                    + "'%RedemptionReversedEvent'").query(Long.class).single();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(jdbc.sql("SELECT count(*) FROM redemption_view").query(Long.class).single())
                        .isEqualTo(redemptions);
                assertThat(jdbc.sql("SELECT count(*) FROM redemption_view WHERE reversed_at IS NOT NULL")
                        .query(Long.class).single()).isEqualTo(reversals);
                assertThat(jdbc.sql("SELECT generated FROM generation_batch_view WHERE batch_id = ?::uuid")
                        .param(run).query(Long.class).optional()).contains((long) GENERATED);
            });
            assertThat(jdbc.sql("SELECT count(*) FROM code_view WHERE batch_id = ?::uuid").param(run)
                    .query(Long.class).single()).isEqualTo(GENERATED);
            for (String code : codes) {
                long inForce = jdbc.sql("SELECT coalesce(sum(recorded - reversals), 0) FROM code_usage_view "
                        + "WHERE code = ?").param(code).query(Long.class).single();
                assertThat(inForce).as(code).isEqualTo(jdbc.sql("SELECT coalesce(sum(used), 0) FROM code_usage "
                        + "WHERE code = ?").param(code).query(Long.class).single());
            }
            assertThat(TestHttp.at(queryA).as("admin").get("/api/codes/" + codes.get(0)).status()).isEqualTo(200);

            // A graceful stop (SIGTERM, as Docker and Kubernetes send it) releases the processors'
            // tokens at once, so another instance need not wait for the claims to time out.
            Process survivor = processes.get(1);
            String owner = survivor.pid() + "@%";
            assertThat(claims(jdbc, owner)).as("segments query side A holds").isPositive();
            survivor.destroy();
            assertThat(survivor.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)).as("stopped in time").isTrue();
            assertThat(survivor.exitValue()).as("exit after SIGTERM").isEqualTo(143);
            assertThat(claims(jdbc, owner)).as("segments still claimed after a graceful stop").isZero();
            assertJsonLines(temp.resolve("command-a.log"));
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    private void awaitReady(int port) throws java.io.IOException {
        try {
            await().atMost(Duration.ofSeconds(180)).ignoreExceptions()
                    .until(() -> TestHttp.at(port).get("/actuator/health/readiness").status() == 200);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder logs = new StringBuilder();
            try (var files = java.nio.file.Files.list(temp)) {
                for (Path log : files.toList()) {
                    List<String> lines = java.nio.file.Files.readAllLines(log);
                    logs.append("\n== ").append(log).append('\n')
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
                }
            }
            throw new AssertionError("Port " + port + " never became ready; instance logs:" + logs, e);
        }
    }

    private int start(List<Process> processes, Class<?> main, String database, String name, String... extra)
            throws Exception {
        int port = ChildJvm.freePort();
        List<String> arguments = new ArrayList<>(List.of("--coupons.generation.chunk-size=1000"));
        arguments.addAll(List.of(extra));
        processes.add(ChildJvm.start(main, List.of("-Xmx320m"), database, port, temp.resolve(name + ".log"),
                arguments.toArray(String[]::new)));
        return port;
    }

    /** The compose healthcheck's exit status against an instance on this port. */
    private static int healthcheck(String side, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(DeployFiles.healthcheck(side)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        Process check = builder.start();
        assertThat(check.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("healthcheck finished").isTrue();
        return check.exitValue();
    }

    private static long claims(JdbcClient jdbc, String owner) {
        return jdbc.sql("SELECT count(*) FROM token_entry WHERE owner LIKE ?").param(owner).query(Long.class).single();
    }

    /** Every line a log collector reads is one JSON object with a timestamp, a level and a message. */
    private static void assertJsonLines(Path log) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("JSON log lines").isNotEmpty();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : lines) {
            com.fasterxml.jackson.databind.JsonNode entry = json.readTree(line);
            assertThat(entry.has("@timestamp") && entry.has("log") && entry.has("message")).as(line).isTrue();
        }
        assertThat(lines).anyMatch(line -> line.contains("Started CommandSideApplication"));
    }

    private static long events(JdbcClient jdbc, String type, String code) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ? "
                        + "AND convert_from(payload, 'UTF8')::jsonb ->> 'code' = ?")
                .params("%" + type, code).query(Long.class).single();
    }

    private static String redemption(String code, String orderId) {
        return """
                {"code": "%s", "order": {"orderId": "%s", "accountId": "acc-%s", "currency": "USD",
                 "lines": [{"variantId": "v", "quantity": 1, "unitPrice": 20.00}]}}""".formatted(code, orderId,
                UUID.randomUUID());
    }
}
