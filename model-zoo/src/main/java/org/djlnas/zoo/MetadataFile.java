package org.djlnas.zoo;

import ai.djl.repository.Artifact;
import ai.djl.repository.Metadata;
import ai.djl.util.JsonUtils;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@value ZooLayout#METADATA_FILE} of one model, read and written with DJL's own classes, so
 * that DJL's repositories read exactly what the zoo writes. Versions are listed newest first: DJL's
 * loader takes the first version that matches a criteria's filters.
 */
final class MetadataFile {

    private static final String METADATA_VERSION = "0.2";
    private static final String RESOURCE_TYPE = "model";
    private static final Comparator<Artifact> NEWEST_FIRST =
            new Artifact.VersionComparator().reversed();

    private MetadataFile() {}

    /**
     * Creates the metadata of a model with no versions yet.
     *
     * @param name the model's name
     * @return the metadata
     */
    static Metadata create(String name) {
        Metadata metadata = new Metadata();
        metadata.setMetadataVersion(METADATA_VERSION);
        metadata.setResourceType(RESOURCE_TYPE);
        metadata.setApplication(ZooLayout.APPLICATION);
        metadata.setGroupId(ZooLayout.GROUP_ID);
        metadata.setArtifactId(ZooLayout.requireName(name));
        metadata.setName(name);
        metadata.setDescription("A network found by neural architecture search with djl-nas");
        metadata.setArtifacts(new ArrayList<>());
        return metadata;
    }

    /**
     * Reads and checks the metadata of a model.
     *
     * @param file the metadata file
     * @param name the model's name, which the metadata must name
     * @return the metadata, its artifacts linked to it
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws CorruptModelFileException if it is not a model of this zoo, or a version is invalid
     *     or listed twice
     * @throws IOException if it cannot be read
     */
    static Metadata read(Path file, String name) throws IOException {
        Metadata metadata;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            metadata = JsonUtils.GSON.fromJson(reader, Metadata.class);
        } catch (RuntimeException e) {
            throw new CorruptModelFileException(file, "is not DJL metadata: " + e.getMessage());
        }
        if (metadata == null
                || metadata.getMetadataVersion() == null
                || metadata.getArtifacts() == null) {
            throw new CorruptModelFileException(
                    file, "is not DJL metadata: metadataVersion or artifacts is missing");
        }
        if (!ZooLayout.GROUP_ID.equals(metadata.getGroupId())
                || !name.equals(metadata.getArtifactId())) {
            throw new CorruptModelFileException(
                    file,
                    "describes "
                            + metadata.getGroupId()
                            + ":"
                            + metadata.getArtifactId()
                            + "; expected "
                            + ZooLayout.GROUP_ID
                            + ":"
                            + name);
        }
        Set<String> versions = new HashSet<>();
        for (Artifact artifact : metadata.getArtifacts()) {
            String version = artifact.getVersion();
            try {
                ZooLayout.requireVersion(version == null ? "" : version);
            } catch (IllegalArgumentException e) {
                throw new CorruptModelFileException(file, "lists a bad version: " + e.getMessage());
            }
            if (!versions.add(version)) {
                throw new CorruptModelFileException(file, "lists version " + version + " twice");
            }
        }
        metadata.init(Map.of());
        return metadata;
    }

    /**
     * Returns a model's metadata with one version added, or replacing the version of the same
     * number, newest version first.
     *
     * @param metadata the metadata
     * @param artifact the version
     * @return the same metadata, changed
     */
    static Metadata withVersion(Metadata metadata, Artifact artifact) {
        List<Artifact> artifacts = new ArrayList<>();
        for (Artifact other : metadata.getArtifacts()) {
            if (!other.getVersion().equals(artifact.getVersion())) {
                artifacts.add(other);
            }
        }
        artifacts.add(artifact);
        artifacts.sort(NEWEST_FIRST);
        metadata.setArtifacts(artifacts);
        return metadata;
    }

    /**
     * Writes a model's metadata in a single step (a temporary file moved over the old one).
     *
     * @param file the metadata file
     * @param metadata the metadata
     * @throws IOException if it cannot be written
     */
    static void write(Path file, Metadata metadata) throws IOException {
        Folders.writeAtomically(file, JsonUtils.GSON_PRETTY.toJson(metadata) + "\n");
    }

    /**
     * Finds one version of a model.
     *
     * @param metadata the model's metadata
     * @param version the version
     * @return the version's artifact, if listed
     */
    static Optional<Artifact> version(Metadata metadata, String version) {
        return metadata.getArtifacts().stream()
                .filter(a -> a.getVersion().equals(version))
                .findFirst();
    }
}
