package io.coupons.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Proof that this is the only local system on a data folder: an exclusive OS lock on
 * {@code local-system.lock}, held for the system's whole life. The OS drops it when the JVM dies,
 * even by {@code kill -9}, so whoever holds it knows that any PostgreSQL still running on the folder
 * was left behind by a crash and belongs to no one.
 */
public final class DataFolderLock implements AutoCloseable {

    static final String FILE_NAME = "local-system.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws InUseException if another local system (in any JVM) holds the folder */
    public static DataFolderLock acquire(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        Path file = dataDirectory.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new InUseException("The data folder " + dataDirectory + " is in use by another local system (it"
                    + " holds " + file + "). Stop that one first, or choose another folder with -Dcoupons.data-dir=...");
        }
        return new DataFolderLock(channel, lock);
    }

    /** Another local system runs on the folder: refuse, never a second PostgreSQL on the same data. */
    public static final class InUseException extends IOException {

        InUseException(String message) {
            super(message);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
