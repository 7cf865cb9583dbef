package io.coupons.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

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

    static BenchDatabase embedded() throws IOException {
        Path data = Files.createTempDirectory("coupons-bench-pg");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "512MB").setServerConfig("max_wal_size", "4GB")
                .start();
        return new BenchDatabase(postgres, "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/", "postgres",
                "postgres");
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
