package io.coupons.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real PostgreSQL (embedded, from a Maven artifact) per test JVM; every Spring context gets a
 * database of its own, so contexts never see each other's events.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final List<ConfigurableApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
                        .setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stopAfterContexts));
        }
        return server;
    }

    /** Remembers a context using the server, so the server outlives it at JVM exit. */
    static void register(ConfigurableApplicationContext context) {
        CONTEXTS.add(context);
    }

    /**
     * Spring closes cached test contexts in their own shutdown hooks, concurrently with this one:
     * waiting for them keeps their processors from failing on a vanished database at exit.
     */
    private static void stopAfterContexts() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (CONTEXTS.stream().anyMatch(ConfigurableApplicationContext::isActive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // the JVM is going away either way
        }
    }

    /** Creates an empty database and answers its JDBC URL. */
    public static String newDatabase() {
        String name = "coupons_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /** A plain data source on a database {@link #newDatabase} made, for tests that watch child JVMs' rows. */
    public static javax.sql.DataSource dataSource(String url) {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        return dataSource;
    }
}
