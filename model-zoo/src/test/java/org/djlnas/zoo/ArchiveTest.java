package org.djlnas.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A packed model imports into another zoo; damaged or hostile archives leave nothing behind. */
class ArchiveTest {

    private static final String MODEL = "model/cv/image_classification/org/djlnas/zoo/fmnist/";
    private static final String WEIGHTS = MODEL + "2/fmnist-0000.params";

    @TempDir Path folder;

    private Path source;
    private Path target;
    private Path archive;

    @BeforeEach
    void publishTwoVersionsAndPackThem() throws Exception {
        source = folder.resolve("source");
        target = folder.resolve("target");
        archive = folder.resolve("fmnist.zip");
        for (String version : List.of("1", "2")) {
            new ZooPublisher(source)
                    .publish(
                            TestNetworks.publication(
                                    "fmnist",
                                    version,
                                    TestNetworks.someArchitecture(),
                                    TestNetworks.fakeWeights(
                                            folder.resolve("w" + version), "weights " + version)),
                            false);
        }
        new ArchivePacker(source).pack("fmnist", Optional.empty(), archive);
    }

    @Test
    void theArchiveIsASmallZoo() throws Exception {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertThat(Collections.list(zip.entries()))
                    .extracting(ZipEntry::getName)
                    .contains(MODEL + "metadata.json", WEIGHTS, MODEL + "1/checksums.sha256")
                    .hasSize(13);
        }
        Path again = folder.resolve("again.zip");
        new ArchivePacker(source).pack("fmnist", Optional.empty(), again);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(archive));
    }

    @Test
    void aPackedModelImportsIntoAnotherZoo() throws Exception {
        List<PublishedModel> imported = new ArchiveImporter(target).importArchive(archive, false);

        assertThat(imported).extracting(PublishedModel::version).containsExactly("2", "1");
        assertThat(new ZooCatalog(target).list().models())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("folder")
                .isEqualTo(new ZooCatalog(source).list().models());
        for (String version : List.of("1", "2")) {
            Path folderOfVersion = ZooLayout.of(target).versionFolder("fmnist", version);
            ChecksumManifest.verify(folderOfVersion);
            assertThat(Files.readString(folderOfVersion.resolve("fmnist-0000.params")))
                    .isEqualTo("DJL@weights " + version);
        }
        assertThat(
                        Files.readString(
                                ZooLayout.of(target)
                                        .modelFolder("fmnist")
                                        .resolve("metadata.json")))
                .isEqualTo(
                        Files.readString(
                                ZooLayout.of(source)
                                        .modelFolder("fmnist")
                                        .resolve("metadata.json")));
        assertNothingLeftBehind();
    }

    @Test
    void existingVersionsAreKeptUnlessReplaced() throws Exception {
        new ArchiveImporter(target).importArchive(archive, false);
        assertThatThrownBy(() -> new ArchiveImporter(target).importArchive(archive, false))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("model 'fmnist' already has the versions [2, 1]");
        assertThat(new ArchiveImporter(target).importArchive(archive, true)).hasSize(2);
        assertNothingLeftBehind();
    }

    @Test
    void oneVersionPacksAlone() throws Exception {
        Path one = folder.resolve("one.zip");
        new ArchivePacker(source).pack("fmnist", Optional.of("1"), one);
        assertThat(new ArchiveImporter(target).importArchive(one, false))
                .extracting(PublishedModel::version)
                .containsExactly("1");
        assertThatThrownBy(() -> new ArchivePacker(source).pack("fmnist", Optional.of("3"), one))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model 'fmnist' has no version 3; its versions: 2, 1");
        assertThatThrownBy(() -> new ArchivePacker(source).pack("other", Optional.empty(), one))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model 'other' is not in the zoo")
                .hasMessageContaining("its models: fmnist");
    }

    @Test
    void entriesThatEscapeTheZooAreRefused() throws Exception {
        for (String evil :
                List.of(
                        "../evil.txt",
                        MODEL + "2/../../../../../../../../../evil.txt",
                        "/tmp/evil.txt",
                        "model\\..\\evil.txt",
                        "C:/evil.txt",
                        MODEL + "./2/evil.txt")) {
            Path bad = rewrite(entries -> entries.put(evil, "evil".getBytes()));
            assertThatThrownBy(() -> new ArchiveImporter(target).importArchive(bad, false))
                    .as(evil)
                    .isInstanceOf(InvalidArchiveException.class)
                    .hasMessageContaining("holds the entry '" + evil + "', which escapes");
        }
        assertThat(folder.resolve("evil.txt")).doesNotExist();
        assertNothingLeftBehind();
    }

    @Test
    void entriesOutsideTheLayoutAreRefused() throws Exception {
        Path extra = rewrite(entries -> entries.put(MODEL + "2/sub/file.txt", new byte[1]));
        assertThatThrownBy(() -> new ArchiveImporter(target).importArchive(extra, false))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageContaining("which is not a file of a version folder");
        Path unlisted = rewrite(entries -> entries.put(MODEL + "2/notes.txt", new byte[1]));
        assertThatThrownBy(() -> new ArchiveImporter(target).importArchive(unlisted, false))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageContaining("but its metadata lists");
        Path moved =
                rewrite(
                        entries ->
                                entries.put(
                                        "fmnist/metadata.json",
                                        entries.remove(MODEL + "metadata.json")));
        assertThatThrownBy(() -> new ArchiveImporter(target).importArchive(moved, false))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageContaining("not where a zoo keeps a model's metadata");
        Path missing = rewrite(entries -> entries.remove(WEIGHTS));
        assertThatThrownBy(() -> new ArchiveImporter(target).importArchive(missing, false))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageContaining("holds the files")
                .hasMessageContaining("of version 2 but its metadata lists");
        assertNothingLeftBehind();
    }

    @Test
    void aDuplicateEntryIsRefused() throws Exception {
        String twin = MODEL + "2/synset.txu";
        Path bad =
                rewrite(entries -> entries.put(twin, entries.get(MODEL + "2/synset.txt").clone()));
        byte[] bytes = Files.readAllBytes(bad);
        replaceAll(
                bytes, twin.getBytes(StandardCharsets.UTF_8), (MODEL + "2/synset.txt").getBytes());
        Files.write(bad, bytes);
        assertThatThrownBy(() -> new ArchiveImporter(target).importArchive(bad, false))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageContaining("twice");
        assertNothingLeftBehind();
    }

    @Test
    void aTruncatedArchiveIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(archive);
        Path truncated = folder.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> new ArchiveImporter(target).importArchive(truncated, false))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageContaining(truncated + " is not a zip archive, or is truncated");
        assertNothingLeftBehind();
    }

    @Test
    void aChangedFileFailsItsChecksum() throws Exception {
        Path bad =
                rewrite(
                        entries -> {
                            byte[] weights = entries.get(WEIGHTS);
                            weights[weights.length - 1] ^= 1;
                        });
        assertThatThrownBy(() -> new ArchiveImporter(target).importArchive(bad, false))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageContaining("holds a damaged version 2")
                .hasMessageContaining("fmnist-0000.params is corrupt, truncated or was changed");
        assertNothingLeftBehind();
    }

    @Test
    void anEntryLargerThanDeclaredIsRefused() throws Exception {
        Path bad = rewrite(entries -> entries.put(WEIGHTS, new byte[1 << 20]));
        assertThatThrownBy(() -> new ArchiveImporter(target).importArchive(bad, false))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageContaining("entry " + WEIGHTS + " holds more than the 13 bytes");
        assertNothingLeftBehind();
    }

    @Test
    void anArchiveThatWouldExpandFarBeyondItsSizeIsRefused() throws Exception {
        Path bad =
                rewrite(
                        entries ->
                                entries.put(
                                        MODEL + "metadata.json",
                                        new String(entries.get(MODEL + "metadata.json"))
                                                .replace("\"size\": 13", "\"size\": 1300000000")
                                                .getBytes()));
        assertThatThrownBy(() -> new ArchiveImporter(target).importArchive(bad, false))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageContaining("more than 1000 times its own size");
        assertNothingLeftBehind();
    }

    @Test
    void foreignLoadingArgumentsAreRefused() throws Exception {
        Path bad =
                rewrite(
                        entries ->
                                entries.put(
                                        MODEL + "metadata.json",
                                        new String(entries.get(MODEL + "metadata.json"))
                                                .replace(
                                                        "\"space.channels\": \"4\"",
                                                        "\"space.channels\": \"64\"")
                                                .getBytes()));
        assertThatThrownBy(() -> new ArchiveImporter(target).importArchive(bad, false))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageContaining(
                        "serving.properties does not hold the loading arguments of its metadata");
        assertNothingLeftBehind();
    }

    /** Copies the archive with its entries changed. */
    private Path rewrite(Consumer<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        change.accept(entries);
        Path copy = Files.createTempFile(folder, "changed", ".zip");
        try (OutputStream out = Files.newOutputStream(copy);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return copy;
    }

    private static void replaceAll(byte[] bytes, byte[] from, byte[] to) {
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, bytes, i, to.length);
            }
        }
    }

    private void assertNothingLeftBehind() throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .allMatch(n -> n.equals(ZooLock.FILE) || n.equals("model"));
        }
    }
}
