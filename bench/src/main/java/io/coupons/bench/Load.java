package io.coupons.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load: a fixed number of client threads, each sending its next attempt as soon as the
 * previous one answered. Latency is the client's: from just before the call to just after its answer.
 */
final class Load {

    /** One attempt; answers its outcome ({@code accepted}, a rejection reason, ...), or null when no work is left. */
    interface Attempt {
        String run(int thread, long sequence) throws Exception;
    }

    /**
     * @param attempts  attempts counted (those that started inside the measured window)
     * @param seconds   length of the measured window (shorter only if the work ran out)
     * @param outcomes  counted attempts by outcome
     */
    record Result(long attempts, double seconds, Map<String, Long> outcomes, double p50Ms, double p99Ms,
                  double maxMs, boolean ranOut, List<Double> runRates, Map<String, Double> coreMsPerAttempt) {

        /**
         * The run of median throughput of {@code outcome} (its latencies and outcomes too, so a row's
         * figures all come from one run), carrying every run's rate in run order.
         */
        static Result median(List<Result> runs, String outcome) {
            List<Result> sorted = new ArrayList<>(runs);
            sorted.sort(Comparator.comparingDouble(run -> run.perSecond(outcome)));
            Result median = sorted.get((sorted.size() - 1) / 2);
            List<Double> rates = runs.stream().map(run -> run.perSecond(outcome)).toList();
            return new Result(median.attempts, median.seconds, median.outcomes, median.p50Ms, median.p99Ms,
                    median.maxMs, runs.stream().anyMatch(Result::ranOut), rates, median.coreMsPerAttempt);
        }

        long count(String outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }

        double perSecond(String outcome) {
            return count(outcome) / seconds;
        }

        static Result fromJson(JsonNode json) {
            Map<String, Long> outcomes = new TreeMap<>();
            json.get("outcomes").properties().forEach(e -> outcomes.put(e.getKey(), e.getValue().asLong()));
            List<Double> rates = new ArrayList<>();
            if (json.has("runRates")) {
                json.get("runRates").forEach(rate -> rates.add(rate.asDouble()));
            }
            Map<String, Double> coreMs = new LinkedHashMap<>();
            if (json.has("coreMsPerAttempt")) {
                json.get("coreMsPerAttempt").properties().forEach(e -> coreMs.put(e.getKey(), e.getValue().asDouble()));
            }
            return new Result(json.get("attempts").asLong(), json.get("seconds").asDouble(), outcomes,
                    json.get("p50Ms").asDouble(), json.get("p99Ms").asDouble(), json.get("maxMs").asDouble(),
                    json.get("ranOut").asBoolean(), rates, coreMs);
        }

        Map<String, Object> asJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("attempts", attempts);
            json.put("seconds", seconds);
            json.put("outcomes", outcomes);
            json.put("p50Ms", p50Ms);
            json.put("p99Ms", p99Ms);
            json.put("maxMs", maxMs);
            json.put("ranOut", ranOut);
            json.put("runRates", runRates);
            json.put("coreMsPerAttempt", coreMsPerAttempt);
            return json;
        }
    }

    private Load() {
    }

    /** Runs for {@code warmup} unmeasured, then counts the attempts that start in the next {@code measured}. */
    static Result timed(int threads, Duration warmup, Duration measured, Attempt attempt) throws InterruptedException {
        return timed(threads, warmup, measured, attempt, null);
    }

    /** As above; {@code meter} (or null) reads the contestant's CPU at the window's start and end. */
    static Result timed(int threads, Duration warmup, Duration measured, Attempt attempt, CpuMeter meter)
            throws InterruptedException {
        long start = System.nanoTime();
        long windowStart = start + warmup.toNanos();
        long windowEnd = windowStart + measured.toNanos();
        return run(threads, attempt, windowStart, windowEnd, Integer.MAX_VALUE, meter);
    }

    /** Exactly {@code attempts} attempts shared by the threads, all counted. */
    static Result fixed(int threads, int attempts, Attempt attempt) throws InterruptedException {
        return run(threads, attempt, Long.MIN_VALUE, Long.MAX_VALUE, attempts, null);
    }

    private static Result run(int threads, Attempt attempt, long windowStart, long windowEnd, int maxAttempts,
                              CpuMeter meter) throws InterruptedException {
        CpuReadings cpu = meter == null ? null : new CpuReadings(meter, windowStart, windowEnd);
        Client[] clients = new Client[threads];
        AtomicInteger started = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        long[] first = {0};
        for (int t = 0; t < threads; t++) {
            Client client = clients[t] = new Client();
            int thread = t;
            workers[t] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (long sequence = 0; ; sequence++) {
                    long before = System.nanoTime();
                    if (before >= windowEnd || started.getAndIncrement() >= maxAttempts) {
                        return;
                    }
                    String outcome;
                    try {
                        outcome = attempt.run(thread, sequence);
                    } catch (Exception e) {
                        outcome = "error: " + e.getClass().getSimpleName();
                        client.noteError(e);
                    }
                    long after = System.nanoTime();
                    if (outcome == null) {
                        client.ranOut = true;
                        return;
                    }
                    if (before >= windowStart) {
                        client.record(outcome, after - before, after);
                    }
                }
            }, "load-client-" + t);
            workers[t].start();
        }
        first[0] = System.nanoTime();
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        long finished = System.nanoTime();
        Map<String, Long>[] readings = cpu == null ? null : cpu.await();

        Map<String, Long> outcomes = new TreeMap<>();
        int total = 0;
        boolean ranOut = false;
        long lastEnd = 0;
        for (Client client : clients) {
            client.outcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum));
            total += client.size;
            ranOut |= client.ranOut;
            lastEnd = Math.max(lastEnd, client.lastEnd);
            if (client.firstError != null) {
                System.err.println("first error of a client: " + client.firstError);
            }
        }
        long[] latencies = new long[total];
        int at = 0;
        for (Client client : clients) {
            System.arraycopy(client.latencies, 0, latencies, at, client.size);
            at += client.size;
        }
        Arrays.sort(latencies);
        double seconds;
        if (windowStart == Long.MIN_VALUE) {
            seconds = (finished - first[0]) / 1e9;
        } else if (ranOut) {
            seconds = (lastEnd - windowStart) / 1e9;
        } else {
            seconds = (windowEnd - windowStart) / 1e9;
        }
        Map<String, Double> coreMs = readings == null || readings[1] == null ? Map.of()
                : CpuMeter.perAttempt(readings[0], readings[1], total);
        return new Result(total, seconds, outcomes, percentile(latencies, 0.50), percentile(latencies, 0.99),
                total == 0 ? 0 : latencies[total - 1] / 1e6, ranOut, List.of(), coreMs);
    }

    /**
     * Reads the meter when the measured window opens and when it closes, on a thread of its own
     * (the clients never wait for it). A window the work ran out in has no second reading in time:
     * the run then has no split.
     */
    private static final class CpuReadings {

        @SuppressWarnings("unchecked")
        private final Map<String, Long>[] readings = new Map[2];
        private final Thread reader;

        CpuReadings(CpuMeter meter, long windowStart, long windowEnd) {
            reader = new Thread(() -> {
                try {
                    sleepUntil(windowStart);
                    readings[0] = meter.read();
                    sleepUntil(windowEnd);
                    readings[1] = meter.read();
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }, "cpu-meter");
            reader.setDaemon(true);
            reader.start();
        }

        Map<String, Long>[] await() throws InterruptedException {
            reader.join(1_000);
            if (reader.isAlive()) {
                reader.interrupt();
                readings[1] = null;
            }
            return readings;
        }

        private static void sleepUntil(long nanoTime) throws InterruptedException {
            long wait = nanoTime - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }

    /** The q-quantile of sorted nanoseconds, in ms (nearest rank; q = 1 is the max). */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** One thread's record, merged after the run (no sharing while it runs). */
    private static final class Client {
        long[] latencies = new long[1 << 14];
        int size;
        long lastEnd;
        boolean ranOut;
        String firstError;
        final Map<String, Long> outcomes = new TreeMap<>();

        void record(String outcome, long latency, long end) {
            if (size == latencies.length) {
                latencies = Arrays.copyOf(latencies, size * 2);
            }
            latencies[size++] = latency;
            lastEnd = end;
            outcomes.merge(outcome, 1L, Long::sum);
        }

        void noteError(Exception e) {
            if (firstError == null) {
                firstError = e.toString();
            }
        }
    }
}
