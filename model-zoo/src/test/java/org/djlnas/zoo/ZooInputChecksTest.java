package org.djlnas.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing, packing and importing check what they are given before they write anything, and name
 * the path or value the caller gave.
 */
class ZooInputChecksTest {

    @TempDir Path folder;

    private Path zoo;

    @BeforeEach
    void publishOneVersion() throws Exception {
        zoo = folder.resolve("zoo");
        new ZooPublisher(zoo)
                .publish(
                        TestNetworks.publication(
                                "fmnist",
                                "1",
                                TestNetworks.someArchitecture(),
                                TestNetworks.fakeWeights(folder.resolve("w"), "weights")),
                        false);
    }

    @Test
    void aPublicationTargetIsCheckedWithoutWritingAnything() throws Exception {
        ZooPublisher publisher = new ZooPublisher(folder.resolve("new-zoo"));
        publisher.check("fmnist", "1", false);
        assertThat(folder.resolve("new-zoo")).doesNotExist();

        assertThatThrownBy(() -> publisher.check("bad name", "1", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bad name'");
        assertThatThrownBy(() -> publisher.check("fmnist", "v1", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 'v1'");
        assertThatThrownBy(() -> new ZooPublisher(zoo).check("fmnist", "1", false))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("'fmnist' version 1 is already published");
        new ZooPublisher(zoo).check("fmnist", "1", true);
        new ZooPublisher(zoo).check("fmnist", "2", false);

        Path file = Files.writeString(folder.resolve("file.txt"), "x", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ZooPublisher(file.resolve("sub")).check("fmnist", "1", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + "' is a file");
    }

    @Test
    void packingNamesTheArchiveGivenWhenItsFolderTakesNoFiles() throws Exception {
        Path file = Files.writeString(folder.resolve("file.txt"), "x", StandardCharsets.UTF_8);

        assertThatThrownBy(
                        () ->
                                new ArchivePacker(zoo)
                                        .pack("fmnist", Optional.empty(), file.resolve("x.zip")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("archive '" + file.resolve("x.zip") + "'")
                .hasMessageContaining("is a file");
        assertThatThrownBy(() -> new ArchivePacker(zoo).pack("fmnist", Optional.empty(), folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("archive '" + folder + "' is a folder");
        Path proc = Path.of("/proc/x.zip");
        if (Files.isDirectory(proc.getParent())) { // Linux: /proc takes no new files, even root's
            assertThatThrownBy(() -> new ArchivePacker(zoo).pack("nope", Optional.empty(), proc))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("archive '/proc/x.zip' cannot be written")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(".tmp"));
        }
    }

    @Test
    void aMissingOrRejectedArchiveMakesNoZoo() throws Exception {
        Path target = folder.resolve("target");

        assertThatThrownBy(
                        () ->
                                new ArchiveImporter(target)
                                        .importArchive(folder.resolve("nope.zip"), false))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nope.zip");
        assertThat(target).doesNotExist();

        Path notZip =
                Files.writeString(folder.resolve("bad.zip"), "no zip", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ArchiveImporter(target).importArchive(notZip, false))
                .isInstanceOf(InvalidArchiveException.class);
        assertThat(target).doesNotExist();

        assertThatThrownBy(() -> new ArchiveImporter(target).importArchive(folder, false))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageContaining("is not a file");
        assertThat(target).doesNotExist();
    }

    @Test
    void aRejectedArchiveLeavesAnExistingZooAsItWas() throws Exception {
        Path notZip =
                Files.writeString(folder.resolve("bad.zip"), "no zip", StandardCharsets.UTF_8);
        long before = count(zoo);

        assertThatThrownBy(() -> new ArchiveImporter(zoo).importArchive(notZip, false))
                .isInstanceOf(InvalidArchiveException.class);

        assertThat(zoo).isDirectory();
        assertThat(count(zoo)).isEqualTo(before);
    }

    private static long count(Path folder) throws Exception {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.count();
        }
    }
}
