package io.coupons.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One side of the service as its own JVM, started from its runnable jar with a capped heap. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;

    private ServiceProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    static ServiceProcess start(String name, Path jar, String heap, int port, List<String> arguments, Path log)
            throws IOException, InterruptedException {
        return start(name, jar, List.of(), heap, port, arguments, log);
    }

    /** @param mode arguments before the Spring ones (the bench jar's in-process mode), usually none */
    static ServiceProcess start(String name, Path jar, List<String> mode, String heap, int port, List<String> arguments,
                                Path log) throws IOException, InterruptedException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -DskipTests package first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-jar", jar.toString()));
        command.addAll(mode);
        command.addAll(List.of("--server.port=" + port, "--logging.level.root=warn"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        ServiceProcess service = new ServiceProcess(name, builder.start(), port);
        service.awaitHealthy();
        return service;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Freezes the process (SIGSTOP) or lets it go on (SIGCONT): a measurement of the command side
     * with the query side's projections held, which then catch up. Linux (and any POSIX {@code kill}).
     */
    void pause(boolean paused) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", paused ? "-STOP" : "-CONT", Long.toString(process.pid()))
                .inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + (paused ? "-STOP " : "-CONT ") + process.pid() + " failed");
        }
    }

    /** One line to the process's standard input (the in-process mode's tasks). */
    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Peak resident memory of the process so far (VmHWM), in MB. */
    long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private void awaitHealthy() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up");
            }
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy in 3 minutes");
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // it may be gone already
        }
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
