package io.coupons.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The redemption workloads, run the same way for every contestant (the service over HTTP, the
 * service's command bus in-process, the plain-PostgreSQL baseline, the CRUD peer): 16 closed-loop
 * clients, every attempt for a new order id.
 *
 * <ol>
 *   <li>warm-up, not measured: distinct codes for {@code warmup}, then the hot code for {@code warmup};</li>
 *   <li>distinct: each attempt takes the next unused code of the pool (one use each), so no two
 *       attempts touch one row; {@link #RAMP} unmeasured, then {@code measured};</li>
 *   <li>hot: every attempt redeems the same code (uses to spare); {@link #RAMP}, then {@code measured};</li>
 *   <li>distinct and hot again, {@code runs} times in all, taking turns (so a drift of the machine
 *       during the run touches both alike); each workload's figure is its median run's
 *       ({@link Load.Result#median});</li>
 *   <li>exact: {@code attempts} attempts on a code with fewer uses; exactly its uses must be accepted.</li>
 * </ol>
 */
final class RedemptionWorkloads {

    static final int CLIENTS = 16;
    static final Duration RAMP = Duration.ofSeconds(2);

    /** One redemption attempt by one contestant; answers {@code accepted} or the rejection reason. */
    interface Redeemer {
        String redeem(int client, String code, String orderId) throws Exception;
    }

    /** The measured workloads, and the machine's 1-minute load average before and after each. */
    record Results(Load.Result distinct, Load.Result hot, Load.Result exact, Map<String, String> load) {

        Map<String, Object> asJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("distinct", distinct.asJson());
            json.put("hot", hot.asJson());
            json.put("exact", exact.asJson());
            json.put("load", load);
            return json;
        }

        static Results fromJson(com.fasterxml.jackson.databind.JsonNode json) {
            Map<String, String> load = new LinkedHashMap<>();
            json.get("load").properties().forEach(e -> load.put(e.getKey(), e.getValue().asText()));
            return new Results(Load.Result.fromJson(json.get("distinct")), Load.Result.fromJson(json.get("hot")),
                    Load.Result.fromJson(json.get("exact")), load);
        }
    }

    private RedemptionWorkloads() {
    }

    /** Distinct one-use codes, each handed out once, across every workload that draws from it. */
    static final class Pool {

        private final List<String> codes;
        private final AtomicInteger next = new AtomicInteger();

        Pool(List<String> codes) {
            this.codes = codes;
        }

        /** The next unused code, or null when none is left. */
        String next() {
            int i = next.getAndIncrement();
            return i >= codes.size() ? null : codes.get(i);
        }
    }

    static Results run(Redeemer redeemer, Pool pool, String hot, String exact, int exactAttempts,
                       Duration warmup, Duration measured, int runs, String run, CpuMeter meter)
            throws InterruptedException {
        AtomicLong nextOrder = new AtomicLong();
        Load.Attempt distinctAttempt = distinct(redeemer, pool, run + "-", nextOrder);
        Load.Attempt hotAttempt = (client, sequence) ->
                redeemer.redeem(client, hot, run + "-" + nextOrder.incrementAndGet());
        System.out.printf("  workloads: warm-up %d s distinct + %d s hot, then %d runs of each (%d s ramp + %d s "
                + "measured), then the exact-N check%n", warmup.toSeconds(), warmup.toSeconds(), runs, RAMP.toSeconds(),
                measured.toSeconds());
        Load.timed(CLIENTS, Duration.ZERO, warmup, distinctAttempt);
        Load.timed(CLIENTS, Duration.ZERO, warmup, hotAttempt);
        Map<String, String> load = new LinkedHashMap<>();
        List<Load.Result> distinctRuns = new ArrayList<>();
        List<Load.Result> hotRuns = new ArrayList<>();
        List<String> distinctLoad = new ArrayList<>();
        List<String> hotLoad = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String before = loadAverage();
            distinctRuns.add(Load.timed(CLIENTS, RAMP, measured, distinctAttempt, meter));
            String between = loadAverage();
            hotRuns.add(Load.timed(CLIENTS, RAMP, measured, hotAttempt, meter));
            distinctLoad.add(before + " -> " + between);
            hotLoad.add(between + " -> " + loadAverage());
        }
        load.put("distinct", String.join(", ", distinctLoad));
        load.put("hot", String.join(", ", hotLoad));
        Load.Result distinct = Load.Result.median(distinctRuns, "accepted");
        Load.Result hotResult = Load.Result.median(hotRuns, "accepted");
        Load.Result exactResult = Load.fixed(CLIENTS, exactAttempts,
                (client, sequence) -> redeemer.redeem(client, exact, run + "-" + nextOrder.incrementAndGet()));
        return new Results(distinct, hotResult, exactResult, load);
    }

    /**
     * One more run of the distinct workload on what is left of {@code pool}, after {@link #run}:
     * {@link #RAMP}, then {@code measured} ({@code orderPrefix} keeps the order ids apart from
     * {@link #run}'s).
     */
    static Load.Result distinctOnce(Redeemer redeemer, Pool pool, Duration measured, String orderPrefix,
                                    CpuMeter meter) throws InterruptedException {
        return Load.timed(CLIENTS, RAMP, measured, distinct(redeemer, pool, orderPrefix, new AtomicLong()), meter);
    }

    private static Load.Attempt distinct(Redeemer redeemer, Pool pool, String orderPrefix, AtomicLong nextOrder) {
        return (client, sequence) -> {
            String code = pool.next();
            return code == null ? null : redeemer.redeem(client, code, orderPrefix + nextOrder.incrementAndGet());
        };
    }

    /**
     * One code for every attempt, a new order each ({@code orderPrefix} + a counter, so the ids stay
     * apart from {@link #run}'s): {@link #RAMP} unmeasured, then {@code measured}, {@code runs} times;
     * the median run of {@code outcome}. The unlimited-code rows and the HTTP floor, after
     * {@link #run} warmed the contestant up.
     */
    static Load.Result oneCode(Redeemer redeemer, String code, Duration measured, int runs, String outcome,
                               String orderPrefix, CpuMeter meter) throws InterruptedException {
        AtomicLong nextOrder = new AtomicLong();
        Load.Attempt attempt = (client, sequence) ->
                redeemer.redeem(client, code, orderPrefix + nextOrder.incrementAndGet());
        List<Load.Result> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            results.add(Load.timed(CLIENTS, RAMP, measured, attempt, meter));
        }
        return Load.Result.median(results, outcome);
    }

    /** The machine's 1-minute load average (2 cores: above 2 means work is waiting for a core). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
