package org.djlnas.zoo;

import ai.djl.repository.Artifact;
import ai.djl.repository.Metadata;
import ai.djl.util.JsonUtils;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs one published model, all its versions or one, into a single zip file. The archive is a
 * small zoo: its entries have the paths of the zoo's layout ({@code
 * model/cv/image_classification/org/djlnas/zoo/NAME/metadata.json} listing the packed versions, and
 * {@code …/NAME/VERSION/FILE}), so unzipped it loads like any zoo folder, and {@link
 * ArchiveImporter} adds it to another zoo. Entries carry a fixed time stamp, so packing the same
 * model twice gives the same bytes.
 */
public final class ArchivePacker {

    private static final FileTime ENTRY_TIME = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

    private final ZooLayout layout;

    /**
     * Creates a packer for a zoo folder.
     *
     * @param zoo the zoo folder
     */
    public ArchivePacker(Path zoo) {
        this.layout = ZooLayout.of(zoo);
    }

    /**
     * Packs a model after checking its files against their checksums.
     *
     * @param name the model's name
     * @param version the version to pack, or empty for every version
     * @param archive the zip file to write, replaced if it exists
     * @throws IllegalArgumentException naming what the zoo holds if it has no such model or
     *     version, or naming the archive if it cannot be written there
     * @throws CorruptModelFileException naming a file of the model that is damaged
     * @throws IOException if the zoo cannot be read or the archive written
     */
    public void pack(String name, Optional<String> version, Path archive) throws IOException {
        Path parent = archive.toAbsolutePath().getParent();
        requireWritableTarget(archive, parent);
        Path temporary = null;
        try {
            if (Files.isDirectory(parent)) {
                temporary = temporaryFile(archive, parent); // the target is checked first
            }
            Path metadataFile = layout.modelFolder(name).resolve(ZooLayout.METADATA_FILE);
            if (!Files.isRegularFile(metadataFile)) {
                throw new IllegalArgumentException(
                        "model '"
                                + name
                                + "' is not in the zoo "
                                + layout.root()
                                + "; its models: "
                                + describe(layout.modelNames()));
            }
            Metadata metadata = MetadataFile.read(metadataFile, name);
            List<Artifact> versions = select(metadata, name, version);
            for (Artifact artifact : versions) {
                ChecksumManifest.verify(layout.versionFolder(name, artifact.getVersion()));
            }
            metadata.setArtifacts(versions);

            if (temporary == null) {
                Files.createDirectories(parent);
                temporary = temporaryFile(archive, parent);
            }
            try (OutputStream out = Files.newOutputStream(temporary);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                String model = ZooLayout.modelPath(name) + "/";
                entry(zip, model + ZooLayout.METADATA_FILE);
                zip.write(
                        (JsonUtils.GSON_PRETTY.toJson(metadata) + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                for (Artifact artifact : versions) {
                    Path folder = layout.versionFolder(name, artifact.getVersion());
                    for (Path file : files(folder)) {
                        entry(zip, model + artifact.getVersion() + "/" + file.getFileName());
                        Files.copy(file, zip);
                    }
                }
            }
            Folders.move(temporary, archive);
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /**
     * Checks that the archive can be a file: it is not a folder, and the nearest existing folder
     * above it is a folder.
     */
    private static void requireWritableTarget(Path archive, Path parent) {
        if (Files.isDirectory(archive)) {
            throw new IllegalArgumentException(
                    "archive '" + archive + "' is a folder; expected the path of a zip file");
        }
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(
                    "archive '"
                            + archive
                            + "' cannot be written: '"
                            + existing
                            + "' is a file, not a folder");
        }
    }

    /** Creates the file the archive is written to before it is moved into place. */
    private static Path temporaryFile(Path archive, Path parent) {
        try {
            return Files.createTempFile(parent, "." + archive.getFileName() + "-", ".tmp");
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException(
                    "archive '"
                            + archive
                            + "' cannot be written: its folder "
                            + parent
                            + " does not take new files; expected a path in a writable folder",
                    e);
        }
    }

    private static List<Artifact> select(Metadata metadata, String name, Optional<String> version) {
        if (version.isEmpty()) {
            return metadata.getArtifacts();
        }
        Optional<Artifact> artifact = MetadataFile.version(metadata, version.get());
        if (artifact.isEmpty()) {
            throw new IllegalArgumentException(
                    "model '"
                            + name
                            + "' has no version "
                            + version.get()
                            + "; its versions: "
                            + describe(
                                    metadata.getArtifacts().stream()
                                            .map(Artifact::getVersion)
                                            .toList()));
        }
        return List.of(artifact.get());
    }

    /** Starts an entry; the next one closes it. */
    private static void entry(ZipOutputStream zip, String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(ENTRY_TIME);
        zip.putNextEntry(entry);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    private static String describe(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
