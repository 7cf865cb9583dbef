package io.coupons.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The promo code batch rows (seed 003), all on one batch of {@code --quantity} codes generated
 * through the service:
 * <ol>
 *   <li>Generate Batch until searchable, the median of {@code --generation-runs} runs, each on a fresh
 *       database and service, against the campaign generation row's baseline (its runs when that
 *       group ran in this invocation, else a baseline run right before each of ours);</li>
 *   <li>Modify Inventory (Increment and Set, alternating) on that batch, client round trip, p50 and
 *       max, next to the command side's HTTP floor;</li>
 *   <li>redemption of its codes under the campaign rows' load and targets, against the same baseline
 *       ({@link RedemptionBench#runOn}), with a hot code and an exact-N code of small batches.</li>
 * </ol>
 * The last generation run's service stays up for rows 2 and 3.
 */
final class PromoBench {

    private static final String DATABASE = "bench_promo";
    private static final String BASELINE_DATABASE = "bench_promo_baseline";
    private static final int CODE_LENGTH = 10;
    private static final int INVENTORY = 5;
    private static final long HOT_INVENTORY = 1_000_000_000L;
    private static final Duration GENERATION_LIMIT = Duration.ofMinutes(30);
    private static final double MAX_INVENTORY_MS = 50.0;

    private final BenchDatabase database;
    private final Api api;
    private final RedemptionBench redemption;
    private final List<String> users;
    private final Path work;
    private final String heap;
    private final int quantity;
    private final int runs;
    private final int inventoryWarmup;
    private final int inventoryCalls;
    private final int pool;
    private final int exactUses;
    /** The generation group's baseline runs in this invocation, or null when it did not run. */
    private final List<Double> generationBaselines;

    PromoBench(BenchDatabase database, Api api, RedemptionBench redemption, List<String> users,
               Path work, Map<String, String> options, List<Double> generationBaselines) {
        this.database = database;
        this.api = api;
        this.redemption = redemption;
        this.users = users;
        this.work = work;
        this.heap = options.getOrDefault("heap", "512m");
        this.quantity = Integer.parseInt(options.getOrDefault("quantity", "1000000"));
        this.runs = Integer.parseInt(options.getOrDefault("generation-runs", "3"));
        this.inventoryWarmup = Integer.parseInt(options.getOrDefault("inventory-warmup", "5"));
        this.inventoryCalls = Integer.parseInt(options.getOrDefault("inventory-calls", "20"));
        this.pool = Math.min(quantity, Integer.parseInt(options.getOrDefault("redeem-codes", "300000")));
        this.exactUses = Integer.parseInt(options.getOrDefault("exact-uses", "100"));
        this.generationBaselines = generationBaselines;
    }

    /** A generated batch: its id, the last code of its last chunk, and how long it took until searchable. */
    private record Generated(String id, String lastCode, double seconds) {
    }

    void run(Consumer<Row> add) throws Exception {
        boolean reuse = generationBaselines != null && generationBaselines.size() == runs;
        List<Double> baselineRuns = new ArrayList<>();
        List<Double> ourRuns = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            if (reuse) {
                baselineRuns.add(generationBaselines.get(run - 1));
            } else {
                database.create(BASELINE_DATABASE);
                try (Connection baseline = database.connect(BASELINE_DATABASE)) {
                    baselineRuns.add(Baseline.generateAndCopy(baseline, "BASELINE", 6, quantity) / 1e9);
                }
            }
            try (Service service = Service.start(database, DATABASE, heap, users, work)) {
                Generated batch = generate(service, "Bench promo", quantity, INVENTORY);
                ourRuns.add(batch.seconds());
                double baseline = baselineRuns.get(run - 1);
                System.out.printf(Locale.ROOT, "promo generation run %d of %d: ours %.2f s, baseline %.2f s (%.2fx)%n",
                        run, runs, batch.seconds(), baseline, batch.seconds() / baseline);
                if (run == runs) {
                    add.accept(generationRow(ourRuns, baselineRuns, reuse, service));
                    inventoryRows(add, service, batch.id());
                    redemption.runOn(add, kind(), service, DATABASE, codes(service, batch.id()));
                }
            }
        }
    }

    private Row generationRow(List<Double> ours, List<Double> baseline, boolean reused, Service service) {
        return Row.maxRatio("generate a " + count(quantity) + "-code promo batch until searchable (median of "
                        + runs + ")", Bench.median(ours), Bench.median(baseline), "s", 3.0, service.peakMemory(),
                "until the query side shows COMPLETED with every code and Find Coupon finds the last code generated;"
                        + " baseline: the campaign generation row's (generate + COPY into one indexed table), "
                        + (reused ? "its runs earlier in this invocation" : "a run right before each of ours")
                        + "; runs (ours / baseline): " + Bench.runsText(ours, baseline));
    }

    /** Generate Batch by Number of Codes, timed from the request until the codes are searchable. */
    private Generated generate(Service service, String name, long codes, long inventory) throws Exception {
        long start = System.nanoTime();
        JsonNode accepted = api.post(service.command().port(), "/api/promo-batches", """
                {"method": "NUMBER_OF_CODES", "numberOfCodes": %d, "codeLength": %d, "name": "%s", "enabled": true, \
                "terms": {"percentOff": 10}, "inventoryEnabled": true, "inventory": %d}"""
                .formatted(codes, CODE_LENGTH, name, inventory));
        String id = accepted.get("promoBatchId").asText();
        String last = awaitSearchable(service, id, accepted.get("runId").asText(), codes);
        return new Generated(id, last, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Searchable: the query side's details show COMPLETED with every code (they are projected in the
     * same transaction as the progress, as for campaign batches), and Find Coupon finds the last code
     * of the run's last chunk event. Answers that code.
     */
    private String awaitSearchable(Service service, String batch, String run, long codes) throws Exception {
        long deadline = System.nanoTime() + GENERATION_LIMIT.toNanos();
        try (Connection connection = database.connect(DATABASE)) {
            while (System.nanoTime() < deadline) {
                if (!service.command().alive() || !service.query().alive()) {
                    throw new IllegalStateException("a side died (see logs in " + work + ")");
                }
                JsonNode details;
                try {
                    details = api.get(service.query().port(), "/api/promo-batches/" + batch);
                } catch (IOException e) {
                    details = null;
                }
                JsonNode view = details == null ? null : details.get("batch");
                if (view != null && "FAILED".equals(view.get("state").asText())) {
                    throw new IllegalStateException("promo generation failed: " + details);
                }
                if (view != null && "COMPLETED".equals(view.get("state").asText())
                        && view.get("generated").asLong() == codes) {
                    String last = lastGenerated(connection, run, codes);
                    if (found(service, last, batch)) {
                        return last;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("promo batch " + batch + " not searchable within " + GENERATION_LIMIT);
    }

    /** The last code of the run's last chunk (the one whose count reached the run's quantity). */
    private static String lastGenerated(Connection connection, String run, long codes) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'packedCodes',
                       (convert_from(payload, 'UTF8')::jsonb ->> 'generated')::bigint
                FROM domain_event_entry WHERE payload_type LIKE '%.PromoCodesGeneratedEvent'
                AND convert_from(payload, 'UTF8')::jsonb ->> 'runId' = ? ORDER BY global_index DESC LIMIT 1""")) {
            select.setString(1, run);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getLong(2) != codes) {
                    throw new IllegalStateException("no last chunk of run " + run + " with " + codes + " codes");
                }
                String packed = row.getString(1);
                return packed.substring(packed.length() - CODE_LENGTH);
            }
        }
    }

    private boolean found(Service service, String code, String batch) throws Exception {
        JsonNode page = api.get(service.query().port(), "/api/codes?search=" + code);
        JsonNode first = page == null ? null : page.path("items").path(0);
        return first != null && code.equals(first.path("code").asText())
                && batch.equals(first.path("promoBatchId").asText());
    }

    /**
     * Modify Inventory on the generated batch, Set and Increment alternating (starting and ending
     * with a Set, so the batch is back at {@value #INVENTORY}), each answer checked; then the command
     * side's HTTP floor ({@code GET /api/me}) with the same counts. One client, one call at a time.
     */
    private void inventoryRows(Consumer<Row> add, Service service, String batch) throws Exception {
        int port = service.command().port();
        String path = "/api/promo-batches/" + batch + "/inventory";
        List<Long> sets = new ArrayList<>();
        List<Long> increments = new ArrayList<>();
        int total = inventoryWarmup + inventoryCalls;
        for (int i = 0; i < total + (total % 2 == 0 ? 1 : 0); i++) {
            boolean set = i % 2 == 0;
            long start = System.nanoTime();
            JsonNode answer = api.post(port, path, set ? "{\"action\": \"SET\", \"amount\": " + INVENTORY + "}"
                    : "{\"action\": \"INCREMENT\", \"amount\": 1}");
            long nanos = System.nanoTime() - start;
            long expected = set ? INVENTORY : INVENTORY + 1;
            if (answer.path("remainingUsages").asLong() != expected) {
                throw new IllegalStateException("Modify Inventory answered " + answer + ", expected " + expected);
            }
            if (i >= inventoryWarmup && i < total) {
                (set ? sets : increments).add(nanos);
            }
        }
        List<Long> floor = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long start = System.nanoTime();
            if (api.get(port, "/api/me") == null) {
                throw new IllegalStateException("GET /api/me answered 404");
            }
            if (i >= inventoryWarmup) {
                floor.add(System.nanoTime() - start);
            }
        }
        String how = "one client, after " + inventoryWarmup + " warm-up calls of both; client-side HTTP round trip "
                + "(the command side's row update and event; the query side catches up asynchronously); "
                + "target on the max";
        add.accept(latencyRow("Modify Inventory INCREMENT 1, " + count(quantity) + " codes, p50 / max of "
                + increments.size(), increments, MAX_INVENTORY_MS, service, how));
        add.accept(latencyRow("Modify Inventory SET " + INVENTORY + ", " + count(quantity) + " codes, p50 / max of "
                + sets.size(), sets, MAX_INVENTORY_MS, service, how));
        add.accept(latencyRow("  HTTP floor GET /api/me (command side), p50 / max of " + floor.size(), floor, null,
                service, "one client, after " + inventoryWarmup + " warm-up calls; for context"));
    }

    private static Row latencyRow(String name, List<Long> nanos, Double max, Service service, String note) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("oursP50Ms", Load.percentile(sorted, 0.50));
        details.put("oursMaxMs", Load.percentile(sorted, 1.0));
        details.put("samplesMs", Arrays.stream(sorted).mapToObj(n -> Math.round(n / 1e4) / 100.0).toList());
        return Row.atMost(name, Load.percentile(sorted, 1.0), null, "ms", max, service.peakMemory(), note, details);
    }

    /**
     * The codes to redeem: {@code --redeem-codes} of the generated batch (inventory {@value #INVENTORY},
     * one attempt each), and two one-code batches, the hot one with inventory to spare and the exact-N
     * one with {@code --exact-uses}.
     */
    private RedemptionBench.Codes codes(Service service, String batch) throws Exception {
        String hot = generate(service, "Bench promo hot", 1, HOT_INVENTORY).lastCode();
        String exact = generate(service, "Bench promo exact", 1, exactUses).lastCode();
        List<String> codes = new ArrayList<>(pool);
        try (Connection connection = database.connect(DATABASE);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT code FROM coupon_code WHERE promo_batch_id = ?::uuid LIMIT ?")) {
            select.setString(1, batch);
            select.setInt(2, pool);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    codes.add(rows.getString(1));
                }
            }
        }
        if (codes.size() != pool) {
            throw new IllegalStateException("expected " + pool + " codes of the promo batch, found " + codes.size());
        }
        Collections.shuffle(codes, new Random(42));
        service.awaitCaughtUp(api, Duration.ofMinutes(10));
        return new RedemptionBench.Codes(codes, hot, exact);
    }

    private RedemptionBench.Kind kind() {
        return new RedemptionBench.Kind("redeem distinct promo codes",
                "each attempt a new code of the " + count(quantity) + "-code batch (inventory " + INVENTORY
                        + ", after the Modify Inventory rows)",
                "redeem one hot promo code", "exactly %1$d of %2$d attempts on a %1$d-use promo code", "promo ",
                "promo_code_usage.used", "oursPromoCodeUsageUsed",
                "SELECT coalesce(max(used), 0) FROM promo_code_usage WHERE code = ?");
    }

    private static String count(long quantity) {
        return String.format(Locale.ROOT, "%,d", quantity);
    }
}
