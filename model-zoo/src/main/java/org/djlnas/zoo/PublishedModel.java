package org.djlnas.zoo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * One version of a model in a zoo.
 *
 * @param name the model's name, its DJL artifact id
 * @param version the version
 * @param folder the version's folder
 * @param architectureId the architecture's stable id
 * @param provenance how the model was found and trained
 */
public record PublishedModel(
        String name, String version, Path folder, String architectureId, Provenance provenance) {

    /** Checks that no field is missing. */
    public PublishedModel {
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(folder, "folder is null");
        requireNonNull(architectureId, "architectureId is null");
        requireNonNull(provenance, "provenance is null");
    }

    /**
     * Returns the accuracy on the validation examples, if recorded.
     *
     * @return a fraction in [0, 1]
     */
    public OptionalDouble validationAccuracy() {
        return provenance.validationAccuracy();
    }

    /**
     * Returns the accuracy on the test set, if recorded.
     *
     * @return a fraction in [0, 1]
     */
    public OptionalDouble testAccuracy() {
        return provenance.testAccuracy();
    }

    /**
     * Returns the network's trainable parameters.
     *
     * @return the count
     */
    public long parameters() {
        return provenance.parameters();
    }
}
