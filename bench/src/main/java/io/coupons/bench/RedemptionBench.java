package io.coupons.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coupons.bench.peer.PeerCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The redemption rows (BRIEF §5): distinct limited codes and one hot limited code, 16 concurrent
 * clients, and the exact-N check, for four contestants on the same PostgreSQL in one run:
 * <ol>
 *   <li>the plain-PostgreSQL baseline ({@link BaselineRedemption}),</li>
 *   <li>the CRUD peer: the plain Spring MVC service a user would write instead of ours, over HTTP
 *       ({@link CrudPeer}); also an unlimited code and its HTTP floor (authenticated, parsed, no SQL),</li>
 *   <li>the service over HTTP (both sides as their own JVMs, checkout's POST /api/redemptions), also
 *       on an unlimited code; held against the baseline and against the peer,</li>
 *   <li>the same command side with the clients inside its JVM, sending {@code RedeemCodeCommand}
 *       through the Axon command gateway ({@link InProcessCommandSide}), so the HTTP cost shows.</li>
 * </ol>
 * Each contestant runs {@link RedemptionWorkloads#run}: a warm-up of both workloads, then each measured
 * for a fixed time, then the exact-N check (a fixed number of attempts). The baseline is measured once
 * per invocation: the promo rows ({@link PromoBench}) are held against the same figures.
 */
final class RedemptionBench {

    static final String CHECKOUT_USER = "bench-checkout";
    private static final String UNLIMITED = "UNLIMITED1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchDatabase database;
    private final Api api;
    private final String password;
    private final List<String> users;
    private final Path work;
    private final String heap;
    private final Duration warmup;
    private final Duration measured;
    private final int servicePool;
    private final int baselinePool;
    private final int exactUses;
    private final int exactAttempts;
    private final int runs;
    /** Diagnostic: print each contestant's costliest statements (pg_stat_statements) after its workloads. */
    private final boolean statements;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private int tasks;
    private Measured baseline;

    RedemptionBench(BenchDatabase database, Api api, String password, List<String> users, Path work,
                    Map<String, String> options) {
        this.database = database;
        this.api = api;
        this.password = password;
        this.users = users;
        this.work = work;
        this.heap = options.getOrDefault("heap", "512m");
        this.warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("redeem-warmup", "30")));
        this.measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("redeem-seconds", "15")));
        this.servicePool = Integer.parseInt(options.getOrDefault("redeem-codes", "300000"));
        this.baselinePool = Integer.parseInt(options.getOrDefault("baseline-codes", "2000000"));
        this.exactUses = Integer.parseInt(options.getOrDefault("exact-uses", "100"));
        this.exactAttempts = Integer.parseInt(options.getOrDefault("exact-attempts", "800"));
        this.runs = Integer.parseInt(options.getOrDefault("redeem-runs", "3"));
        this.statements = Boolean.parseBoolean(options.getOrDefault("pg-statements", "false"));
    }

    /**
     * What one contestant did; {@code used} and {@code events} are the database's count for the exact
     * code; {@code unlimited} (ours over HTTP, the peer) and {@code floor} (the peer) are null for
     * the others.
     */
    private record Measured(RedemptionWorkloads.Results results, long used, Long events,
                            Map<String, Long> peakMemoryMb, Load.Result unlimited, Load.Result floor,
                            Load.Result queryRunning, Load.Result queryPaused) {

        Measured(RedemptionWorkloads.Results results, long used, Long events, Map<String, Long> peakMemoryMb) {
            this(results, used, events, peakMemoryMb, null, null, null, null);
        }

        Load.Result distinct() {
            return results.distinct();
        }

        Load.Result hot() {
            return results.hot();
        }

        Load.Result exact() {
            return results.exact();
        }

        Map<String, String> load() {
            return results.load();
        }
    }

    /** The codes a service run redeems: a pool of distinct ones, a hot one and the exact-N one. */
    record Codes(List<String> pool, String hot, String exact) {
    }

    /**
     * What the rows of one kind of code are called, and where the service counts the exact code's uses.
     *
     * @param exact      the exact row's name, formatted with (uses, attempts)
     * @param latencyTag goes before "distinct" / "hot" in the latency rows' names
     * @param usage      the column the exact code's uses are counted in, as the note names it
     * @param usageKey   the exact row's details key for that count
     * @param usedSql    that count, for one code (null for the CRUD peer, which {@link CrudPeer#used} counts)
     * @param records    what the exact code's recorded redemptions are, as the note names them
     */
    record Kind(String distinct, String distinctNote, String hot, String exact, String latencyTag, String usage,
                String usageKey, String usedSql, String records) {

        /** A kind of our codes: their redemptions are recorded as events. */
        Kind(String distinct, String distinctNote, String hot, String exact, String latencyTag, String usage,
             String usageKey, String usedSql) {
            this(distinct, distinctNote, hot, exact, latencyTag, usage, usageKey, usedSql, "CodeRedeemedEvents");
        }
    }

    static final Kind CAMPAIGN = new Kind("redeem distinct limited codes", "each attempt a new one-use code",
            "redeem one hot limited code", "exactly %1$d of %2$d attempts on a %1$d-use code", "", "code_usage.used",
            "oursCodeUsageUsed", "SELECT coalesce(max(used), 0) FROM code_usage WHERE code = ?");

    /** The CRUD peer's rows: the peer in the ours column, against the bare-SQL baseline. */
    private static final Kind PEER = new Kind("CRUD peer: redeem distinct limited codes",
            "each attempt a new one-use code", "CRUD peer: redeem one hot limited code",
            "CRUD peer: exactly %1$d of %2$d attempts on a %1$d-use code", "CRUD peer ", "peer_code.used",
            "peerCodeUsed", null, "peer_redemption rows");

    /**
     * What a contestant's rows must meet against the bare-SQL baseline (null: no target).
     *
     * @param overHttp whether its clients go through HTTP Basic (the rows' note says so)
     */
    private record Targets(Double minRatio, Double maxP99Ms, boolean overHttp) {
    }

    private static final Targets OURS_OVER_HTTP = new Targets(0.3, 50.0, true);
    private static final Targets OURS_IN_PROCESS = new Targets(0.5, null, false);
    private static final Targets PEER_OVER_HTTP = new Targets(null, null, true);
    /** Ours over HTTP against the CRUD peer: throughput ratios at least these. */
    private static final double PEER_DISTINCT = 0.5;
    private static final double PEER_HOT = 0.5;
    private static final double PEER_UNLIMITED = 0.7;

    void run(Consumer<Row> add) throws Exception {
        Measured baseline = baseline();
        Measured peer = peer();
        print("CRUD peer over HTTP", peer);
        addRows(add, PEER, "over HTTP", peer, baseline, PEER_OVER_HTTP);
        addPeerOnlyRows(add, peer);
        Measured http = service(false);
        print("service over HTTP", http);
        addRows(add, CAMPAIGN, "over HTTP", http, baseline, OURS_OVER_HTTP);
        addRowsAgainstPeer(add, http, peer);
        Measured inProcess = service(true);
        print("command bus in-process", inProcess);
        addRows(add, CAMPAIGN, "via command bus, in-process", inProcess, baseline, OURS_IN_PROCESS);
    }

    /**
     * The same workloads over HTTP on codes of another kind (promo codes), on a service the caller
     * runs, against this invocation's baseline (measured now if the campaign rows did not run).
     */
    void runOn(Consumer<Row> add, Kind kind, Service service, String databaseName, Codes codes) throws Exception {
        Measured baseline = baseline();
        Measured http = overHttp(service, databaseName, codes, kind, null);
        print(kind.distinct() + " over HTTP", http);
        addRows(add, kind, "over HTTP", http, baseline, OURS_OVER_HTTP);
    }

    /** The plain-PostgreSQL contestant, measured on the first call of this invocation. */
    private Measured baseline() throws Exception {
        if (baseline == null) {
            baseline = measureBaseline();
            print("baseline (plain PostgreSQL)", baseline);
        }
        return baseline;
    }

    private Measured measureBaseline() throws Exception {
        String name = "bench_baseline_redeem";
        List<String> pool = BaselineRedemption.load(database, name, baselinePool, exactUses);
        try (BaselineRedemption baseline = BaselineRedemption.connect(database, name)) {
            resetStatements();
            RedemptionWorkloads.Results results = RedemptionWorkloads.run(baseline, new RedemptionWorkloads.Pool(pool),
                    BaselineRedemption.HOT, BaselineRedemption.EXACT, exactAttempts, warmup, measured, runs, run,
                    new CpuMeter(Map.of("client (JDBC)", ProcessHandle.current().pid())));
            printStatements(name);
            return new Measured(results, baseline.uses(BaselineRedemption.EXACT), null, null);
        }
    }

    /**
     * The CRUD peer over HTTP with the same client code: the workloads, then the unlimited code, then
     * its HTTP floor. Its pool is the baseline's size: it may redeem faster than ours.
     */
    private Measured peer() throws Exception {
        try (CrudPeer peer = CrudPeer.start(database, "bench_crud_peer", heap, users, work, baselinePool, exactUses);
             HttpCheckout checkout = new HttpCheckout(peer.port(), "/redeem", CHECKOUT_USER, password);
             HttpCheckout floor = new HttpCheckout(peer.port(), "/floor", CHECKOUT_USER, password)) {
            CpuMeter meter = new CpuMeter(Map.of("client", ProcessHandle.current().pid(), "CRUD peer", peer.pid()));
            resetStatements();
            RedemptionWorkloads.Results results = RedemptionWorkloads.run(checkout,
                    new RedemptionWorkloads.Pool(peer.pool()), PeerCodes.HOT, PeerCodes.EXACT, exactAttempts, warmup,
                    measured, runs, run, meter);
            Load.Result unlimited = RedemptionWorkloads.oneCode(checkout, PeerCodes.UNLIMITED, measured, runs,
                    "accepted", run + "-unlimited-", meter);
            Load.Result floorResult = RedemptionWorkloads.oneCode(floor::status, PeerCodes.HOT, measured, runs,
                    "ok", run + "-floor-", meter);
            printStatements("bench_crud_peer");
            if (!peer.alive()) {
                throw new IllegalStateException("the CRUD peer died (see logs in " + work + ")");
            }
            return new Measured(results, peer.used(PeerCodes.EXACT), peer.redemptions(PeerCodes.EXACT),
                    peer.peakMemory(), unlimited, floorResult, null, null);
        }
    }

    private Measured service(boolean inProcess) throws Exception {
        String name = inProcess ? "bench_redeem_in_process" : "bench_redeem_http";
        try (Service service = Service.start(database, name, heap, users, work, inProcess)) {
            Codes codes = setUp(service, name);
            resetStatements();
            if (!inProcess) {
                return overHttp(service, name, codes, CAMPAIGN, UNLIMITED);
            }
            Path file = work.resolve(name + "-codes.txt");
            Files.write(file, codes.pool());
            RedemptionWorkloads.Results results = task(service, Map.of("codes", file.toString(), "hot", codes.hot(),
                    "exact", codes.exact(), "exactAttempts", exactAttempts, "warmup", warmup.toSeconds(),
                    "seconds", measured.toSeconds(), "runs", runs, "queryPid", service.query().pid()));
            return measuredOn(service, name, codes, CAMPAIGN, results);
        }
    }

    /**
     * @param unlimited an unlimited code to redeem after the workloads, or null for none; with one,
     *                  the distinct workload runs once more with the query side paused (SIGSTOP), so
     *                  the rows can say what projecting the redemptions on the same two cores costs
     */
    private Measured overHttp(Service service, String databaseName, Codes codes, Kind kind, String unlimited)
            throws Exception {
        RedemptionWorkloads.Results results;
        Load.Result unlimitedResult = null;
        Load.Result queryRunning = null;
        Load.Result queryPaused = null;
        CpuMeter meter = new CpuMeter(Map.of("client", ProcessHandle.current().pid(),
                "command side", service.command().pid(), "query side", service.query().pid()));
        RedemptionWorkloads.Pool pool = new RedemptionWorkloads.Pool(codes.pool());
        try (HttpCheckout checkout = new HttpCheckout(service.command().port(), CHECKOUT_USER, password)) {
            results = RedemptionWorkloads.run(checkout, pool, codes.hot(), codes.exact(), exactAttempts,
                    warmup, measured, runs, run, meter);
            if (unlimited != null) {
                unlimitedResult = RedemptionWorkloads.oneCode(checkout, unlimited, measured, runs, "accepted",
                        run + "-unlimited-", meter);
                // Pairs of runs, the query side running then paused, so both halves are equally warm;
                // before each running half it has caught up with what the paused one left it.
                List<Load.Result> running = new ArrayList<>();
                List<Load.Result> paused = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    service.awaitCaughtUp(api, Duration.ofMinutes(10));
                    running.add(RedemptionWorkloads.distinctOnce(checkout, pool, measured,
                            run + "-query-running-" + i + "-", meter));
                    service.query().pause(true);
                    try {
                        paused.add(RedemptionWorkloads.distinctOnce(checkout, pool, measured,
                                run + "-query-paused-" + i + "-", meter));
                    } finally {
                        service.query().pause(false);
                    }
                }
                service.awaitCaughtUp(api, Duration.ofMinutes(10));
                queryRunning = Load.Result.median(running, "accepted");
                queryPaused = Load.Result.median(paused, "accepted");
            }
        }
        return measuredOn(service, databaseName, codes, kind, results, unlimitedResult, queryRunning, queryPaused);
    }

    private Measured measuredOn(Service service, String databaseName, Codes codes, Kind kind,
                                RedemptionWorkloads.Results results) throws Exception {
        return measuredOn(service, databaseName, codes, kind, results, null, null, null);
    }

    private Measured measuredOn(Service service, String databaseName, Codes codes, Kind kind,
                                RedemptionWorkloads.Results results, Load.Result unlimited, Load.Result queryRunning,
                                Load.Result queryPaused) throws Exception {
        printStatements(databaseName);
        if (!service.command().alive() || !service.query().alive()) {
            throw new IllegalStateException("a side died (see logs in " + work + ")");
        }
        try (Connection connection = database.connect(databaseName)) {
            return new Measured(results, used(connection, kind, codes.exact()),
                    redeemedEvents(connection, codes.exact()), service.peakMemory(), unlimited, null, queryRunning, queryPaused);
        }
    }

    /**
     * A rule, a bulk pool of one-use codes (generated by the service), a hot code, the exact-N code
     * and an unlimited code (a campaign without usesPerCode).
     */
    private Codes setUp(Service service, String databaseName) throws Exception {
        int port = service.command().port();
        String rule = api.post(port, "/api/discount-rules",
                "{\"name\": \"bench 10% off\", \"terms\": {\"percentOff\": 10}}").get("id").asText();
        String pool = campaign(port, "POOL", "BULK_POOL", rule, 1);
        campaign(port, "HOT1", "SINGLE_CODE", rule, 1_000_000_000);
        campaign(port, "EXACT1", "SINGLE_CODE", rule, exactUses);
        campaign(port, UNLIMITED, "SINGLE_CODE", rule, null);
        api.post(port, "/api/campaigns/" + pool + "/batches", "{\"quantity\": " + servicePool + "}");
        try (Connection connection = database.connect(databaseName)) {
            awaitGenerated(service, connection, pool);
            List<String> codes = new ArrayList<>(servicePool);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT code FROM coupon_code WHERE campaign_id = ?::uuid")) {
                select.setString(1, pool);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        codes.add(rows.getString(1));
                    }
                }
            }
            if (codes.size() != servicePool) {
                throw new IllegalStateException("expected " + servicePool + " codes, found " + codes.size());
            }
            Collections.shuffle(codes, new Random(42));
            service.awaitCaughtUp(api, Duration.ofMinutes(10));
            return new Codes(codes, "HOT1", "EXACT1");
        }
    }

    /** @param usesPerCode null: unlimited (the field left out) */
    private String campaign(int port, String code, String type, String rule, Integer usesPerCode) throws Exception {
        return api.post(port, "/api/campaigns", """
                {"code": "%s", "type": "%s", "discountRuleId": "%s"%s}"""
                .formatted(code, type, rule, usesPerCode == null ? "" : ", \"usesPerCode\": " + usesPerCode))
                .get("id").asText();
    }

    private void awaitGenerated(Service service, Connection connection, String campaign) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state FROM generation_batch WHERE campaign_id = ?::uuid")) {
            select.setString(1, campaign);
            while (System.nanoTime() < deadline) {
                if (!service.command().alive()) {
                    throw new IllegalStateException("the command side died (see logs in " + work + ")");
                }
                try (ResultSet row = select.executeQuery()) {
                    String state = row.next() ? row.getString(1) : null;
                    if ("COMPLETED".equals(state)) {
                        return;
                    }
                    if ("FAILED".equals(state)) {
                        throw new IllegalStateException("generation of the redemption pool failed");
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the redemption pool was not generated in 10 minutes");
    }

    private void resetStatements() throws java.sql.SQLException {
        if (statements) {
            database.resetStatements();
        }
    }

    private void printStatements(String databaseName) throws java.sql.SQLException {
        if (statements) {
            System.out.println("  costliest statements of " + databaseName + " since its workloads began:");
            database.topStatements(databaseName, 15).forEach(line -> System.out.println("    " + line));
        }
    }

    /** Hands the workloads to the in-process driver and waits for its result file. */
    private RedemptionWorkloads.Results task(Service service, Map<String, Object> task) throws Exception {
        Path out = work.resolve("in-process-task-" + ++tasks + ".json");
        Map<String, Object> line = new LinkedHashMap<>(task);
        line.put("run", run);
        line.put("out", out.toString());
        service.command().send(JSON.writeValueAsString(line));
        long deadline = System.nanoTime() + warmup.plus(measured).multipliedBy(2).plusMinutes(10).toNanos();
        while (!Files.exists(out)) {
            if (!service.command().alive()) {
                throw new IllegalStateException("the in-process command side died (see logs in " + work + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no answer from the in-process driver for " + line);
            }
            Thread.sleep(100);
        }
        return RedemptionWorkloads.Results.fromJson(JSON.readTree(out.toFile()));
    }

    private void addRows(Consumer<Row> add, Kind kind, String how, Measured ours, Measured baseline,
                         Targets targets) {
        String warm = "median of " + runs + " runs of " + measured.toSeconds() + " s after a warm-up of " + warmup.toSeconds()
                + " s distinct + " + warmup.toSeconds() + " s hot and a " + RedemptionWorkloads.RAMP.toSeconds() + " s ramp"
                + (targets.overHttp() ? "; HTTP Basic on every request" : "");
        add.accept(Row.minRatio(kind.distinct() + ", 16 clients " + how,
                ours.distinct().perSecond("accepted"), baseline.distinct().perSecond("accepted"), "/s",
                targets.minRatio(), ours.peakMemoryMb(), warm + "; " + kind.distinctNote() + "; "
                        + outcomes(ours.distinct(), baseline.distinct(), "ours " + ours.load().get("distinct")
                        + ", baseline " + baseline.load().get("distinct")), details(ours.distinct(), baseline.distinct())));
        add.accept(Row.atMost("  latency p50 / p99 (" + kind.latencyTag() + "distinct, " + how + ")",
                ours.distinct().p99Ms(), baseline.distinct().p99Ms(), "ms", targets.maxP99Ms(), ours.peakMemoryMb(),
                "client-side" + (targets.maxP99Ms() == null ? "" : "; target on p99"),
                details(ours.distinct(), baseline.distinct())));
        add.accept(Row.minRatio(kind.hot() + ", 16 clients " + how,
                ours.hot().perSecond("accepted"), baseline.hot().perSecond("accepted"), "/s", targets.minRatio(),
                ours.peakMemoryMb(), warm + "; one code, a new order per attempt; "
                        + outcomes(ours.hot(), baseline.hot(), "ours " + ours.load().get("hot")
                        + ", baseline " + baseline.load().get("hot")), details(ours.hot(), baseline.hot())));
        add.accept(Row.atMost("  latency p50 / p99 (" + kind.latencyTag() + "hot, " + how + ")", ours.hot().p99Ms(),
                baseline.hot().p99Ms(), "ms", null, ours.peakMemoryMb(), "client-side",
                details(ours.hot(), baseline.hot())));

        long accepted = ours.exact().count("accepted");
        long exhausted = ours.exact().count("EXHAUSTED");
        boolean exact = accepted == exactUses && exhausted == exactAttempts - exactUses && ours.used() == exactUses
                && ours.events() == exactUses;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ours", ours.exact().outcomes());
        details.put(kind.usageKey(), ours.used());
        details.put("oursRedeemedEvents", ours.events());
        details.put("baseline", baseline.exact().outcomes());
        details.put("baselineUses", baseline.used());
        add.accept(new Row(String.format(Locale.ROOT, kind.exact(), exactUses, exactAttempts) + ", " + how, accepted,
                (double) baseline.exact().count("accepted"), "",
                "= " + exactUses + " everywhere", exact, ours.peakMemoryMb(),
                String.format(Locale.ROOT, "ours: %d accepted, %d EXHAUSTED, %s %d, %d %s;"
                                + " baseline: %d updated, uses %d", accepted, exhausted, kind.usage(), ours.used(),
                        ours.events(), kind.records(), baseline.exact().count("accepted"), baseline.used()), details));
    }

    /** The peer's unlimited code and HTTP floor: nothing of the baseline's to hold them against. */
    private void addPeerOnlyRows(Consumer<Row> add, Measured peer) {
        add.accept(Row.minRatio("CRUD peer: redeem one unlimited code, 16 clients over HTTP",
                peer.unlimited().perSecond("accepted"), null, "/s", null, peer.peakMemoryMb(),
                oneCodeNote("one code without a limit (its counter still counted), a new order per attempt",
                        peer.unlimited(), null), details(peer.unlimited(), null)));
        add.accept(Row.minRatio("CRUD peer: HTTP floor, POST /floor, 16 clients", peer.floor().perSecond("ok"), null,
                "/s", null, peer.peakMemoryMb(), oneCodeNote("the redemption's request and body, parsed by Jackson, "
                        + "answered {} without touching the database", peer.floor(), null), details(peer.floor(), null)));
        add.accept(Row.atMost("  latency p50 / p99 (CRUD peer floor)", peer.floor().p99Ms(), null, "ms", null,
                peer.peakMemoryMb(), "client-side", details(peer.floor(), null)));
    }

    /** Ours over HTTP in the ours column, the CRUD peer in the baseline column. */
    private void addRowsAgainstPeer(Consumer<Row> add, Measured ours, Measured peer) {
        add.accept(Row.minRatio("  vs CRUD peer: distinct limited codes, 16 clients over HTTP",
                ours.distinct().perSecond("accepted"), peer.distinct().perSecond("accepted"), "/s", PEER_DISTINCT,
                ours.peakMemoryMb(), "the peer: one JDBC transaction (guarded UPDATE + INSERT, unique per code "
                        + "and order), same client, same measurement; peer " + peer.distinct().outcomes() + "; ours "
                        + cpu(ours.distinct()) + "; peer " + cpu(peer.distinct()),
                details(ours.distinct(), peer.distinct())));
        String pairs = "after the other workloads, " + runs + " pairs of distinct runs on more fresh codes of the "
                + "pool: the query side running (caught up first), then frozen (SIGSTOP; it catches up after); "
                + "what projecting the same redemptions on the same two cores costs the checkout (in production "
                + "the query side runs on other machines); ";
        add.accept(Row.minRatio("  diagnostic: distinct limited codes over HTTP, query side running, vs CRUD peer",
                ours.queryRunning().perSecond("accepted"), peer.distinct().perSecond("accepted"), "/s", null,
                ours.peakMemoryMb(), pairs + oneCodeNote("the running half", ours.queryRunning(), peer.distinct()),
                details(ours.queryRunning(), peer.distinct())));
        add.accept(Row.minRatio("  diagnostic: the same with the query side paused, vs CRUD peer",
                ours.queryPaused().perSecond("accepted"), peer.distinct().perSecond("accepted"), "/s", null,
                ours.peakMemoryMb(), pairs + oneCodeNote("the paused half", ours.queryPaused(), peer.distinct()),
                details(ours.queryPaused(), peer.distinct())));
        add.accept(Row.atMost("  latency p50 / p99 (diagnostic, query side paused)", ours.queryPaused().p99Ms(),
                peer.distinct().p99Ms(), "ms", null, ours.peakMemoryMb(), "client-side",
                details(ours.queryPaused(), peer.distinct())));
        add.accept(Row.minRatio("  vs CRUD peer: one hot limited code, 16 clients over HTTP",
                ours.hot().perSecond("accepted"), peer.hot().perSecond("accepted"), "/s", PEER_HOT,
                ours.peakMemoryMb(), "as above; peer " + peer.hot().outcomes() + "; ours " + cpu(ours.hot())
                        + "; peer " + cpu(peer.hot()), details(ours.hot(), peer.hot())));
        add.accept(Row.minRatio("redeem one unlimited code, 16 clients over HTTP, vs CRUD peer",
                ours.unlimited().perSecond("accepted"), peer.unlimited().perSecond("accepted"), "/s", PEER_UNLIMITED,
                ours.peakMemoryMb(), oneCodeNote("a SINGLE_CODE campaign without usesPerCode against the peer's "
                        + "unlimited code, a new order per attempt", ours.unlimited(), peer.unlimited()),
                details(ours.unlimited(), peer.unlimited())));
        add.accept(Row.atMost("  latency p50 / p99 (unlimited, over HTTP, vs CRUD peer)", ours.unlimited().p99Ms(),
                peer.unlimited().p99Ms(), "ms", null, ours.peakMemoryMb(), "client-side",
                details(ours.unlimited(), peer.unlimited())));
    }

    /** @param peer the peer's figure the row holds {@code ours} against, or null */
    private String oneCodeNote(String what, Load.Result ours, Load.Result peer) {
        return "median of " + runs + " runs of " + measured.toSeconds() + " s, each after a "
                + RedemptionWorkloads.RAMP.toSeconds() + " s ramp, following the other workloads; HTTP Basic on every "
                + "request; " + what + "; " + String.format(Locale.ROOT, "runs %s /s, median run %,d attempts %s, %s",
                rates(ours), ours.attempts(), ours.outcomes(), cpu(ours))
                + (peer == null ? "" : String.format(Locale.ROOT, "; peer runs %s /s, median %,d %s, %s", rates(peer),
                peer.attempts(), peer.outcomes(), cpu(peer)));
    }

    /** Every run's rate, in run order: how far apart the runs the median was taken from are. */
    private static String rates(Load.Result result) {
        return result.runRates().stream().map(rate -> String.format(Locale.ROOT, "%,.0f", rate))
                .collect(java.util.stream.Collectors.joining(" / "));
    }

    /**
     * What one attempt of the median run cost each process, in core-milliseconds ({@link CpuMeter}):
     * the split of a figure into client, service and database.
     */
    private static String cpu(Load.Result result) {
        if (result.coreMsPerAttempt().isEmpty()) {
            return "no CPU split";
        }
        double total = result.coreMsPerAttempt().values().stream().mapToDouble(Double::doubleValue).sum();
        return result.coreMsPerAttempt().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(" + ", "CPU per attempt: ",
                        String.format(Locale.ROOT, " = %.2f core-ms", total)));
    }

    private static String outcomes(Load.Result ours, Load.Result baseline, String load) {
        return String.format(Locale.ROOT, "runs %s /s against %s /s; median run: ours %,d attempts %s, baseline %,d "
                        + "%s%s; ours %s; baseline %s; 1-min load average %s", rates(ours), rates(baseline),
                ours.attempts(), ours.outcomes(), baseline.attempts(), baseline.outcomes(),
                ours.ranOut() || baseline.ranOut() ? "; the code pool ran out, window shortened" : "", cpu(ours),
                cpu(baseline), load);
    }

    /** @param baseline null when the row has none */
    private static Map<String, Object> details(Load.Result ours, Load.Result baseline) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("oursP50Ms", ours.p50Ms());
        details.put("baselineP50Ms", baseline == null ? null : baseline.p50Ms());
        details.put("ours", ours.asJson());
        details.put("baseline", baseline == null ? null : baseline.asJson());
        return details;
    }

    private static void print(String who, Measured measured) {
        System.out.printf(Locale.ROOT, "%s: distinct %,.0f /s (p50 %.1f, p99 %.1f ms) %s, %s; hot %,.0f /s (p50 %.1f, "
                        + "p99 %.1f ms) %s, %s; exact %s; 1-min load average %s%s%s%s%s%n", who,
                measured.distinct().perSecond("accepted"), measured.distinct().p50Ms(), measured.distinct().p99Ms(),
                measured.distinct().outcomes(), cpu(measured.distinct()), measured.hot().perSecond("accepted"),
                measured.hot().p50Ms(), measured.hot().p99Ms(), measured.hot().outcomes(), cpu(measured.hot()),
                measured.exact().outcomes(), measured.load(), oneCode("; unlimited", measured.unlimited(), "accepted"),
                oneCode("; floor", measured.floor(), "ok"),
                oneCode("; distinct with the query side running", measured.queryRunning(), "accepted"),
                oneCode(", paused", measured.queryPaused(), "accepted"));
    }

    private static String oneCode(String what, Load.Result result, String outcome) {
        return result == null ? "" : String.format(Locale.ROOT, "%s %,.0f /s (p50 %.1f, p99 %.1f ms) %s, %s", what,
                result.perSecond(outcome), result.p50Ms(), result.p99Ms(), result.outcomes(), cpu(result));
    }

    private static long used(Connection connection, Kind kind, String code) throws SQLException {
        return BenchDatabase.number(connection, kind.usedSql(), code);
    }

    private static long redeemedEvents(Connection connection, String code) throws SQLException {
        return BenchDatabase.number(connection, """
                SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.CodeRedeemedEvent'
                AND convert_from(payload, 'UTF8')::jsonb ->> 'code' = ?""", code);
    }
}
