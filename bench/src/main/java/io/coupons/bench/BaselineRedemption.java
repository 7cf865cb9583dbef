package io.coupons.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * What a hand-written CRUD service would do to redeem a limited code with bare JDBC: one guarded
 * single-row {@code UPDATE coupon SET uses = uses + 1 WHERE code = ? AND uses < max_uses} in
 * autocommit, one connection per client. One row updated is a redemption; none is "exhausted".
 */
final class BaselineRedemption implements RedemptionWorkloads.Redeemer, AutoCloseable {

    static final String HOT = "HOT1";
    static final String EXACT = "EXACT1";

    private final Connection[] connections;
    private final PreparedStatement[] updates;

    private BaselineRedemption(Connection[] connections) throws SQLException {
        this.connections = connections;
        this.updates = new PreparedStatement[connections.length];
        for (int i = 0; i < connections.length; i++) {
            updates[i] = connections[i].prepareStatement(
                    "UPDATE coupon SET uses = uses + 1 WHERE code = ? AND uses < max_uses");
        }
    }

    /**
     * Creates the table with {@code pool} one-use codes, the hot code (uses to spare) and the exact
     * code ({@code exactUses} uses); answers the pool's codes in a shuffled order.
     */
    static List<String> load(BenchDatabase database, String name, int pool, int exactUses) throws SQLException {
        database.create(name);
        try (Connection connection = database.connect(name); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE coupon (code VARCHAR(64) COLLATE \"C\" PRIMARY KEY, "
                    + "uses INTEGER NOT NULL DEFAULT 0, max_uses INTEGER NOT NULL)");
            statement.execute("INSERT INTO coupon (code, max_uses) SELECT 'POOL-' || lpad(i::text, 8, '0'), 1 "
                    + "FROM generate_series(1, " + pool + ") i");
            statement.execute("INSERT INTO coupon (code, max_uses) VALUES ('" + HOT + "', 1000000000), ('"
                    + EXACT + "', " + exactUses + ")");
            statement.execute("VACUUM ANALYZE coupon");
            List<String> codes = new ArrayList<>(pool);
            try (ResultSet rows = statement.executeQuery("SELECT code FROM coupon WHERE code LIKE 'POOL-%'")) {
                while (rows.next()) {
                    codes.add(rows.getString(1));
                }
            }
            Collections.shuffle(codes, new Random(42));
            return codes;
        }
    }

    static BaselineRedemption connect(BenchDatabase database, String name) throws SQLException {
        Connection[] connections = new Connection[RedemptionWorkloads.CLIENTS];
        for (int i = 0; i < connections.length; i++) {
            connections[i] = database.connect(name);
            connections[i].setAutoCommit(true);
        }
        return new BaselineRedemption(connections);
    }

    @Override
    public String redeem(int client, String code, String orderId) throws SQLException {
        PreparedStatement update = updates[client];
        update.setString(1, code);
        return update.executeUpdate() == 1 ? "accepted" : "EXHAUSTED";
    }

    int uses(String code) throws SQLException {
        return (int) BenchDatabase.number(connections[0], "SELECT uses FROM coupon WHERE code = ?", code);
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
