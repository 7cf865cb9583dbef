package io.coupons.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time the processes of one contestant used, by role ({@code client}, {@code command side},
 * {@code PostgreSQL}, ...), read from Linux's {@code /proc/<pid>/stat} (user + system time, in
 * clock ticks of 10 ms). {@link Load} takes a reading at the start and at the end of a measured
 * window, so a row can say what one redemption cost each process in core-milliseconds: the split
 * of a figure into HTTP client, service and database. PostgreSQL is every process named
 * {@code postgres} (the bench's embedded server is the only one while it runs; each contestant
 * has the server to itself). Where {@code /proc} cannot be read the meter reads nothing, and rows
 * simply have no split.
 */
final class CpuMeter {

    private static final double MS_PER_TICK = 10.0;
    private static final Path PROC = Path.of("/proc");

    private final Map<String, Long> roles;

    /** @param roles process id by role; PostgreSQL's processes are found by name */
    CpuMeter(Map<String, Long> roles) {
        this.roles = new LinkedHashMap<>(roles);
    }

    /** Clock ticks used so far, by role (PostgreSQL's summed over its processes). */
    Map<String, Long> read() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        roles.forEach((role, pid) -> {
            long used = ticks(PROC.resolve(Long.toString(pid)));
            if (used >= 0) {
                ticks.put(role, used);
            }
        });
        long postgres = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, path ->
                path.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path process : processes) {
                if (isPostgres(process)) {
                    postgres += Math.max(0, ticks(process));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return ticks;
        }
        ticks.put("PostgreSQL", postgres);
        return ticks;
    }

    /**
     * Core-milliseconds per counted attempt, by role, between two readings. Backends that ended in
     * between take their ticks with them, so PostgreSQL's figure is a lower bound if connections
     * closed during the window (the contestants' pools keep theirs open).
     */
    static Map<String, Double> perAttempt(Map<String, Long> before, Map<String, Long> after, long attempts) {
        Map<String, Double> split = new LinkedHashMap<>();
        if (attempts == 0) {
            return split;
        }
        after.forEach((role, ticks) -> {
            Long start = before.get(role);
            if (start != null) {
                split.put(role, Math.max(0, ticks - start) * MS_PER_TICK / attempts);
            }
        });
        return split;
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip().equals("postgres");
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    /** utime + stime (fields 14 and 15 of stat, counted after the command name's closing parenthesis), or -1. */
    private static long ticks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }
}
