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
}
