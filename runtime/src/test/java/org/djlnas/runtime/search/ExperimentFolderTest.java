package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.djlnas.runtime.store.ExperimentLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claiming experiment folders: new ones never shared, files refused, abandoned claims undone. */
class ExperimentFolderTest {

    @TempDir Path root;

    @Test
    void searchesStartedAtOnceGetDistinctNewFolders() throws Exception {
        Path base = root.resolve("experiments/nas-bench-201-random-20261206-120000");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<ExperimentFolder>> claims = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                claims.add(pool.submit(() -> ExperimentFolder.claimNew(base)));
            }
            List<Path> folders = new ArrayList<>();
            for (Future<ExperimentFolder> claim : claims) {
                ExperimentFolder folder = claim.get();
                folders.add(folder.path());
                assertThat(folder.created()).isTrue();
                folder.lock().close();
            }
            assertThat(folders)
                    .containsExactlyInAnyOrder(
                            base,
                            base.resolveSibling(base.getFileName() + "-2"),
                            base.resolveSibling(base.getFileName() + "-3"),
                            base.resolveSibling(base.getFileName() + "-4"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFileInThePlaceOfTheFolderIsNamed() throws Exception {
        Path file = root.resolve("out");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> ExperimentFolder.claim(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is a file")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void abandoningRemovesAFolderItMadeAndOnlyItsOwnFilesOfAnExistingOne() throws Exception {
        ExperimentFolder made = ExperimentFolder.claim(root.resolve("new/a"));
        made.abandon(false);
        assertThat(root.resolve("new/a")).doesNotExist();

        Path existing = Files.createDirectories(root.resolve("existing"));
        Files.writeString(existing.resolve("notes.txt"), "mine");
        ExperimentFolder claimed = ExperimentFolder.claim(existing);
        Files.writeString(existing.resolve("experiment.db"), "");
        claimed.abandon(true);
        assertThat(existing.resolve("notes.txt")).exists();
        assertThat(existing.resolve("experiment.db")).doesNotExist();
        assertThat(existing.resolve(ExperimentLock.FILE_NAME)).doesNotExist();
    }
}
