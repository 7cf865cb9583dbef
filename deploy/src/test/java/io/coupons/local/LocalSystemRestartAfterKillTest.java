package io.coupons.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.platform.testing.ChildJvm;
import io.coupons.platform.testing.TestHttp;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command after a crash: the local system in a JVM of its own, killed with SIGKILL
 * so that no shutdown hook runs and its PostgreSQL lives on as an orphan. The next start must stop
 * the orphan and come up on the same data; a second start beside a live system must be refused.
 */
class LocalSystemRestartAfterKillTest {

    private static final Duration STARTUP = Duration.ofSeconds(180);

    @TempDir
    Path data;

    private final List<Child> children = new ArrayList<>();
    private final List<Long> postmasters = new ArrayList<>();

    @Test
    void startsCleanlyAfterKill9WithTheDataAndLoginsOfBefore() throws Exception {
        Child first = start("first");
        first.awaitServing();
        String password = login("admin");
        TestHttp.Response rule = TestHttp.at(first.commandPort).as("admin", password).post("/api/discount-rules", """
                {"name": "Before the crash", "terms": {"percentOff": 10, "displayMessage": "10% off"}}""");
        assertThat(rule.status()).as(rule::toString).isEqualTo(201);
        String ruleId = rule.json().get("id").asString();

        Child second = start("second");
        assertThat(second.process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).as("second start ends").isTrue();
        assertThat(second.process.exitValue()).isNotZero();
        assertThat(second.log()).contains("in use by another local system");
        assertThat(TestHttp.at(first.commandPort).get("/actuator/health").status()).isEqualTo(200);

        long orphan = postmasterPid().orElseThrow();
        postmasters.add(orphan);
        first.process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook stops PostgreSQL
        assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.process.exitValue()).as("killed by signal 9").isEqualTo(128 + 9);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("orphan PostgreSQL").contains(true);

        Child restarted = start("restarted");
        restarted.awaitServing();
        postmasterPid().ifPresent(postmasters::add);
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("orphan stopped").isEmpty();
        assertThat(restarted.log()).contains("Stopping PostgreSQL (process " + orphan + ")");
        assertThat(login("admin")).isEqualTo(password);
        TestHttp queries = TestHttp.at(restarted.queryPort).as("admin", password);
        TestHttp.Response kept = await().atMost(Duration.ofSeconds(30))
                .until(() -> queries.get("/api/discount-rules/" + ruleId), response -> response.status() == 200);
        assertThat(kept.json().get("name").asString()).isEqualTo("Before the crash");
    }

    @AfterEach
    void stopEverythingStarted() throws Exception {
        for (Child child : children) {
            child.process.destroy(); // SIGTERM: the shutdown hook stops its PostgreSQL
            if (!child.process.waitFor(60, TimeUnit.SECONDS)) {
                child.process.destroyForcibly();
                child.process.waitFor(30, TimeUnit.SECONDS);
            }
        }
        // The orphan too if the restart failed; SIGINT is PostgreSQL's fast shutdown.
        postmasterPid().ifPresent(postmasters::add);
        for (long pid : postmasters) {
            Optional<ProcessHandle> postgres = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (postgres.isPresent()) {
                new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
                postgres.get().onExit().get(60, TimeUnit.SECONDS);
            }
        }
    }

    private Child start(String name) throws IOException {
        int commandPort = ChildJvm.freePort();
        int queryPort = ChildJvm.freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Dcoupons.data-dir=" + data, "-cp", System.getProperty("java.class.path"),
                LocalSystem.class.getName(), "--logging.level.root=warn")
                .redirectErrorStream(true).redirectOutput(data.resolve(name + ".log").toFile());
        builder.environment().put("COMMAND_SIDE_PORT", Integer.toString(commandPort));
        builder.environment().put("QUERY_SIDE_PORT", Integer.toString(queryPort));
        Child child = new Child(name, builder.start(), commandPort, queryPort);
        children.add(child);
        return child;
    }

    private Optional<Long> postmasterPid() throws IOException {
        Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    }

    private String login(String user) throws IOException {
        Properties logins = new Properties();
        try (Reader reader = Files.newBufferedReader(data.resolve("logins.properties"))) {
            logins.load(reader);
        }
        return logins.getProperty(user);
    }

    private final class Child {

        final String name;
        final Process process;
        final int commandPort;
        final int queryPort;

        Child(String name, Process process, int commandPort, int queryPort) {
            this.name = name;
            this.process = process;
            this.commandPort = commandPort;
            this.queryPort = queryPort;
        }

        /** Up when it printed its banner and both sides answer; fails at once if the JVM ends first. */
        void awaitServing() throws InterruptedException {
            long deadline = System.nanoTime() + STARTUP.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as(() -> name + " ended early:\n" + log()).isTrue();
                if (log().contains("Coupon service is up") && healthy(commandPort) && healthy(queryPort)) {
                    return;
                }
                Thread.sleep(500);
            }
            throw new AssertionError(name + " did not come up within " + STARTUP + ":\n" + log());
        }

        String log() {
            try {
                return Files.readString(data.resolve(name + ".log"));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        private static boolean healthy(int port) {
            return TestHttp.at(port).get("/actuator/health").status() == 200;
        }
    }
}
