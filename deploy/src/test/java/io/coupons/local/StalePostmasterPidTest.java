package io.coupons.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A {@code postmaster.pid} left behind by a server that is gone must not block the next start,
 * whether its PID is free or now belongs to an unrelated process.
 */
class StalePostmasterPidTest {

    @TempDir
    Path data;

    @Test
    void startsOverAPidFileWhoseProcessIsGone() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor(10, TimeUnit.SECONDS);
        assertStartsOverPidFileNaming(finished.pid());
    }

    @Test
    void startsOverAPidFileWhosePidNowBelongsToAnUnrelatedProcess() throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        try {
            assertStartsOverPidFileNaming(unrelated.pid());
            assertThat(unrelated.isAlive()).as("an unrelated process is never signalled").isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    /** A real server leaves its pid file; after a clean stop the file is put back with another PID. */
    private void assertStartsOverPidFileNaming(long pid) throws Exception {
        Path postgres = data.resolve("postgres");
        Path pidFile = postgres.resolve("postmaster.pid");
        List<String> lines;
        try (LocalDatabase database = LocalDatabase.start(postgres, 0)) {
            lines = new ArrayList<>(Files.readAllLines(pidFile));
        }
        lines.set(0, Long.toString(pid));
        Files.write(pidFile, lines);

        try (DataFolderLock lock = DataFolderLock.acquire(data)) {
            OrphanPostmaster.stopIfRunning(lock, postgres);
            try (LocalDatabase database = LocalDatabase.start(postgres, 0)) {
                JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl()));
                assertThat(jdbc.sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
                assertThat(Files.readAllLines(pidFile).get(0)).isNotEqualTo(Long.toString(pid));
            }
        }
    }
}
