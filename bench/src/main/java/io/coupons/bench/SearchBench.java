package io.coupons.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The "find a code" rows (issue 5) on the big run's codes, while the service that generated them is
 * still running: prefix search (up to 50 rows) and exact lookup (the search box with a whole code, and
 * one code's details). Each is client-side latency, p50 / p99 over {@value #SAMPLES} requests sent one
 * after the other by one client (latency, not throughput), once every path has had {@value #WARMUP}
 * unmeasured ones on other inputs.
 * <p>
 * A row's baseline is the two costs the service cannot avoid, measured in the same run: the indexed SQL
 * on one plain table of as many codes over JDBC, plus the service's HTTP floor ({@code GET /api/me} on
 * the query side: login, filters, JSON, no database). The ratio is ours p99 / (SQL p99 + floor p99);
 * the prefix row's target is a ratio of at most {@value #MAX_RATIO} and a p99 of at most
 * {@value #MAX_P99_MS} ms, both.
 */
final class SearchBench {

    static final int SAMPLES = 1000;
    static final int WARMUP = 300;
    private static final double MAX_RATIO = 3.0;
    private static final double MAX_P99_MS = 10.0;
    private static final int PAGE = 50;
    private static final long SEED = 42;
    private static final String BASELINE_DATABASE = "bench_baseline_big";

    private final BenchDatabase database;
    private final Api api;
    private final Service service;
    private final String serviceDatabase;
    private final String campaignCode;
    private final int randomLength;
    private final int quantity;
    private final Random random = new Random(SEED);

    /**
     * @param serviceDatabase the running service's database, where its codes are drawn from
     * @param campaignCode    the prefix of the service's codes; the baseline's get it too
     */
    SearchBench(BenchDatabase database, Api api, Service service, String serviceDatabase, String campaignCode,
                int randomLength, int quantity) {
        this.database = database;
        this.api = api;
        this.service = service;
        this.serviceDatabase = serviceDatabase;
        this.campaignCode = campaignCode;
        this.randomLength = randomLength;
        this.quantity = quantity;
    }

    /** Checks one answer, throwing when it is wrong. */
    private interface Probe {
        void check(String input) throws Exception;
    }

    /** A path measured: the first {@value #WARMUP} inputs warm it up, the next {@value #SAMPLES} count. */
    private record Timed(String name, List<String> inputs, Probe probe) {
    }

    void run(Consumer<Row> add) throws Exception {
        int inputs = WARMUP + SAMPLES;
        List<String> baselineCodes = loadBaseline(2 * inputs);
        List<String> ourCodes;
        try (Connection connection = database.connect(serviceDatabase);
             Statement statement = connection.createStatement()) {
            // The same steady state as the baseline's table: a freshly generated table's first autovacuum
            // (ten million rows) would otherwise run during the measurement on these two cores.
            statement.execute("VACUUM ANALYZE code_view");
            checkpoint(statement);
            ourCodes = sample(connection, "code_view", 3 * inputs);
        }
        List<Integer> lengths = new ArrayList<>(inputs);
        for (int i = 0; i < inputs; i++) {
            lengths.add(2 + random.nextInt(7));
        }
        int port = service.query().port();
        try (Connection connection = database.connect(BASELINE_DATABASE);
             Statement statement = connection.createStatement()) {
            Timed floor = new Timed("GET /api/me", Collections.nCopies(inputs, ""), ignored -> me(port));
            // Both sides cut the same lengths; we get the prefixes in lower case, which the search normalizes.
            Timed sqlPrefix = new Timed("SQL prefix", cut(baselineCodes.subList(0, inputs), lengths, false),
                    p -> sqlPrefix(statement, p));
            Timed sqlExact = new Timed("SQL exact", baselineCodes.subList(inputs, 2 * inputs),
                    code -> sqlExact(statement, code));
            Timed ourPrefix = new Timed("search by prefix", cut(ourCodes.subList(0, inputs), lengths, true),
                    p -> searchPrefix(port, p));
            Timed ourExact = new Timed("search by full code", ourCodes.subList(inputs, 2 * inputs),
                    code -> searchExact(port, code));
            Timed ourDetails = new Timed("code details", ourCodes.subList(2 * inputs, 3 * inputs),
                    code -> details(port, code));
            List<Timed> paths = List.of(floor, sqlPrefix, sqlExact, ourPrefix, ourExact, ourDetails);
            // Every path is warm before any is measured: the query side's HTTP stack, which all of ours
            // and the floor share, would otherwise be colder for whichever path came first.
            for (Timed path : paths) {
                sequentially(path.name(), path.inputs().subList(0, WARMUP), path.probe());
            }
            Map<Timed, Load.Result> measured = new LinkedHashMap<>();
            for (Timed path : paths) {
                measured.put(path, measure(path));
            }
            if (!service.command().alive() || !service.query().alive()) {
                throw new IllegalStateException("a side died during the search rows");
            }
            String count = String.format(Locale.ROOT, "%,d", quantity);
            add.accept(row("find codes by prefix (2-8 chars) in " + count + " codes, <= 50 rows",
                    measured.get(ourPrefix), measured.get(sqlPrefix), measured.get(floor), true,
                    "SELECT code ... LIKE 'P%' ORDER BY code LIMIT 50",
                    SAMPLES + " random prefixes of 2-8 chars cut from existing codes, sent in lower case"));
            add.accept(row("find one code by its full code (search box) in " + count + " codes",
                    measured.get(ourExact), measured.get(sqlExact), measured.get(floor), false,
                    "SELECT code ... WHERE code = '...'",
                    SAMPLES + " random existing codes, sent in lower case, each answered first"));
            add.accept(row("one code's details (GET /api/codes/{code}) in " + count + " codes",
                    measured.get(ourDetails), measured.get(sqlExact), measured.get(floor), false,
                    "SELECT code ... WHERE code = '...'",
                    SAMPLES + " random existing codes (not those of the search rows)"));
        }
    }

    private void me(int port) throws Exception {
        JsonNode me = api.get(port, "/api/me");
        if (me == null || !me.hasNonNull("name")) {
            throw new IllegalStateException("GET /api/me answered " + me);
        }
    }

    /**
     * A literal, not a bind parameter: with one, PostgreSQL's generic plan cannot use the index for
     * LIKE. The codes hold only [A-Z0-9-]; quotes are doubled anyway.
     */
    private static void sqlPrefix(Statement statement, String prefix) throws SQLException {
        int rows = 0;
        try (ResultSet result = statement.executeQuery("SELECT code FROM baseline_code WHERE code LIKE '"
                + prefix.replace("'", "''") + "%' ORDER BY code LIMIT " + PAGE)) {
            for (; result.next(); rows++) {
                if (!result.getString(1).startsWith(prefix)) {
                    throw new IllegalStateException("LIKE '" + prefix + "%' answered " + result.getString(1));
                }
            }
        }
        if (rows < 1) {
            throw new IllegalStateException("LIKE '" + prefix + "%' answered no row");
        }
    }

    private static void sqlExact(Statement statement, String code) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT code FROM baseline_code WHERE code = '"
                + code.replace("'", "''") + "'")) {
            if (!result.next() || !result.getString(1).equals(code) || result.next()) {
                throw new IllegalStateException("code = '" + code + "' did not answer exactly that code");
            }
        }
    }

    private void searchPrefix(int port, String prefix) throws Exception {
        JsonNode items = searchItems(port, prefix);
        if (items.size() < 1 || items.size() > PAGE) {
            throw new IllegalStateException("search=" + prefix + " answered " + items.size() + " items");
        }
        String upper = prefix.toUpperCase(Locale.ROOT);
        for (JsonNode item : items) {
            if (!item.path("code").asText().startsWith(upper)) {
                throw new IllegalStateException("search=" + prefix + " answered " + item.path("code"));
            }
        }
    }

    /** The search box with a whole code, typed in lower case like the prefixes. */
    private void searchExact(int port, String code) throws Exception {
        JsonNode items = searchItems(port, code.toLowerCase(Locale.ROOT));
        if (items.size() < 1 || !items.get(0).path("code").asText().equals(code)) {
            throw new IllegalStateException("search=" + code + " did not answer it first: " + items);
        }
    }

    private void details(int port, String code) throws Exception {
        JsonNode details = api.get(port, "/api/codes/" + code);
        if (details == null || !details.path("code").path("code").asText().equals(code)) {
            throw new IllegalStateException("GET /api/codes/" + code + " answered " + details);
        }
    }

    private JsonNode searchItems(int port, String search) throws Exception {
        JsonNode page = api.get(port, "/api/codes?search=" + search);
        if (page == null || !page.path("items").isArray()) {
            throw new IllegalStateException("search=" + search + " answered " + page);
        }
        return page.get("items");
    }

    /**
     * Loads the baseline's table and answers {@code count} of its codes. Loaded after the generation
     * row, while the service idles, so that row is measured as before these rows existed: with nothing
     * else running.
     */
    private List<String> loadBaseline(int count) throws Exception {
        database.create(BASELINE_DATABASE);
        try (Connection connection = database.connect(BASELINE_DATABASE)) {
            System.out.println("search rows: loading the baseline's " + String.format(Locale.ROOT, "%,d", quantity)
                    + " codes");
            Baseline.generateAndCopy(connection, campaignCode, randomLength, quantity);
            try (Statement statement = connection.createStatement()) {
                // Statistics and visibility map now, as in steady state (the service's table gets the same).
                statement.execute("VACUUM ANALYZE baseline_code");
                checkpoint(statement);
            }
            return sample(connection, "baseline_code", count);
        }
    }

    /**
     * Writes the generation's and the load's dirty pages out now (all databases); otherwise the next
     * timed checkpoint spreads that writing over the following minutes, i.e. over the measurement.
     */
    private static void checkpoint(Statement statement) {
        try {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            System.out.println("search rows: no CHECKPOINT (" + e.getMessage().strip()
                    + "); a checkpoint may fall into the measurement");
        }
    }

    /**
     * {@code count} codes of {@code table} in a seeded random order. TABLESAMPLE SYSTEM reads only the
     * sampled pages (BERNOULLI would read every row and flush the caches the measurement is about); the
     * codes are random, so whole pages of them are as good a draw as single rows.
     */
    private List<String> sample(Connection connection, String table, int count) throws SQLException {
        for (double percent = Math.min(100, 300.0 * count / quantity); ; percent = Math.min(100, percent * 2)) {
            List<String> codes = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(
                    String.format(Locale.ROOT, "SELECT code FROM %s TABLESAMPLE SYSTEM (%.6f) REPEATABLE (%d)",
                            table, percent, SEED))) {
                while (result.next()) {
                    codes.add(result.getString(1));
                }
            }
            if (codes.size() >= count) {
                Collections.shuffle(codes, random);
                return new ArrayList<>(codes.subList(0, count));
            }
            if (percent == 100) {
                throw new IllegalStateException(table + " has " + codes.size() + " codes, fewer than " + count);
            }
        }
    }

    private static List<String> cut(List<String> codes, List<Integer> lengths, boolean lowerCase) {
        List<String> prefixes = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            String prefix = codes.get(i).substring(0, lengths.get(i));
            prefixes.add(lowerCase ? prefix.toLowerCase(Locale.ROOT) : prefix);
        }
        return prefixes;
    }

    private static Load.Result measure(Timed path) throws InterruptedException {
        Load.Result result = sequentially(path.name(), path.inputs().subList(WARMUP, WARMUP + SAMPLES), path.probe());
        System.out.printf(Locale.ROOT, "search rows: %s p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", path.name(),
                result.p50Ms(), result.p99Ms(), result.maxMs());
        return result;
    }

    /** Any wrong answer fails the run (Load counts it as an error outcome and prints the first). */
    private static Load.Result sequentially(String path, List<String> inputs, Probe probe)
            throws InterruptedException {
        Load.Result result = Load.fixed(1, inputs.size(), (thread, sequence) -> {
            probe.check(inputs.get((int) sequence));
            return "ok";
        });
        if (result.count("ok") != inputs.size()) {
            throw new IllegalStateException(path + " answered wrong: " + result.outcomes()
                    + " (the first error is printed above)");
        }
        return result;
    }

    private Row row(String name, Load.Result ours, Load.Result sql, Load.Result floor, boolean target, String query,
                    String inputs) {
        double baseline = sql.p99Ms() + floor.p99Ms();
        double ratio = ours.p99Ms() / baseline;
        boolean ratioMet = ratio <= MAX_RATIO;
        boolean p99Met = ours.p99Ms() <= MAX_P99_MS;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("oursP50Ms", ours.p50Ms());
        details.put("baselineP50Ms", sql.p50Ms() + floor.p50Ms());
        details.put("ours", ours.asJson());
        details.put("sql", sql.asJson());
        details.put("floor", floor.asJson());
        String note = String.format(Locale.ROOT, "baseline = SQL p99 + HTTP floor p99 (p50 likewise): %s over JDBC "
                        + "%.2f / %.2f ms, GET /api/me on the query side %.2f / %.2f ms; %s; one client, "
                        + "sequential, after %d warm-up requests on every path", query, sql.p50Ms(), sql.p99Ms(),
                floor.p50Ms(), floor.p99Ms(), inputs, WARMUP);
        if (target) {
            note += String.format(Locale.ROOT, "; ratio %.2f <= %.1f: %s; p99 %.2f ms <= %.0f ms: %s", ratio,
                    MAX_RATIO, ratioMet ? "met" : "MISSED", ours.p99Ms(), MAX_P99_MS, p99Met ? "met" : "MISSED");
        }
        return new Row(name, ours.p99Ms(), baseline, "ms",
                target ? "ratio <= " + MAX_RATIO + ", p99 <= " + (int) MAX_P99_MS + " ms" : null,
                target ? ratioMet && p99Met : null, service.peakMemory(), note, details);
    }
}
