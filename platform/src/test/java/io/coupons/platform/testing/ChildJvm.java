package io.coupons.platform.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A side of the service in a JVM of its own, started from the test's class path: to kill it with
 * SIGKILL mid-work, or to cap its heap below what the work would take if held in memory.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * @param mainClass the application to run
     * @param jvmOptions e.g. {@code -Xmx128m}
     * @param database   JDBC URL of the database it uses (test logins included)
     * @param port       HTTP port
     * @param log        where its output goes
     * @param extra      more Spring arguments
     */
    public static Process start(Class<?> mainClass, List<String> jvmOptions, String database, int port, Path log,
                                String... extra) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(springArguments(database, port));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The Spring arguments that point a side at a test database, with the test logins. */
    public static List<String> springArguments(String database, int port) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--server.port=" + port, "--logging.level.root=warn"));
        for (String property : TestUsers.PROPERTIES) {
            arguments.add("--" + property);
        }
        return arguments;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
