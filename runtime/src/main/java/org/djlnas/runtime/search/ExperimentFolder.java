package org.djlnas.runtime.search;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.djlnas.api.store.StoreException;
import org.djlnas.runtime.store.ExperimentLock;
import org.djlnas.runtime.store.SqliteExperimentStore;

/**
 * An experiment folder this process claimed to create an experiment in: made (if it did not exist)
 * and locked. If the experiment cannot be created after all, {@link #abandon} removes what the
 * claim made, so that no half-made experiment is left behind.
 *
 * @param path the folder
 * @param created whether the claim made the folder
 * @param lockFileCreated whether the claim made the lock file
 * @param lock the folder's lock
 */
record ExperimentFolder(Path path, boolean created, boolean lockFileCreated, ExperimentLock lock) {

    private static final int MAX_SUFFIX = 1000;

    /**
     * Claims a folder: creates it if needed and locks it.
     *
     * @param folder the folder
     * @return the claim
     * @throws IllegalArgumentException if the path is a file, or the folder already holds an
     *     experiment
     * @throws StoreException if the folder cannot be created, or another process holds it
     */
    static ExperimentFolder claim(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                    "the experiment folder " + folder + " is a file; expected a folder (or none)");
        }
        if (SqliteExperimentStore.holdsExperiment(folder)) {
            throw new IllegalArgumentException(
                    "experiment folder '"
                            + folder
                            + "' already holds an experiment; expected a new folder, or `resume`"
                            + " to continue it");
        }
        boolean created = false;
        if (!Files.isDirectory(folder)) {
            try {
                createParent(folder);
                Files.createDirectory(folder);
                created = true;
            } catch (FileAlreadyExistsException e) {
                // another process made it meanwhile; its lock decides
            } catch (IOException e) {
                throw cannotCreate(folder, e);
            }
        }
        return lock(folder, created);
    }

    /**
     * Claims a new folder named {@code folder}, or {@code folder-2}, {@code folder-3}, … if that
     * exists, creating it atomically, so that two searches started at once never share one.
     *
     * @param folder the preferred folder
     * @return the claim of a folder this call created
     * @throws StoreException if no folder can be created
     */
    static ExperimentFolder claimNew(Path folder) {
        try {
            createParent(folder);
        } catch (IOException e) {
            throw cannotCreate(folder, e);
        }
        for (int suffix = 1; suffix <= MAX_SUFFIX; suffix++) {
            Path candidate =
                    suffix == 1
                            ? folder
                            : folder.resolveSibling(folder.getFileName() + "-" + suffix);
            try {
                Files.createDirectory(candidate);
                return lock(candidate, true);
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            } catch (IOException e) {
                throw cannotCreate(candidate, e);
            }
        }
        throw new StoreException(
                "cannot create the experiment folder "
                        + folder
                        + ": it and "
                        + MAX_SUFFIX
                        + " numbered variants exist");
    }

    private static void createParent(Path folder) throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
    }

    private static ExperimentFolder lock(Path folder, boolean created) {
        boolean lockFileCreated = !Files.exists(folder.resolve(ExperimentLock.FILE_NAME));
        try {
            return new ExperimentFolder(
                    folder, created, lockFileCreated, ExperimentLock.acquire(folder));
        } catch (RuntimeException e) {
            if (created) {
                deleteQuietly(folder);
            }
            throw e;
        }
    }

    private static StoreException cannotCreate(Path folder, IOException e) {
        String reason =
                e instanceof FileAlreadyExistsException
                        ? "a file is in the way (" + e.getMessage() + ")"
                        : String.valueOf(e.getMessage());
        return new StoreException(
                "cannot create the experiment folder " + folder + ": " + reason, e);
    }

    /**
     * Releases the folder and removes what this claim made: the whole folder if the claim created
     * it, else the lock file if the claim made it and the journal if {@code journalCreated}.
     *
     * @param journalCreated whether this process created the journal in the folder
     */
    void abandon(boolean journalCreated) {
        lock.close();
        if (created) {
            deleteQuietly(path);
            return;
        }
        List<String> made = new ArrayList<>();
        if (journalCreated) {
            for (String suffix : List.of("", "-wal", "-shm")) {
                made.add(SqliteExperimentStore.FILE_NAME + suffix);
            }
        }
        if (lockFileCreated) {
            made.add(ExperimentLock.FILE_NAME);
        }
        for (String name : made) {
            try {
                Files.deleteIfExists(path.resolve(name));
            } catch (IOException e) {
                // left for the user; the next creation replaces a journal without configuration
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // left for the user
        }
    }
}
