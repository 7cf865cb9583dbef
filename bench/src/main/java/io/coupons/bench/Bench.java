package io.coupons.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.coupons.bench.peer.CrudPeerApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The benchmark: our service and the plain-PostgreSQL baseline doing the same work on the same
 * PostgreSQL in one run, reported as a ratio (BRIEF §5). Both sides run as their own JVMs with
 * capped heaps, over real HTTP; so does the redemption rows' CRUD peer.
 *
 * <pre>
 * java -jar bench/target/coupons-bench.jar [--rows=generation,big,redeem,promo] [--quantity=1000000]
 *      [--generation-runs=3] [--big=10000000] [--search=true] [--heap=512m] [--redeem-warmup=30]
 *      [--redeem-seconds=15] [--redeem-runs=3] [--redeem-codes=300000] [--baseline-codes=2000000] [--exact-uses=100]
 *      [--exact-attempts=800] [--inventory-warmup=5] [--inventory-calls=20]
 *      [--jdbc-url=jdbc:postgresql://host:5432/ --db-user=... --db-password=...] [--out=bench/results]
 *      [--pg-statements=false]
 * </pre>
 * {@code --rows} picks row groups (default all): {@code generation} (generate and export
 * {@code --quantity} codes), {@code big} (generate {@code --big} codes, ten million by default, then
 * find codes among them by prefix and in full, see {@link SearchBench}; {@code --search=false} skips
 * the finding, {@code --big=0} the whole group), {@code redeem} (redemption throughput, latency and the
 * exact-N check, ours against the bare-SQL baseline and against the CRUD peer, a plain Spring MVC
 * service as its own JVM; each figure the median of {@code --redeem-runs} measured runs; {@code --redeem-codes} sizes our pool, {@code --baseline-codes} the
 * baseline's and the peer's; see {@link RedemptionBench}), {@code promo} (a promo code batch of
 * {@code --quantity} codes: generation, Modify Inventory, redemption, see {@link PromoBench}; it
 * reuses the baselines of {@code generation} and {@code redeem} when they ran in the same invocation).
 *
 * <p>The bench starts two more kinds of child JVM from this jar, by its first argument:
 * {@code in-process-command-side} ({@link InProcessCommandSide}) and {@code crud-peer}
 * ({@link CrudPeerApplication}).
 */
public final class Bench {

    /** Short, so that the search rows' prefixes of 2-8 chars run from all codes ("BI") to a few ("BIG-ABCD"). */
    private static final String BIG_CAMPAIGN = "BIG";
    private static final int BIG_RANDOM_LENGTH = 7;

    private final Map<String, String> options;
    private final List<Row> rows = new ArrayList<>();
    private final Path work;
    private final String password = randomPassword();
    private final Api api;
    /** The generation group's baseline runs (seconds), for the promo rows; null until it ran. */
    private List<Double> generationBaselines;

    private Bench(Map<String, String> options) throws IOException {
        this.options = options;
        this.work = Files.createTempDirectory("coupons-bench");
        this.api = new Api("bench-admin", password);
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(InProcessCommandSide.MODE)) {
            InProcessCommandSide.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals(CrudPeerApplication.MODE)) {
            CrudPeerApplication.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        new Bench(options).run();
    }

    private void run() throws Exception {
        int quantity = Integer.parseInt(options.getOrDefault("quantity", "1000000"));
        int big = Integer.parseInt(options.getOrDefault("big", "10000000"));
        Set<String> groups = Set.of(options.getOrDefault("rows", "generation,big,redeem,promo").split(","));
        try (BenchDatabase database = options.containsKey("jdbc-url")
                ? BenchDatabase.external(options.get("jdbc-url"), options.get("db-user"), options.get("db-password"))
                : BenchDatabase.embedded(Boolean.parseBoolean(options.getOrDefault("pg-statements", "false")))) {
            System.out.println("Database: " + database.describe() + "; logs in " + work);
            try {
                if (groups.contains("generation")) {
                    generationAndExport(database, quantity);
                }
                if (groups.contains("big") && big > 0) {
                    bigGeneration(database, big);
                }
                // One per invocation: it measures its baseline once, for the campaign and the promo rows.
                RedemptionBench redemption = new RedemptionBench(database, api, password, users(), work, options);
                if (groups.contains("redeem")) {
                    redemption.run(this::add);
                }
                if (groups.contains("promo")) {
                    new PromoBench(database, api, redemption, users(), work, options, generationBaselines)
                            .run(this::add);
                }
            } finally {
                report(database.describe()); // what was measured before a failure is still worth keeping
            }
        }
    }

    /**
     * Rows "generate N codes until searchable" and "export N codes as CSV". Generation is the median
     * of {@code --generation-runs} (default 3) runs in this invocation, each on a fresh database and
     * a fresh service, each right after a baseline run, so both see the same moment of a noisy
     * machine: one run's ratio moved between 2.4× and 4.6× from one invocation to the next. The
     * export rows use the last run's service.
     */
    private void generationAndExport(BenchDatabase database, int quantity) throws Exception {
        int runs = Integer.parseInt(options.getOrDefault("generation-runs", "3"));
        List<Double> baselineRuns = new ArrayList<>();
        List<Double> ourRuns = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            database.create("bench_baseline");
            try (Connection baseline = database.connect("bench_baseline")) {
                baselineRuns.add(seconds(Baseline.generateAndCopy(baseline, "BASELINE", 6, quantity)));
            }
            try (Service service = Service.start(database, "bench_service", options.getOrDefault("heap", "512m"),
                    users(), work)) {
                String campaign = campaign(service, "BENCH1M");
                long start = System.nanoTime();
                api.post(service.command().port(), "/api/campaigns/" + campaign + "/batches",
                        "{\"quantity\": " + quantity + "}");
                awaitCompleted(service, campaign, quantity);
                ourRuns.add(seconds(System.nanoTime() - start));
                System.out.printf(Locale.ROOT, "generation run %d of %d: ours %.2f s, baseline %.2f s (%.2fx)%n",
                        run, runs, ourRuns.get(run - 1), baselineRuns.get(run - 1),
                        ourRuns.get(run - 1) / baselineRuns.get(run - 1));
                if (run == runs) {
                    generationBaselines = List.copyOf(baselineRuns);
                    add(Row.maxRatio("generate " + count(quantity) + " codes until searchable (median of " + runs
                                    + ")", median(ourRuns), median(baselineRuns), "s", 3.0, service.peakMemory(),
                            "baseline: generate + COPY into one indexed table; runs (ours / baseline): "
                                    + runsText(ourRuns, baselineRuns)));
                    exportRows(database, service, campaign, quantity);
                }
            }
        }
    }

    private void exportRows(BenchDatabase database, Service service, String campaign, int quantity) throws Exception {
        long[] copiedBytes = new long[1];
        double baselineExport;
        try (Connection baseline = database.connect("bench_baseline")) {
            baselineExport = seconds(Baseline.copyOut(baseline, copiedBytes));
        }
        // The first download of a fresh JVM also pays class loading and JIT; the row reports the
        // second (steady state) and the note the first.
        double coldExport = timedExport(service, campaign, quantity);
        double export = timedExport(service, campaign, quantity);
        add(Row.maxRatio("export " + count(quantity) + " codes as CSV", export, baselineExport, "s", 3.0,
                service.peakMemory(), "baseline: COPY ... TO STDOUT (" + copiedBytes[0] / 1024 / 1024
                + " MB); ours over HTTP, second download; the first took "
                + String.format(Locale.ROOT, "%.2f s", coldExport)));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static String runsText(List<Double> ours, List<Double> baseline) {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            runs.add(String.format(Locale.ROOT, "%.2f / %.2f s (%.2fx)", ours.get(i), baseline.get(i),
                    ours.get(i) / baseline.get(i)));
        }
        return String.join(", ", runs);
    }

    /** Row "10,000,000 codes complete with each side's heap capped", then the search rows on those codes. */
    private void bigGeneration(BenchDatabase database, int quantity) throws Exception {
        String heap = options.getOrDefault("heap", "512m");
        try (Service service = Service.start(database, "bench_service_big", heap, users(), work)) {
            String campaign = campaign(service, BIG_CAMPAIGN);
            long start = System.nanoTime();
            api.post(service.command().port(), "/api/campaigns/" + campaign + "/batches",
                    "{\"quantity\": " + quantity + ", \"randomLength\": " + BIG_RANDOM_LENGTH + "}");
            awaitCompleted(service, campaign, quantity);
            double ours = seconds(System.nanoTime() - start);
            add(Row.maxRatio("generate " + count(quantity) + " codes, -Xmx" + heap + " each side", ours, null, "s",
                    null, service.peakMemory(), "completed with both JVMs alive (they exit on OutOfMemoryError)"));
            if (Boolean.parseBoolean(options.getOrDefault("search", "true"))) {
                new SearchBench(database, api, service, "bench_service_big", BIG_CAMPAIGN, BIG_RANDOM_LENGTH, quantity)
                        .run(this::add);
            }
        }
    }

    private double timedExport(Service service, String campaign, int quantity) throws Exception {
        long start = System.nanoTime();
        long[] downloaded = api.download(service.query().port(), "/api/campaigns/" + campaign + "/batches/1/codes.csv");
        double seconds = seconds(System.nanoTime() - start);
        if (downloaded[1] != quantity + 1L) {
            throw new IllegalStateException("export had " + downloaded[1] + " lines, expected " + (quantity + 1));
        }
        return seconds;
    }

    private void add(Row row) {
        rows.add(row);
        System.out.println("measured: " + row.asJson());
    }

    private String campaign(Service service, String code) throws Exception {
        return api.post(service.command().port(), "/api/campaigns",
                "{\"code\": \"" + code + "\", \"type\": \"BULK_POOL\", \"usesPerCode\": 1}").get("id").asText();
    }

    private void awaitCompleted(Service service, String campaign, long quantity) throws Exception {
        String status = "/api/campaigns/" + campaign + "/batches/1";
        while (true) {
            JsonNode batch;
            try {
                batch = api.get(service.query().port(), status);
            } catch (IOException e) {
                batch = null;
            }
            if (!service.command().alive() || !service.query().alive()) {
                throw new IllegalStateException("a side died (see logs in " + work + ")");
            }
            if (batch != null && "COMPLETED".equals(batch.get("state").asText())
                    && batch.get("generated").asLong() == quantity) {
                return;
            }
            if (batch != null && "FAILED".equals(batch.get("state").asText())) {
                throw new IllegalStateException("generation failed: " + batch);
            }
            Thread.sleep(100);
        }
    }

    private List<String> users() {
        return List.of("--coupons.security.users[0].name=bench-admin",
                "--coupons.security.users[0].password={bcrypt}" + new BCryptPasswordEncoder().encode(password),
                "--coupons.security.users[0].roles=ADMIN",
                "--coupons.security.users[1].name=" + RedemptionBench.CHECKOUT_USER,
                "--coupons.security.users[1].password={bcrypt}" + new BCryptPasswordEncoder().encode(password),
                "--coupons.security.users[1].roles=CHECKOUT");
    }

    private void report(String database) throws IOException {
        System.out.println();
        System.out.println("Benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + database);
        String format = "| %-72s | %18s | %18s | %7s | %-33s | %-11s |%n";
        System.out.printf(format, "row", "ours", "baseline", "ratio", "target", "peak RSS MB");
        System.out.printf(format, "-".repeat(72), "-".repeat(18), "-".repeat(18), "-".repeat(7), "-".repeat(33),
                "-".repeat(11));
        for (Row row : rows) {
            System.out.printf(format, row.name(), row.show(row.ours(), "oursP50Ms"),
                    row.show(row.baseline(), "baselineP50Ms"),
                    row.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2fx", row.ratio()),
                    row.target() == null ? "-" : row.target() + (Boolean.TRUE.equals(row.met()) ? " ok" : " MISSED"),
                    row.peakMemoryMb() == null ? "-" : row.peakMemoryMb().values().stream().map(String::valueOf)
                            .collect(Collectors.joining(" / ")));
        }
        System.out.println("(latency cells: p50 / p99; peak RSS: command side / query side, or the CRUD peer's; the "
                + "in-process rows' command side also runs the 16 clients; \"CRUD peer:\" rows have the peer in the "
                + "ours column, \"vs CRUD peer\" rows the peer in the baseline column)");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", Instant.now().toString());
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("database", database);
        json.put("options", options);
        json.put("rows", rows.stream().map(Row::asJson).toList());
        Path out = Path.of(options.getOrDefault("out", "bench/results"));
        Files.createDirectories(out);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path file = out.resolve("run-" + Instant.now().toString().replace(':', '-') + ".json");
        mapper.writeValue(file.toFile(), json);
        mapper.writeValue(out.resolve("latest.json").toFile(), latest(mapper, out.resolve("latest.json"), json));
        System.out.println("Results: " + file + " (and " + out.resolve("latest.json") + ")");
    }

    /**
     * The latest figure of every row: this run's rows, then the rows of the previous latest.json that
     * this run did not measure (a run of some rows only, {@code --rows=...}), each with its "run".
     */
    private static Map<String, Object> latest(ObjectMapper mapper, Path latest, Map<String, Object> run)
            throws IOException {
        String runAt = (String) run.get("run");
        List<Map<String, Object>> merged = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Object row : (List<?>) run.get("rows")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) row);
            copy.put("run", runAt);
            merged.add(copy);
            names.add((String) copy.get("row"));
        }
        if (Files.exists(latest)) {
            JsonNode previous = mapper.readTree(latest.toFile());
            for (JsonNode row : previous.path("rows")) {
                if (!names.contains(row.path("row").asText())) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> copy = mapper.convertValue(row, LinkedHashMap.class);
                    copy.putIfAbsent("run", previous.path("run").asText());
                    merged.add(copy);
                }
            }
        }
        Map<String, Object> json = new LinkedHashMap<>(run);
        json.put("rows", merged);
        return json;
    }

    private static String count(long quantity) {
        return String.format(Locale.ROOT, "%,d", quantity);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
