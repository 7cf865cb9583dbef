package io.coupons.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL left running on the data folder by a local system that died without its shutdown
 * hook ({@code kill -9}, an OOM kill). zonky's EmbeddedPostgres starts the server through
 * {@code pg_ctl}, which detaches it from the JVM, and stops it only in {@code close()} or a shutdown
 * hook; so the server outlives the JVM, keeps {@code postmaster.pid}, and a new server on the folder
 * refuses to start ({@code lock file "postmaster.pid" already exists}).
 */
final class OrphanPostmaster {

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private OrphanPostmaster() {
    }

    /**
     * Stops the server named by the folder's {@code postmaster.pid}, if one runs. Only safe for the
     * holder of the folder's lock: no live local system can be using that server.
     */
    static void stopIfRunning(DataFolderLock heldLock, Path dataDirectory) throws IOException {
        Objects.requireNonNull(heldLock, "only the holder of the folder's lock may stop its server");
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (NoSuchFileException clean) {
            return;
        }
        // Line 1 is the postmaster's PID (negative for a single-user backend).
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // PostgreSQL itself ignores a pid file whose process is gone
        }
        Optional<Boolean> serves = servesFolder(process.get(), dataDirectory);
        if (serves.isEmpty()) {
            throw new IOException("Cannot tell whether process " + process.get().pid() + " named in " + pidFile
                    + " is a PostgreSQL on this folder. Stop it if it is; otherwise delete " + pidFile + ".");
        }
        if (!serves.get()) {
            // The server died long ago and its PID now belongs to an unrelated process, which PostgreSQL
            // would take for a live server on this folder.
            System.err.println("Removing stale " + pidFile + ": process " + process.get().pid()
                    + " is not a PostgreSQL on this folder.");
            Files.delete(pidFile);
            return;
        }
        System.err.println("Stopping PostgreSQL (process " + process.get().pid() + ") left running on "
                + dataDirectory + " by a local system that did not shut down (crash or kill -9).");
        stop(process.get());
    }

    /**
     * Fast shutdown (SIGINT): rolls back what the dead JVM left in flight, writes a checkpoint, exits.
     * Not through {@code pg_ctl kill}: pg_ctl refuses to run as root, where zonky runs the server in a
     * user namespace ({@code unshare -U}).
     */
    private static void stop(ProcessHandle postgres) throws IOException {
        if (!signalled("kill", "-INT", Long.toString(postgres.pid()))) {
            postgres.destroy(); // SIGTERM, smart shutdown: enough once the dead JVM's sessions are gone
        }
        try {
            postgres.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("PostgreSQL (process " + postgres.pid() + ") did not stop within " + STOP_TIMEOUT
                    + "; stop it (kill -INT " + postgres.pid() + ") and start again.", e);
        } catch (ExecutionException e) {
            throw new IOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while PostgreSQL was stopping", e);
        }
    }

    /** Empty when the process's command line cannot be read (another user's, or the platform hides it). */
    static Optional<Boolean> servesFolder(ProcessHandle process, Path dataDirectory) {
        Optional<String> command = process.info().command();
        Optional<String[]> arguments = process.info().arguments();
        if (command.isEmpty() || arguments.isEmpty()) {
            return Optional.empty();
        }
        // "postgres (deleted)" too: the extracted binaries may have been cleaned up under a live server.
        if (!Path.of(command.get()).getFileName().toString().startsWith("postgres")) {
            return Optional.of(false);
        }
        String[] args = arguments.get();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("-D") && sameFile(Path.of(args[i + 1]), dataDirectory)) {
                return Optional.of(true);
            }
        }
        return Optional.of(false);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Math.abs(Long.parseLong(line.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** False when the command could not run or failed (no {@code kill} on the path). */
    private static boolean signalled(String... command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException notFound) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while signalling PostgreSQL", e);
        }
    }
}
