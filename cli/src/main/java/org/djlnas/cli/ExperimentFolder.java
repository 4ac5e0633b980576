package org.djlnas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.djlnas.runtime.store.SqliteExperimentStore;

/** Checks an experiment folder given to a command that reads one. */
final class ExperimentFolder {

    private ExperimentFolder() {}

    /**
     * Checks that a folder holds an experiment's journal.
     *
     * @param folder the folder the user gave
     * @throws IllegalArgumentException saying whether the folder is missing, is a file or holds no
     *     journal
     */
    static void requireJournal(Path folder) {
        String problem;
        if (!Files.exists(folder)) {
            problem = "does not exist";
        } else if (!Files.isDirectory(folder)) {
            problem = "is a file";
        } else if (!Files.isRegularFile(folder.resolve(SqliteExperimentStore.FILE_NAME))) {
            problem = "holds no experiment (no " + SqliteExperimentStore.FILE_NAME + ")";
        } else {
            return;
        }
        throw new IllegalArgumentException(
                "experiment folder '"
                        + folder
                        + "' "
                        + problem
                        + "; expected the --out folder of 'nas search'");
    }

    /**
     * Checks that a new experiment may be made in a folder: it holds none yet (a journal left by a
     * search killed before it began does not count).
     *
     * @param folder the folder the user gave
     * @throws IllegalArgumentException if the folder holds an experiment's journal
     */
    static void requireNoJournal(Path folder) {
        if (SqliteExperimentStore.holdsExperiment(folder)) {
            throw new IllegalArgumentException(
                    "experiment folder '"
                            + folder
                            + "' already holds an experiment; expected a new folder, or --resume"
                            + " to continue it");
        }
    }
}
