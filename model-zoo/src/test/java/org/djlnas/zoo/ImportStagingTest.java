package org.djlnas.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging folders of killed imports are removed by the next import or listing; live ones stay. */
class ImportStagingTest {

    @TempDir Path zoo;

    @Test
    void theStagingFolderOfAKilledImporterGoesAtTheNextListingAndALiveOneStays() throws Exception {
        Process importer = startImporter();
        Path staging;
        try {
            staging =
                    Path.of(
                            new BufferedReader(
                                            new InputStreamReader(
                                                    importer.getInputStream(),
                                                    StandardCharsets.UTF_8))
                                    .readLine());
            Files.writeString(staging.resolve("weights.params"), "half-extracted");
            new ZooCatalog(zoo).list();
            assertThat(staging).as("a running import keeps its folder").isDirectory();
            assertThat(staging.resolve("weights.params")).exists();
        } finally {
            importer.destroyForcibly(); // kill -9: the importer cleans up nothing
            importer.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(staging).isDirectory();
        new ZooCatalog(zoo).list();
        assertThat(staging).doesNotExist();
    }

    @Test
    void theNextImportRemovesStagingFoldersLeftWithoutALock() throws Exception {
        Path legacy = Files.createDirectories(zoo.resolve(ImportStaging.PREFIX + "123"));
        Files.writeString(legacy.resolve("metadata.json"), "{}");
        Path notStaging = Files.createDirectories(zoo.resolve(".other"));
        Path notAnArchive = Files.writeString(zoo.resolve("not-a-zip.zip"), "garbage");
        assertThatThrownBy(() -> new ArchiveImporter(zoo).importArchive(notAnArchive, false))
                .isInstanceOf(IOException.class);
        assertThat(legacy).doesNotExist();
        assertThat(notStaging).isDirectory();
        try (var entries = Files.list(zoo)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(ImportStaging.PREFIX));
        }
    }

    @Test
    void aStagingFolderOfThisProcessIsKeptUntilClosed() throws Exception {
        try (ImportStaging staging = ImportStaging.create(zoo)) {
            assertThat(ImportStaging.sweep(zoo)).isEmpty();
            assertThat(staging.path()).isDirectory();
        }
        try (var entries = Files.list(zoo)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(ImportStaging.PREFIX));
        }
    }

    private Process startImporter() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        StagingHolder.class.getName(),
                        zoo.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
