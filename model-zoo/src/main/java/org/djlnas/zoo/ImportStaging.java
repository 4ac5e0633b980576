package org.djlnas.zoo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The staging folder ({@code .import-NNNN/}) an import extracts an archive into before moving it
 * into the zoo. Its importer holds an operating-system lock on the file {@value #OWNER_FILE} in it
 * (which holds the importer's process id) for as long as it works, so the operating system frees
 * the folder of an importer that was killed; {@link #sweep} then removes it, and never the folder
 * of an import still running.
 */
final class ImportStaging implements AutoCloseable {

    /** The prefix of staging folders in a zoo. */
    static final String PREFIX = ".import-";

    /** The lock file in a staging folder. */
    static final String OWNER_FILE = ".owner.lock";

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private ImportStaging(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates and locks a new staging folder. The zoo's lock is held meanwhile, so that a sweep
     * never sees the folder before its lock.
     *
     * @param zoo the zoo folder, which must exist
     * @return the staging folder; closing it deletes it
     * @throws IOException if it cannot be created
     */
    static ImportStaging create(Path zoo) throws IOException {
        try (ZooLock zooLock = ZooLock.acquire(zoo)) {
            Path folder = Files.createTempDirectory(zoo, PREFIX);
            FileChannel channel =
                    FileChannel.open(
                            folder.resolve(OWNER_FILE),
                            StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.lock();
                channel.write(
                        ByteBuffer.wrap(
                                (ProcessHandle.current().pid() + "\n")
                                        .getBytes(StandardCharsets.US_ASCII)));
                return new ImportStaging(folder, channel, lock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                Folders.deleteRecursively(folder);
                throw e;
            }
        }
    }

    /**
     * Returns the staging folder.
     *
     * @return the folder
     */
    Path path() {
        return folder;
    }

    /**
     * Removes the staging folders of importers that died, if no writer holds the zoo; an import
     * still running keeps its folder. Best effort: a zoo that cannot be written is left as it is.
     *
     * @param zoo the zoo folder
     * @return the folders removed
     */
    static List<Path> sweep(Path zoo) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(zoo) || !Files.isWritable(zoo)) {
            return removed;
        }
        try {
            Optional<ZooLock> zooLock = ZooLock.tryAcquire(zoo);
            if (zooLock.isEmpty()) {
                return removed;
            }
            try (ZooLock held = zooLock.get();
                    DirectoryStream<Path> entries = Files.newDirectoryStream(zoo, PREFIX + "*")) {
                for (Path folder : entries) {
                    if (Files.isDirectory(folder) && removeIfAbandoned(folder)) {
                        removed.add(folder);
                    }
                }
            }
        } catch (IOException e) {
            // best effort: the folders stay for the next sweep
        }
        return removed;
    }

    private static boolean removeIfAbandoned(Path folder) throws IOException {
        Path owner = folder.resolve(OWNER_FILE);
        if (!Files.exists(owner)) {
            // left by a version of djl-nas that did not lock its staging folders
            Folders.deleteRecursively(folder);
            return true;
        }
        try (FileChannel channel = FileChannel.open(owner, StandardOpenOption.WRITE)) {
            FileLock lock = ZooLock.tryLock(channel);
            if (lock == null) {
                return false; // its importer is alive
            }
            try {
                Folders.deleteRecursively(folder);
            } finally {
                lock.release();
            }
            return true;
        }
    }

    /**
     * Unlocks and deletes the staging folder.
     *
     * @throws IOException if it cannot be deleted
     */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
        Folders.deleteRecursively(folder);
    }
}
