package io.coupons.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A PostgreSQL session advisory lock on a connection of its own, for start-up steps that several
 * instances must take one at a time. The lock lives as long as the connection: a holder that
 * crashes releases it with its connection.
 */
public final class SessionLock implements AutoCloseable {

    private final Connection connection;
    private final long key;

    private SessionLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /** Waits until the lock is free, then holds it until {@link #close()}. */
    public static SessionLock acquire(DataSource dataSource, long key) {
        try {
            Connection connection = dataSource.getConnection();
            run(connection, "SELECT pg_advisory_lock(?)", key);
            return new SessionLock(connection, key);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take advisory lock " + key, e);
        }
    }

    @Override
    public void close() {
        try (connection) {
            run(connection, "SELECT pg_advisory_unlock(?)", key);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release advisory lock " + key, e);
        }
    }

    private static void run(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            statement.execute();
        }
    }
}
