package org.djlnas.zoo;

import ai.djl.repository.Artifact;
import ai.djl.repository.MRL;
import ai.djl.repository.Metadata;
import ai.djl.repository.Repository;
import ai.djl.repository.VersionRange;
import ai.djl.util.Progress;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One zoo folder as a DJL {@link Repository}: it finds the models of this zoo's group and serves
 * their files where they are. Unlike DJL's local repository, it copies nothing into DJL's cache;
 * the block factory checks the files against their checksums when a model loads.
 */
final class ZooRepository implements Repository {

    private static final Logger LOG = LoggerFactory.getLogger(ZooRepository.class);

    private final ZooLayout layout;

    /**
     * Creates the repository of a zoo folder.
     *
     * @param zoo the zoo folder
     */
    ZooRepository(Path zoo) {
        this.layout = ZooLayout.of(zoo);
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    @Override
    public String getName() {
        return layout.root().toString();
    }

    @Override
    public URI getBaseUri() {
        return layout.root().toUri();
    }

    @Override
    public @Nullable Metadata locate(MRL mrl) throws IOException {
        Path file = layout.modelFolder(mrl.getArtifactId()).resolve(ZooLayout.METADATA_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Metadata metadata = MetadataFile.read(file, mrl.getArtifactId());
        metadata.setRepositoryUri(mrl.toURI());
        return metadata;
    }

    @Override
    public @Nullable Artifact resolve(MRL mrl, Map<String, String> filter) throws IOException {
        Metadata metadata = locate(mrl);
        if (metadata == null) {
            return null;
        }
        return metadata.search(VersionRange.parse(mrl.getVersion()), filter).stream()
                .max(Comparator.comparing(Artifact::getParsedVersion))
                .orElse(null);
    }

    @Override
    public InputStream openStream(Artifact.Item item, String path) throws IOException {
        return Files.newInputStream(getFile(item, path));
    }

    @Override
    public Path getFile(Artifact.Item item, String path) throws IOException {
        Path folder = getResourceDirectory(item.getArtifact());
        Path file = folder.resolve(item.getName());
        if (!path.isEmpty()) {
            file = file.resolve(path);
        }
        file = file.normalize();
        if (!file.startsWith(folder)) {
            throw new IOException(
                    "item '" + item.getName() + "', path '" + path + "' leads out of " + folder);
        }
        return file;
    }

    @Override
    public String @Nullable [] listDirectory(Artifact.Item item, String path) throws IOException {
        return getFile(item, path).toFile().list();
    }

    /**
     * Checks that a version's folder exists; nothing is copied.
     *
     * @param artifact the version
     * @param progress ignored
     * @throws FileNotFoundException if the folder is missing
     */
    @Override
    public void prepare(Artifact artifact, @Nullable Progress progress) throws IOException {
        Path folder = getResourceDirectory(artifact);
        if (!Files.isDirectory(folder)) {
            throw new FileNotFoundException(
                    "model folder missing: "
                            + folder
                            + " (version "
                            + artifact.getVersion()
                            + " is listed in "
                            + folder.resolveSibling(ZooLayout.METADATA_FILE)
                            + ")");
        }
    }

    /**
     * Returns the zoo folder: this repository has no cache.
     *
     * @return the zoo folder
     */
    @Override
    public Path getCacheDirectory() {
        return layout.root();
    }

    /**
     * Returns a version's folder in the zoo, where its files are read.
     *
     * @param artifact the version
     * @return the folder
     */
    @Override
    public Path getResourceDirectory(Artifact artifact) {
        return layout.versionFolder(artifact.getMetadata().getArtifactId(), artifact.getVersion());
    }

    /**
     * Lists the models of the zoo.
     *
     * @return one resource locator per model
     */
    @Override
    public List<MRL> getResources() {
        List<MRL> models = new ArrayList<>();
        try {
            for (String name : layout.modelNames()) {
                models.add(model(ZooLayout.APPLICATION, ZooLayout.GROUP_ID, name));
            }
        } catch (IOException e) {
            LOG.warn("cannot list the models of the zoo {}: {}", layout.root(), e.toString());
        }
        return models;
    }

    @Override
    public void addResource(MRL mrl) {
        throw new UnsupportedOperationException(
                "a zoo folder gains models by publication (ZooPublisher), not by addResource");
    }
}
