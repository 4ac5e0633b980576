package org.djlnas.zoo;

import ai.djl.repository.Artifact;
import ai.djl.repository.Metadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;

/**
 * Writes published models into a zoo folder in DJL's repository layout ({@link ZooLayout}).
 *
 * <p>A version is written completely into a hidden folder inside the zoo, then moved into place in
 * one step, and only then listed in the model's {@value ZooLayout#METADATA_FILE}, itself replaced
 * in one step; readers never see half a version. Writers of one zoo take turns ({@link ZooLock}).
 * Several models and versions coexist; publishing a version that exists is an error unless it is
 * replaced.
 */
public final class ZooPublisher {

    private final ZooLayout layout;

    /**
     * Creates a publisher.
     *
     * @param zoo the zoo folder, created on first publication
     */
    public ZooPublisher(Path zoo) {
        this.layout = ZooLayout.of(zoo);
    }

    /**
     * Returns the version a model is published under when none is given: 1, or one more than the
     * highest numeric version of the model in this zoo.
     *
     * @param name the model's name
     * @return the version
     * @throws IOException if the zoo cannot be read
     */
    public String nextVersion(String name) throws IOException {
        if (!Files.isDirectory(layout.root())) {
            return "1";
        }
        int highest = 0;
        for (PublishedModel model : new ZooCatalog(layout.root()).list().models()) {
            if (model.name().equals(name) && model.version().matches("\\d+")) {
                highest = Math.max(highest, Integer.parseInt(model.version()));
            }
        }
        return Integer.toString(highest + 1);
    }

    /**
     * Checks, before anything is trained, that a version of a model can be published into this zoo:
     * the name and version are valid, the zoo folder is a folder (or can be made one) and, unless
     * it is replaced, the version is not published yet. Nothing is written.
     *
     * @param name the model's name
     * @param version the version
     * @param replace whether an existing version would be replaced
     * @throws IllegalArgumentException naming the name, version or zoo folder that is not valid
     * @throws FileAlreadyExistsException if the version exists and {@code replace} is false
     * @throws IOException if the zoo's metadata of the model cannot be read
     */
    public void check(String name, String version, boolean replace) throws IOException {
        ZooLayout.requireName(name);
        ZooLayout.requireVersion(version);
        Path existing = layout.root();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(
                    "zoo folder '"
                            + layout.root()
                            + "' cannot be made: '"
                            + existing
                            + "' is a file; expected a folder");
        }
        if (replace) {
            return;
        }
        Path metadataFile = layout.modelFolder(name).resolve(ZooLayout.METADATA_FILE);
        Path target = layout.versionFolder(name, version);
        if (Files.exists(target)
                || (Files.isRegularFile(metadataFile)
                        && MetadataFile.version(MetadataFile.read(metadataFile, name), version)
                                .isPresent())) {
            throw alreadyPublished(target, name, version);
        }
    }

    /**
     * Publishes one version of a model.
     *
     * @param publication what to publish
     * @param replace whether an existing version of the same name and number is replaced
     * @return the published version
     * @throws FileAlreadyExistsException if the version exists and {@code replace} is false
     * @throws java.io.FileNotFoundException if the weights are missing
     * @throws CorruptModelFileException if the weights are not in DJL's format, or the zoo's
     *     metadata of the model is damaged
     * @throws IllegalArgumentException if the architecture does not fit its space or a space
     *     setting is bad
     * @throws IllegalStateException if no space on the class path has the provenance's space id
     * @throws IOException if the zoo cannot be written
     */
    @SuppressWarnings("try") // the lock is held for the block, not used in it
    public PublishedModel publish(ModelPublication publication, boolean replace)
            throws IOException {
        Provenance given = publication.provenance();
        SortedMap<String, String> settings =
                SpaceLookup.resolvedSettings(given.space(), given.spaceSettings());
        SearchSpace space = SpaceLookup.create(given.space(), settings);
        Architecture architecture = space.validate(publication.architecture());
        Path weights = ParameterFiles.locate(publication.weights());
        Provenance provenance = given.withSpaceSettings(settings);
        ModelArguments arguments = arguments(publication, space.id(), settings);
        String name = publication.name();
        String version = publication.version();

        Files.createDirectories(layout.root());
        try (ZooLock lock = ZooLock.acquire(layout.root())) {
            Path modelFolder = layout.modelFolder(name);
            Path metadataFile = modelFolder.resolve(ZooLayout.METADATA_FILE);
            Metadata metadata =
                    Files.exists(metadataFile)
                            ? MetadataFile.read(metadataFile, name)
                            : MetadataFile.create(name);
            Path target = layout.versionFolder(name, version);
            if (!replace
                    && (Files.exists(target)
                            || MetadataFile.version(metadata, version).isPresent())) {
                throw alreadyPublished(target, name, version);
            }
            Path staging = Files.createTempDirectory(layout.root(), ".publish-");
            try {
                Path stage = staging.resolve(version);
                Files.createDirectory(stage);
                writeFiles(stage, publication, architecture, weights, provenance, arguments);
                Artifact artifact =
                        VersionArtifact.describe(
                                stage,
                                name,
                                version,
                                Map.of(
                                        VersionArtifact.SPACE, space.id(),
                                        VersionArtifact.DATASET, provenance.dataset(),
                                        VersionArtifact.ENGINE, provenance.engine(),
                                        VersionArtifact.ARCHITECTURE, architecture.id()),
                                arguments.toMap());
                Files.createDirectories(modelFolder);
                Folders.swapIn(
                        stage,
                        target,
                        staging.resolve("replaced"),
                        () ->
                                MetadataFile.write(
                                        metadataFile,
                                        MetadataFile.withVersion(metadata, artifact)));
            } finally {
                Folders.deleteRecursively(staging);
            }
        }
        return new PublishedModel(
                name, version, layout.versionFolder(name, version), architecture.id(), provenance);
    }

    /** The loading arguments: an image's shape and normalisation, or only the input's kind. */
    private static ModelArguments arguments(
            ModelPublication publication, String space, SortedMap<String, String> settings) {
        String input =
                publication.data() == null ? ModelArguments.IMAGE : publication.data().inputKind();
        if (!input.equals(ModelArguments.IMAGE)) {
            return new ModelArguments(space, settings, 0, 0, 0, List.of(), List.of(), input);
        }
        return new ModelArguments(
                space,
                settings,
                (int) publication.inputShape().get(0),
                (int) publication.inputShape().get(1),
                (int) publication.inputShape().get(2),
                publication.mean(),
                publication.std(),
                input);
    }

    private static FileAlreadyExistsException alreadyPublished(
            Path target, String name, String version) {
        return new FileAlreadyExistsException(
                target.toString(),
                null,
                "model '"
                        + name
                        + "' version "
                        + version
                        + " is already published; publish another version or replace it"
                        + " (`replace`)");
    }

    private static void writeFiles(
            Path stage,
            ModelPublication publication,
            Architecture architecture,
            Path weights,
            Provenance provenance,
            ModelArguments arguments)
            throws IOException {
        String name = publication.name();
        String parameters = ZooLayout.parametersFile(name);
        Files.writeString(
                stage.resolve(ZooLayout.ARCHITECTURE_FILE),
                architecture.toJson() + "\n",
                StandardCharsets.UTF_8);
        Files.copy(weights, stage.resolve(parameters));
        Files.write(
                stage.resolve(ZooLayout.SYNSET_FILE),
                publication.classNames(),
                StandardCharsets.UTF_8);
        Files.writeString(
                stage.resolve(ZooLayout.PROVENANCE_FILE),
                ProvenanceJson.write(provenance),
                StandardCharsets.UTF_8);
        ServingProperties.write(stage, arguments.toMap(), name);
        List<String> files =
                new ArrayList<>(
                        List.of(
                                ZooLayout.ARCHITECTURE_FILE,
                                parameters,
                                ZooLayout.SYNSET_FILE,
                                ZooLayout.PROVENANCE_FILE,
                                ZooLayout.SERVING_PROPERTIES_FILE));
        if (publication.data() != null) {
            Files.writeString(
                    stage.resolve(DataDescription.FILE),
                    publication.data().toJson(),
                    StandardCharsets.UTF_8);
            files.add(DataDescription.FILE);
        }
        ChecksumManifest.write(stage, files);
    }
}
