package io.coupons.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures a row reports: the median run's, with every run's rate, and the CPU split per attempt. */
class LoadResultTest {

    private static Load.Result run(long accepted, double p99, boolean ranOut) {
        return new Load.Result(accepted, 10.0, Map.of("accepted", accepted), 1.0, p99, p99, ranOut, List.of(),
                Map.of("client", accepted / 1000.0));
    }

    @Test
    void theMedianIsOneWholeRunAndKeepsEveryRunsRateInRunOrder() {
        Load.Result median = Load.Result.median(List.of(run(3_000, 30, false), run(1_000, 10, false),
                run(2_000, 20, false)), "accepted");

        assertEquals(2_000, median.count("accepted"));
        assertEquals(20, median.p99Ms(), "its latencies come from the same run as its rate");
        assertEquals(Map.of("client", 2.0), median.coreMsPerAttempt());
        assertEquals(List.of(300.0, 100.0, 200.0), median.runRates());
        assertFalse(median.ranOut());
    }

    @Test
    void ofTwoRunsTheSlowerCountsAndARunThatRanOutIsSaid() {
        Load.Result median = Load.Result.median(List.of(run(2_000, 20, true), run(1_000, 10, false)), "accepted");

        assertEquals(1_000, median.count("accepted"));
        assertTrue(median.ranOut());
    }

    @Test
    void cpuTicksBecomeCoreMillisecondsPerAttempt() {
        Map<String, Double> split = CpuMeter.perAttempt(Map.of("command side", 1_000L, "PostgreSQL", 500L),
                Map.of("command side", 1_300L, "PostgreSQL", 650L, "query side", 40L), 1_500);

        // 300 ticks of 10 ms over 1,500 attempts; a role read only once has no figure.
        assertEquals(Map.of("command side", 2.0, "PostgreSQL", 1.0), split);
        assertTrue(CpuMeter.perAttempt(Map.of("client", 1L), Map.of("client", 2L), 0).isEmpty());
    }

    @Test
    void theMeterReadsThisProcessAndPostgresOnLinux() {
        CpuMeter meter = new CpuMeter(Map.of("client", ProcessHandle.current().pid()));
        Map<String, Long> reading = meter.read();

        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat"))) {
            assertTrue(reading.get("client") > 0, "this JVM has used CPU: " + reading);
            assertTrue(reading.containsKey("PostgreSQL"));
        } else {
            assertTrue(reading.isEmpty());
        }
    }
}
