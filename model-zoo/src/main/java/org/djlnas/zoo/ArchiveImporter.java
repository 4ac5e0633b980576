package org.djlnas.zoo;

import ai.djl.repository.Artifact;
import ai.djl.repository.Metadata;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.djlnas.api.arch.Architecture;

/**
 * Adds the model of an archive written by {@link ArchivePacker} to a zoo folder.
 *
 * <p>Nothing of the archive is trusted until checked. Every entry name must be a relative path
 * without {@code .} or {@code ..} segments or back-slashes, so that no entry can land outside the
 * zoo, and must fit the layout of one packed model: one {@value ZooLayout#METADATA_FILE} at the
 * zoo's place for the model, and the files of each version it lists, nothing else. The files are
 * extracted into a hidden folder inside the zoo, no larger than the metadata declares, and checked
 * against the version's checksums, its loading arguments and its provenance; only then are the
 * versions moved into place and listed in the zoo's metadata of the model. An archive that fails
 * any check leaves nothing behind.
 */
public final class ArchiveImporter {

    private static final long MAX_METADATA_BYTES = 1 << 20;
    private static final long MAX_EXPANSION = 1000;

    private final ZooLayout layout;

    /**
     * Creates an importer into a zoo folder.
     *
     * @param zoo the zoo folder, created if needed
     */
    public ArchiveImporter(Path zoo) {
        this.layout = ZooLayout.of(zoo);
    }

    /**
     * Imports the model of an archive.
     *
     * @param archive the zip file
     * @param replace whether versions the zoo already has are replaced
     * @return the imported versions, newest first
     * @throws InvalidArchiveException if the archive is not a complete, intact packed model
     * @throws FileAlreadyExistsException naming the versions the zoo already has, unless {@code
     *     replace}
     * @throws NoSuchFileException if the archive does not exist
     * @throws IllegalArgumentException if the zoo folder is a file
     * @throws IOException if the archive or the zoo cannot be read or written
     */
    public List<PublishedModel> importArchive(Path archive, boolean replace) throws IOException {
        requireInputs(archive);
        boolean newZoo = Files.notExists(layout.root());
        Files.createDirectories(layout.root());
        ImportStaging.sweep(layout.root());
        boolean imported = false;
        try (ImportStaging stagingFolder = ImportStaging.create(layout.root());
                ZipFile zip = open(archive)) {
            Path staging = stagingFolder.path();
            ArchiveContents contents = ArchiveContents.of(archive, zip);
            Path metadataFile = staging.resolve(ZooLayout.METADATA_FILE);
            extract(archive, zip, contents.metadata(), metadataFile, MAX_METADATA_BYTES);
            Metadata metadata = readMetadata(archive, metadataFile, contents.name());
            checkDeclaredSize(archive, metadata);
            List<Staged> versions = new ArrayList<>();
            for (Artifact artifact : metadata.getArtifacts()) {
                versions.add(stage(archive, zip, contents, artifact, staging));
            }
            Set<String> listed = new TreeSet<>();
            versions.forEach(v -> listed.add(v.artifact().getVersion()));
            if (listed.isEmpty()) {
                throw new InvalidArchiveException(archive, "holds no version of the model");
            }
            if (!listed.equals(contents.versions().keySet())) {
                throw new InvalidArchiveException(
                        archive,
                        "holds the versions "
                                + contents.versions().keySet()
                                + " but its "
                                + ZooLayout.METADATA_FILE
                                + " lists "
                                + listed);
            }
            List<PublishedModel> installed = install(contents.name(), versions, staging, replace);
            imported = true;
            return installed;
        } finally {
            if (newZoo && !imported) {
                removeIfEmpty(layout.root()); // a rejected archive makes no zoo
            }
        }
    }

    /** Removes a zoo folder that holds nothing but, at most, its lock file. */
    private static void removeIfEmpty(Path zoo) throws IOException {
        try (Stream<Path> files = Files.list(zoo)) {
            if (files.anyMatch(f -> !f.getFileName().toString().equals(ZooLock.FILE))) {
                return;
            }
        }
        Files.deleteIfExists(zoo.resolve(ZooLock.FILE));
        Files.deleteIfExists(zoo);
    }

    /** Checks the archive and the zoo before the zoo is touched. */
    private void requireInputs(Path archive) throws IOException {
        if (!Files.exists(archive)) {
            throw new NoSuchFileException(archive.toString());
        }
        if (!Files.isRegularFile(archive)) {
            throw new InvalidArchiveException(archive, "is not a file; expected a zip archive");
        }
        if (Files.exists(layout.root()) && !Files.isDirectory(layout.root())) {
            throw new IllegalArgumentException(
                    "zoo folder '" + layout.root() + "' is a file; expected a folder");
        }
    }

    private static ZipFile open(Path archive) throws IOException {
        try {
            return new ZipFile(archive.toFile());
        } catch (ZipException e) {
            throw new InvalidArchiveException(
                    archive, "is not a zip archive, or is truncated (" + e.getMessage() + ")", e);
        }
    }

    private static Metadata readMetadata(Path archive, Path file, String name) throws IOException {
        try {
            return MetadataFile.read(file, name);
        } catch (CorruptModelFileException e) {
            throw new InvalidArchiveException(
                    archive, "has a bad " + ZooLayout.METADATA_FILE + ": " + e.getMessage(), e);
        }
    }

    /** Refuses archives that would expand far beyond their size (zip bombs). */
    private static void checkDeclaredSize(Path archive, Metadata metadata) throws IOException {
        long declared = 0;
        for (Artifact artifact : metadata.getArtifacts()) {
            for (Artifact.Item item : artifact.getFiles().values()) {
                declared += Math.max(0, item.getSize());
            }
        }
        long limit = MAX_EXPANSION * Files.size(archive) + MAX_METADATA_BYTES;
        if (declared > limit) {
            throw new InvalidArchiveException(
                    archive,
                    "declares "
                            + declared
                            + " bytes of files, more than "
                            + MAX_EXPANSION
                            + " times its own size; it is not a packed model");
        }
    }

    /** Extracts and checks one version into {@code staging/VERSION}. */
    private static Staged stage(
            Path archive, ZipFile zip, ArchiveContents contents, Artifact artifact, Path staging)
            throws IOException {
        String version = artifact.getVersion();
        Map<String, ZipEntry> entries = contents.versions().get(version);
        if (entries == null) {
            throw new InvalidArchiveException(
                    archive,
                    "lists version " + version + " in its metadata but holds no files of it");
        }
        Map<String, Artifact.Item> items = new TreeMap<>();
        artifact.getFiles().values().forEach(item -> items.put(item.getName(), item));
        if (!items.keySet().equals(entries.keySet())) {
            throw new InvalidArchiveException(
                    archive,
                    "holds the files "
                            + new TreeSet<>(entries.keySet())
                            + " of version "
                            + version
                            + " but its metadata lists "
                            + new TreeSet<>(items.keySet()));
        }
        Path folder = staging.resolve(version);
        Files.createDirectory(folder);
        for (Map.Entry<String, ZipEntry> entry : entries.entrySet()) {
            long declared = items.get(entry.getKey()).getSize();
            Path file = folder.resolve(entry.getKey());
            extract(archive, zip, entry.getValue(), file, declared);
            if (Files.size(file) != declared) {
                throw new InvalidArchiveException(
                        archive,
                        "entry "
                                + entry.getValue().getName()
                                + " has "
                                + Files.size(file)
                                + " bytes; its metadata declares "
                                + declared);
            }
        }
        String name = contents.name();
        SortedMap<String, String> arguments;
        try {
            ChecksumManifest.verify(folder);
            arguments = ModelArguments.parse(artifact.getArguments()).toMap();
            if (!ServingProperties.read(folder)
                    .equals(ServingProperties.expected(arguments, name))) {
                throw new InvalidArchiveException(
                        archive,
                        "version "
                                + version
                                + ": "
                                + ZooLayout.SERVING_PROPERTIES_FILE
                                + " does not hold the loading arguments of its metadata");
            }
            Architecture.fromJson(
                    Files.readString(
                            folder.resolve(ZooLayout.ARCHITECTURE_FILE), StandardCharsets.UTF_8));
            ProvenanceJson.read(
                    Files.readString(
                            folder.resolve(ZooLayout.PROVENANCE_FILE), StandardCharsets.UTF_8),
                    ZooLayout.PROVENANCE_FILE);
        } catch (InvalidArchiveException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidArchiveException(
                    archive, "holds a damaged version " + version + ": " + e.getMessage(), e);
        }
        Map<String, String> properties = new TreeMap<>(artifact.getProperties());
        properties.remove(VersionArtifact.VERSION);
        return new Staged(
                VersionArtifact.describe(folder, name, version, properties, arguments), folder);
    }

    /** Moves the staged versions into the zoo and lists them, or changes nothing. */
    @SuppressWarnings("try") // the lock is held for the block, not used in it
    private List<PublishedModel> install(
            String name, List<Staged> versions, Path staging, boolean replace) throws IOException {
        try (ZooLock lock = ZooLock.acquire(layout.root())) {
            Path modelFolder = layout.modelFolder(name);
            Path metadataFile = modelFolder.resolve(ZooLayout.METADATA_FILE);
            Metadata metadata =
                    Files.exists(metadataFile)
                            ? MetadataFile.read(metadataFile, name)
                            : MetadataFile.create(name);
            List<String> existing = new ArrayList<>();
            for (Staged staged : versions) {
                String version = staged.artifact().getVersion();
                if (Files.exists(layout.versionFolder(name, version))
                        || MetadataFile.version(metadata, version).isPresent()) {
                    existing.add(version);
                }
            }
            if (!replace && !existing.isEmpty()) {
                throw new FileAlreadyExistsException(
                        modelFolder.toString(),
                        null,
                        "model '"
                                + name
                                + "' already has the versions "
                                + existing
                                + "; import with `replace`, or remove them first");
            }
            Files.createDirectories(modelFolder);
            Path parking = staging.resolve(".replaced");
            Files.createDirectory(parking);
            for (Staged staged : versions) {
                String version = staged.artifact().getVersion();
                Folders.swapIn(
                        staged.folder(),
                        layout.versionFolder(name, version),
                        parking.resolve(version),
                        () ->
                                MetadataFile.write(
                                        metadataFile,
                                        MetadataFile.withVersion(metadata, staged.artifact())));
            }
        }
        ZooListing listing = new ZooCatalog(layout.root()).list();
        Set<String> imported = new HashSet<>();
        versions.forEach(v -> imported.add(v.artifact().getVersion()));
        return listing.models().stream()
                .filter(m -> m.name().equals(name) && imported.contains(m.version()))
                .toList();
    }

    /** Copies one entry to a file, failing if it holds more than {@code limit} bytes. */
    private static void extract(Path archive, ZipFile zip, ZipEntry entry, Path file, long limit)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        long written = 0;
        try (InputStream in = zip.getInputStream(entry);
                OutputStream out = Files.newOutputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                written += n;
                if (written > limit) {
                    throw new InvalidArchiveException(
                            archive,
                            "entry "
                                    + entry.getName()
                                    + " holds more than the "
                                    + limit
                                    + " bytes declared for it");
                }
                out.write(buffer, 0, n);
            }
        } catch (ZipException | EOFException e) {
            throw new InvalidArchiveException(
                    archive,
                    "entry "
                            + entry.getName()
                            + " is damaged or truncated ("
                            + e.getMessage()
                            + ")",
                    e);
        }
    }

    /** A version extracted and checked, with its description for the zoo's metadata. */
    private record Staged(Artifact artifact, Path folder) {}
}
