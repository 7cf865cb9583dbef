package io.coupons.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Both sides of the service on a fresh database, each its own JVM with the given heap cap. */
final class Service implements AutoCloseable {

    private final ServiceProcess command;
    private final ServiceProcess query;

    private Service(ServiceProcess command, ServiceProcess query) {
        this.command = command;
        this.query = query;
    }

    static Service start(BenchDatabase database, String name, String heap, List<String> users, Path work)
            throws Exception {
        return start(database, name, heap, users, work, false);
    }

    /**
     * @param inProcessDriver the command side runs inside the bench jar's in-process mode
     *                        ({@link InProcessCommandSide}): same application, same heap cap, plus
     *                        a driver that sends commands through its command gateway
     */
    static Service start(BenchDatabase database, String name, String heap, List<String> users, Path work,
                         boolean inProcessDriver) throws Exception {
        String url = database.create(name);
        List<String> shared = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password()));
        shared.addAll(users);
        Path root = Path.of(System.getProperty("coupons.root", "."));
        int queryPort = Bench.freePort();
        List<String> commandArguments = new ArrayList<>(shared);
        commandArguments.add("--coupons.query-side-url=http://127.0.0.1:" + queryPort);
        ServiceProcess command = inProcessDriver
                ? ServiceProcess.start("command side with in-process driver",
                        root.resolve("bench/target/coupons-bench.jar"), List.of(InProcessCommandSide.MODE), heap,
                        Bench.freePort(), commandArguments, work.resolve(name + "-command-side.log"))
                : ServiceProcess.start("command side",
                        root.resolve("command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar"), heap,
                        Bench.freePort(), commandArguments, work.resolve(name + "-command-side.log"));
        ServiceProcess query = ServiceProcess.start("query side",
                root.resolve("query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar"), heap, queryPort, shared,
                work.resolve(name + "-query-side.log"));
        return new Service(command, query);
    }

    /**
     * Waits until every event processor of both sides has caught up with the event store (each
     * side's {@code coupons_processor_lag_events} at 0 for every processor), so a measurement does
     * not share the machine with a projection still working off the set-up (the query side writing
     * the view rows of 200,000 freshly generated codes took a core for a minute).
     */
    void awaitCaughtUp(Api api, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long lag = lag(api, command, false) + lag(api, query, true);
            if (lag == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the event processors still lag " + lag + " events after " + timeout);
            }
            Thread.sleep(200);
        }
    }

    /**
     * The sum of a side's processor lags.
     *
     * @param streams whether the side has streaming processors (the query side's projections; the
     *                command side's are subscribing, in the command's transaction): until their
     *                gauges show up, the side counts as lagging
     */
    private static long lag(Api api, ServiceProcess side, boolean streams) throws Exception {
        String scrape = api.text(side.port(), "/actuator/prometheus");
        long sum = 0;
        boolean any = false;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("coupons_processor_lag_events{")) {
                any = true;
                sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return any || !streams ? sum : 1;
    }

    ServiceProcess command() {
        return command;
    }

    ServiceProcess query() {
        return query;
    }

    Map<String, Long> peakMemory() {
        Map<String, Long> peak = new LinkedHashMap<>();
        peak.put("command-side", command.peakRssMb());
        peak.put("query-side", query.peakRssMb());
        return peak;
    }

    @Override
    public void close() throws Exception {
        query.close();
        command.close();
    }
}
