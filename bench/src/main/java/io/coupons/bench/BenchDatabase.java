package io.coupons.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one PostgreSQL both contestants use: an embedded one with durable commits (fsync and
 * synchronous_commit on, unlike the library's test defaults), or an external one given by URL.
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String baseUrl;
    private final String user;
    private final String password;

    private BenchDatabase(EmbeddedPostgres embedded, String baseUrl, String user, String password) {
        this.embedded = embedded;
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * @param statements load {@code pg_stat_statements} (a diagnostic: {@link #topStatements}); off for
     *                   published figures, since it costs every statement a little
     */
    static BenchDatabase embedded(boolean statements) throws IOException, SQLException {
        Path data = Files.createTempDirectory("coupons-bench-pg");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "512MB").setServerConfig("max_wal_size", "4GB");
        if (statements) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all");
        }
        EmbeddedPostgres postgres = builder.start();
        BenchDatabase database = new BenchDatabase(postgres, "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/",
                "postgres", "postgres");
        if (statements) {
            try (Connection connection = database.connect("postgres");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
        }
        return database;
    }

    /**
     * The statements of one database that took PostgreSQL the most time so far (executor time,
     * waits for locks included), one line each: calls, total and mean milliseconds, rows, the text.
     */
    List<String> topStatements(String database, int limit) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = connect("postgres"); PreparedStatement select = connection.prepareStatement("""
                SELECT calls, total_exec_time, mean_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g')
                FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = ?)
                ORDER BY total_exec_time DESC LIMIT ?""")) {
            select.setString(1, database);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String text = rows.getString(5);
                    lines.add(String.format(Locale.ROOT, "%,10d calls %,10.0f ms (%.3f ms each) %,10d rows  %s",
                            rows.getLong(1), rows.getDouble(2), rows.getDouble(3), rows.getLong(4),
                            text.length() > 300 ? text.substring(0, 300) + "…" : text));
                }
            }
        }
        return lines;
    }

    /** The one number a query with one text parameter answers (a count, a counter's value). */
    static long number(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Every database's statement figures since the last reset start from zero (between set-up and measurement). */
    void resetStatements() throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** @param serverUrl e.g. {@code jdbc:postgresql://host:5432/} (databases are created below it) */
    static BenchDatabase external(String serverUrl, String user, String password) {
        return new BenchDatabase(null, serverUrl.endsWith("/") ? serverUrl : serverUrl + "/", user, password);
    }

    /** A fresh, empty database. */
    String create(String name) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    String url(String database) {
        return baseUrl + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String describe() throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            var version = statement.executeQuery("SHOW server_version");
            version.next();
            String server = version.getString(1);
            var fsync = statement.executeQuery("SHOW fsync");
            fsync.next();
            return (embedded == null ? "external" : "embedded") + " PostgreSQL " + server + ", fsync=" + fsync.getString(1);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
