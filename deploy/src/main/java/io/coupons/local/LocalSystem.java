package io.coupons.local;

import io.coupons.command.CommandSideApplication;
import io.coupons.query.QuerySideApplication;
import io.coupons.ui.AdminUiApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system on one machine with nothing but a JDK: an embedded PostgreSQL keeping its data
 * in {@code .coupons-data/}, the command side and the query side sharing its event store, and the
 * admin UI in front of both, all on 127.0.0.1. Arguments are passed to all three (e.g.
 * {@code --logging.level.root=warn}).
 */
public final class LocalSystem implements AutoCloseable {

    private final DataFolderLock lock;
    private final LocalDatabase database;
    private final LocalLogins logins;
    private final ConfigurableApplicationContext commandSide;
    private final ConfigurableApplicationContext querySide;
    private final ConfigurableApplicationContext adminUi;

    private LocalSystem(DataFolderLock lock, LocalDatabase database, LocalLogins logins,
                        ConfigurableApplicationContext commandSide, ConfigurableApplicationContext querySide,
                        ConfigurableApplicationContext adminUi) {
        this.lock = lock;
        this.database = database;
        this.logins = logins;
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.adminUi = adminUi;
    }

    /** With the admin UI on any free port. */
    public static LocalSystem start(Path dataDirectory, int commandSidePort, int querySidePort,
                                    String... extraArguments) throws IOException {
        return start(dataDirectory, commandSidePort, querySidePort, 0, extraArguments);
    }

    /**
     * @param dataDirectory    where PostgreSQL's data and the generated logins live
     * @param commandSidePort  0 for any free port
     * @param querySidePort    0 for any free port
     * @param adminUiPort      0 for any free port
     * @param extraArguments   Spring arguments for all three applications
     */
    public static LocalSystem start(Path dataDirectory, int commandSidePort, int querySidePort, int adminUiPort,
                                    String... extraArguments) throws IOException {
        System.setProperty("axoniq.update-checker.disabled", "true");
        DataFolderLock lock = DataFolderLock.acquire(dataDirectory);
        LocalDatabase database = null;
        ConfigurableApplicationContext commandSide = null;
        ConfigurableApplicationContext querySide = null;
        try {
            Path postgresData = dataDirectory.resolve("postgres");
            OrphanPostmaster.stopIfRunning(lock, postgresData);
            database = LocalDatabase.start(postgresData, 0);
            LocalLogins logins = LocalLogins.loadOrCreate(dataDirectory.resolve("logins.properties"));
            List<String> shared = new ArrayList<>();
            shared.add("--spring.datasource.url=" + database.jdbcUrl());
            shared.add("--spring.datasource.username=postgres");
            shared.add("--spring.datasource.password=postgres");
            shared.addAll(logins.asProperties());
            LocalUiKeys uiKeys = LocalUiKeys.create(dataDirectory);
            shared.addAll(uiKeys.sideProperties());
            shared.addAll(Arrays.asList(extraArguments));
            // The command side first: it owns the event store, and Flyway must not race itself. It links
            // Generate answers to the query side's status URLs, so it needs that port before it starts.
            int queryPort = querySidePort > 0 ? querySidePort : freePort();
            List<String> commandArguments = new ArrayList<>(shared);
            commandArguments.add("--coupons.query-side-url=http://127.0.0.1:" + queryPort);
            commandSide = CommandSideApplication.start(with(commandArguments, "--server.port", commandSidePort));
            querySide = QuerySideApplication.start(with(shared, "--server.port", queryPort));
            List<String> uiArguments = new ArrayList<>(logins.asProperties());
            uiArguments.add(uiKeys.uiProperty());
            uiArguments.add("--coupons.admin-ui.command-side-url=http://127.0.0.1:" + port(commandSide));
            uiArguments.add("--coupons.admin-ui.query-side-url=http://127.0.0.1:" + port(querySide));
            uiArguments.addAll(Arrays.asList(extraArguments));
            ConfigurableApplicationContext adminUi =
                    AdminUiApplication.start(with(uiArguments, "--server.port", adminUiPort));
            return new LocalSystem(lock, database, logins, commandSide, querySide, adminUi);
        } catch (IOException | RuntimeException e) {
            // A half-started system must not keep PostgreSQL or the lock until the JVM ends.
            closeQuietly(querySide);
            closeQuietly(commandSide);
            closeQuietly(database);
            closeQuietly(lock);
            throw e;
        }
    }

    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        Path data = Path.of(System.getProperty("coupons.data-dir", ".coupons-data")).toAbsolutePath();
        int commandPort = Integer.parseInt(System.getenv().getOrDefault("COMMAND_SIDE_PORT", "8081"));
        int queryPort = Integer.parseInt(System.getenv().getOrDefault("QUERY_SIDE_PORT", "8082"));
        int uiPort = Integer.parseInt(System.getenv().getOrDefault("ADMIN_UI_PORT", "8080"));
        LocalSystem system;
        try {
            system = start(data, commandPort, queryPort, uiPort, args);
        } catch (DataFolderLock.InUseException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(system::close));
        System.out.println(system.banner(data, Duration.ofNanos(System.nanoTime() - started)));
    }

    public int commandSidePort() {
        return port(commandSide);
    }

    public int querySidePort() {
        return port(querySide);
    }

    public int adminUiPort() {
        return port(adminUi);
    }

    public LocalLogins logins() {
        return logins;
    }

    public ConfigurableApplicationContext commandSide() {
        return commandSide;
    }

    public ConfigurableApplicationContext querySide() {
        return querySide;
    }

    public ConfigurableApplicationContext adminUi() {
        return adminUi;
    }

    String banner(Path data, Duration startup) {
        String command = "http://127.0.0.1:" + commandSidePort();
        String query = "http://127.0.0.1:" + querySidePort();
        StringBuilder banner = new StringBuilder("\n=== Coupon service is up (" + startup.toMillis() + " ms) ===\n")
                .append("Admin UI      http://127.0.0.1:").append(adminUiPort()).append("/   (sign in as admin or auditor)\n")
                .append("Command side  ").append(command).append("/api   (Swagger UI: ").append(command)
                .append("/swagger-ui.html)\n")
                .append("Query side    ").append(query).append("/api   (Swagger UI: ").append(query)
                .append("/swagger-ui.html)\n")
                .append("PostgreSQL    ").append(database.jdbcUrl()).append(" (data in ").append(data)
                .append(")\n")
                .append("Sample logins (HTTP Basic; stored in ").append(data.resolve("logins.properties"))
                .append("):\n");
        logins.passwords().forEach((user, password) -> banner.append("  ").append(String.format("%-9s", user))
                .append(" / ").append(password).append("   role ").append(LocalLogins.ROLE_OF_USER.get(user))
                .append('\n'));
        return banner.append("Stop with Ctrl+C.\n").toString();
    }

    @Override
    public void close() {
        adminUi.close();
        querySide.close();
        commandSide.close();
        try {
            database.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        closeQuietly(lock); // last: until PostgreSQL is down, no other local system may take the folder
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("Could not close " + closeable + ": " + e.getMessage());
        }
    }

    /** Adds {@code --name=value} unless the user's own arguments already set it (Spring would join both). */
    private static String[] with(List<String> shared, String name, int value) {
        List<String> arguments = new ArrayList<>(shared);
        if (arguments.stream().noneMatch(argument -> argument.startsWith(name + "="))) {
            arguments.add(name + "=" + value);
        }
        return arguments.toArray(String[]::new);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
