package org.djlnas.runtime.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.djlnas.api.store.StoreException;
import org.jspecify.annotations.Nullable;

/**
 * The lock a process holds while it writes an experiment folder, so that two searches never run the
 * same experiment at once. It is an operating-system lock on the file {@value #FILE_NAME} in the
 * folder, which holds the holder's process id: a second process is refused at once with that id,
 * and the operating system releases the lock when its holder dies, so the lock of a killed search
 * is taken over by the next one without any clean-up.
 */
public final class ExperimentLock implements AutoCloseable {

    /** The lock file's name inside an experiment folder. */
    public static final String FILE_NAME = "experiment.lock";

    private static final int PID_READS = 20;
    private static final long PID_READ_MILLIS = 25;

    private final FileChannel channel;
    private final FileLock lock;

    private ExperimentLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of an experiment folder without waiting, and writes this process's id in it.
     *
     * @param folder the experiment folder, which must exist
     * @return the lock; closing it releases it
     * @throws StoreException if another process (or another search in this one) holds it, naming
     *     the holder's process id, or if the lock file cannot be written
     */
    public static ExperimentLock acquire(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel =
                    FileChannel.open(
                            file,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("cannot create the lock file " + file + ": " + e, e);
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new StoreException(
                        "the experiment "
                                + folder
                                + " is in use by process "
                                + holder(channel)
                                + " (another search writes it; lock file "
                                + file
                                + ")");
            }
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap(
                            (ProcessHandle.current().pid() + "\n")
                                    .getBytes(StandardCharsets.US_ASCII)),
                    0);
            channel.force(false);
            return new ExperimentLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot lock " + file + ": " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // another search of this process holds it
        }
    }

    /** Reads the holder's pid, waiting briefly for a holder that has locked but not yet written. */
    private static String holder(FileChannel channel) throws IOException {
        for (int i = 0; i < PID_READS; i++) {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            int read = channel.read(buffer, 0);
            String text =
                    read <= 0
                            ? ""
                            : new String(buffer.array(), 0, read, StandardCharsets.US_ASCII)
                                    .strip();
            if (text.matches("[0-9]+")) {
                return text;
            }
            try {
                Thread.sleep(PID_READ_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "(unknown pid)";
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the lock file stays; the next search takes it over
        }
    }

    /** Releases the lock; the lock file stays, for the next search to take. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        } finally {
            closeQuietly(channel);
        }
    }
}
