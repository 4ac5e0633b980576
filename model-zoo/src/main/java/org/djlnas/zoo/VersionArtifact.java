package org.djlnas.zoo;

import ai.djl.repository.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Describes a complete version folder as the DJL {@link Artifact} that {@value
 * ZooLayout#METADATA_FILE} lists: its properties (which {@code Criteria.optFilter} matches), its
 * loading arguments and options, and every file with its size and SHA-1, as DJL's repositories
 * check them when they copy a model into DJL's cache.
 *
 * <p>The artifact's name holds a digest of the folder's checksums, so DJL's cache, which keys
 * copies by group, name, version and artifact name, never serves the files of a replaced version or
 * of another zoo's model of the same name.
 */
final class VersionArtifact {

    /** The property that holds the version, for {@code Criteria.optFilter("version", …)}. */
    static final String VERSION = "version";

    /** The property that holds the space's id. */
    static final String SPACE = "space";

    /** The property that holds the data set's id. */
    static final String DATASET = "dataset";

    /** The property that holds the engine that trained the weights. */
    static final String ENGINE = "engine";

    /** The property that holds the architecture's id. */
    static final String ARCHITECTURE = "architecture";

    private static final int DIGEST_DIGITS = 12;

    private VersionArtifact() {}

    /**
     * Describes a version folder whose files, checksums included, are all written.
     *
     * @param folder the version folder
     * @param name the model's name
     * @param version the version
     * @param properties what filters match, besides the version
     * @param arguments the loading arguments
     * @return the artifact
     * @throws IOException if a file cannot be read
     */
    static Artifact describe(
            Path folder,
            String name,
            String version,
            Map<String, String> properties,
            Map<String, String> arguments)
            throws IOException {
        Artifact artifact = new Artifact();
        artifact.setVersion(version);
        artifact.setSnapshot(false);
        artifact.setName(
                name
                        + "-"
                        + ChecksumManifest.sha256(folder.resolve(ZooLayout.CHECKSUMS_FILE))
                                .substring(0, DIGEST_DIGITS));
        SortedMap<String, String> filterable = new TreeMap<>(properties);
        filterable.put(VERSION, version);
        artifact.setProperties(filterable);
        artifact.setArguments(new LinkedHashMap<>(arguments));
        artifact.setOptions(new TreeMap<>(Map.of(ServingProperties.modelNameOption(), name)));
        Map<String, Artifact.Item> files = new LinkedHashMap<>();
        for (Path file : files(folder)) {
            String fileName = file.getFileName().toString();
            Artifact.Item item = new Artifact.Item();
            item.setUri(version + "/" + fileName);
            item.setName(fileName);
            item.setType("file");
            item.setSize(Files.size(file));
            item.setSha1Hash(ChecksumManifest.sha1(file));
            files.put(fileName, item);
        }
        artifact.setFiles(files);
        return artifact;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
