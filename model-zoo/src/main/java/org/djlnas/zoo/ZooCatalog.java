package org.djlnas.zoo;

import ai.djl.repository.Artifact;
import ai.djl.repository.Metadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the models of a zoo folder with their provenance: name, version, accuracy, parameters and
 * where each came from. A damaged model does not hide the others: it is reported as a problem.
 */
public final class ZooCatalog {

    private final ZooLayout layout;

    /**
     * Creates the catalog of a zoo folder.
     *
     * @param zoo the zoo folder
     */
    public ZooCatalog(Path zoo) {
        this.layout = ZooLayout.of(zoo);
    }

    /**
     * Reads every model and version of the zoo, after removing the staging folders of imports that
     * were killed.
     *
     * @return the models, by name and then newest version first, and the problems met
     * @throws IOException if the zoo folder cannot be listed
     */
    public ZooListing list() throws IOException {
        ImportStaging.sweep(layout.root());
        List<PublishedModel> models = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : layout.modelNames()) {
            Metadata metadata;
            try {
                metadata =
                        MetadataFile.read(
                                layout.modelFolder(name).resolve(ZooLayout.METADATA_FILE), name);
            } catch (IOException e) {
                problems.add(e.getMessage());
                continue;
            }
            for (Artifact artifact : metadata.getArtifacts()) {
                try {
                    models.add(read(name, artifact));
                } catch (IOException | IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        return new ZooListing(models, problems);
    }

    private PublishedModel read(String name, Artifact artifact) throws IOException {
        Path folder = layout.versionFolder(name, artifact.getVersion());
        Path file = folder.resolve(ZooLayout.PROVENANCE_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(
                    "model '"
                            + name
                            + "' version "
                            + artifact.getVersion()
                            + ": "
                            + file
                            + " is missing");
        }
        Provenance provenance =
                ProvenanceJson.read(
                        Files.readString(file, StandardCharsets.UTF_8), file.toString());
        String architectureId = artifact.getProperties().get(VersionArtifact.ARCHITECTURE);
        if (architectureId == null) {
            throw new IOException(
                    "model '"
                            + name
                            + "' version "
                            + artifact.getVersion()
                            + ": its metadata has no '"
                            + VersionArtifact.ARCHITECTURE
                            + "' property");
        }
        return new PublishedModel(name, artifact.getVersion(), folder, architectureId, provenance);
    }
}
