package io.coupons.bench;

import io.coupons.bench.peer.CrudPeerApplication;
import io.coupons.bench.peer.PeerCodes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The CRUD peer ({@link CrudPeerApplication}) on a fresh database, as its own JVM with the same heap
 * cap as our sides, started from the bench jar in its {@code crud-peer} mode, as the in-process
 * command side is. It creates its schema and codes while it starts.
 */
final class CrudPeer implements AutoCloseable {

    private final BenchDatabase database;
    private final String databaseName;
    private final ServiceProcess process;

    private CrudPeer(BenchDatabase database, String databaseName, ServiceProcess process) {
        this.database = database;
        this.databaseName = databaseName;
        this.process = process;
    }

    /** @param users the same {@code --coupons.security.users[i]...} arguments our sides get */
    static CrudPeer start(BenchDatabase database, String databaseName, String heap, List<String> users, Path work,
                          int poolCodes, int exactUses) throws Exception {
        String url = database.create(databaseName);
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
                "--peer.pool-codes=" + poolCodes, "--peer.exact-uses=" + exactUses));
        arguments.addAll(users);
        Path jar = Path.of(System.getProperty("coupons.root", ".")).resolve("bench/target/coupons-bench.jar");
        return new CrudPeer(database, databaseName, ServiceProcess.start("CRUD peer", jar,
                List.of(CrudPeerApplication.MODE), heap, Bench.freePort(), arguments,
                work.resolve(databaseName + ".log")));
    }

    int port() {
        return process.port();
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.alive();
    }

    Map<String, Long> peakMemory() {
        return Map.of("crud-peer", process.peakRssMb());
    }

    /** The pool's one-use codes, in a shuffled order. */
    List<String> pool() throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Connection connection = database.connect(databaseName); PreparedStatement select =
                connection.prepareStatement("SELECT code FROM peer_code WHERE code LIKE ? || '%'")) {
            select.setString(1, PeerCodes.POOL_PREFIX);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    codes.add(rows.getString(1));
                }
            }
        }
        Collections.shuffle(codes, new Random(42));
        return codes;
    }

    /** The code's use counter. */
    long used(String code) throws SQLException {
        return count("SELECT used FROM peer_code WHERE code = ?", code);
    }

    /** The code's recorded redemptions (refused attempts must have left none). */
    long redemptions(String code) throws SQLException {
        return count("SELECT count(*) FROM peer_redemption WHERE code = ?", code);
    }

    private long count(String sql, String code) throws SQLException {
        try (Connection connection = database.connect(databaseName)) {
            return BenchDatabase.number(connection, sql, code);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
