package org.djlnas.zoo;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The lock a writer of a zoo holds while it changes it, so that two publications or imports into
 * one zoo, from this process or another, never interleave their updates of a {@value
 * ZooLayout#METADATA_FILE}. It is an operating-system lock on the file {@value #FILE} in the zoo.
 */
final class ZooLock implements AutoCloseable {

    /** The lock file, in the zoo folder. */
    static final String FILE = ".zoo.lock";

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final long POLL_MILLIS = 50;

    private final FileChannel channel;
    private final FileLock lock;

    private ZooLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of a zoo, waiting while another writer holds it.
     *
     * @param zoo the zoo folder, which must exist
     * @return the lock; closing it releases it
     * @throws IOException if the lock file cannot be opened, or another writer holds the lock for
     *     longer than two minutes
     */
    static ZooLock acquire(Path zoo) throws IOException {
        Path file = zoo.resolve(FILE);
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new ZooLock(channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException(
                            "the zoo "
                                    + zoo
                                    + " is locked by another writer (lock file "
                                    + file
                                    + ") for more than "
                                    + WAIT.toMinutes()
                                    + " minutes");
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            throw new IOException("interrupted while waiting for the lock of " + zoo, e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Takes the lock of a zoo if no other writer holds it, without waiting.
     *
     * @param zoo the zoo folder, which must exist
     * @return the lock, or empty if another writer holds it
     * @throws IOException if the lock file cannot be opened
     */
    static Optional<ZooLock> tryAcquire(Path zoo) throws IOException {
        FileChannel channel =
                FileChannel.open(
                        zoo.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new ZooLock(channel, lock));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // another thread of this process holds it
        }
    }

    /**
     * Releases the lock.
     *
     * @throws IOException if it cannot be released
     */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
