package org.djlnas.zoo;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.Task;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link ZooPublisher} writes for one version of a model. The space and its settings
 * come from the provenance record. Build one with {@link #builder()}.
 *
 * @param name the model's name, its DJL artifact id
 * @param version the version, dot-separated whole numbers
 * @param architecture the architecture, valid in the provenance's space
 * @param weights the trained weights: a {@code .params} file written by DJL's {@code Model.save},
 *     or the folder it is in (the file of the latest epoch is taken)
 * @param classNames the class names, by class index (none for a regression)
 * @param inputShape the shape of one input: channels, height, width of an image; features; or
 *     tokens
 * @param mean per channel, the mean subtracted from pixels scaled to [0, 1] in training
 * @param std per channel, the standard deviation the result is then divided by
 * @param provenance how the model was found and trained
 * @param data what the model was trained on ({@value DataDescription#FILE}), or null for an image
 *     classifier described by its class names, shape and normalisation alone
 */
public record ModelPublication(
        String name,
        String version,
        Architecture architecture,
        Path weights,
        List<String> classNames,
        Shape inputShape,
        List<Float> mean,
        List<Float> std,
        Provenance provenance,
        @Nullable DataDescription data) {

    /** Validates the fields. */
    public ModelPublication {
        ZooLayout.requireName(requireNonNull(name, "name is null"));
        ZooLayout.requireVersion(requireNonNull(version, "version is null"));
        requireNonNull(architecture, "architecture is null");
        requireNonNull(weights, "weights is null");
        classNames = List.copyOf(classNames);
        boolean regression = data != null && data.task() instanceof Task.Regression;
        if (data != null
                && !classNames.equals(
                        data.task() instanceof Task.Classification classification
                                ? classification.classNames()
                                : List.of())) {
            throw new IllegalArgumentException(
                    "classNames are " + classNames + " but the data's task has " + data.task());
        }
        if (classNames.isEmpty() && !regression) {
            throw new IllegalArgumentException("classNames is empty; expected one name per class");
        }
        for (String className : classNames) {
            if (className.isBlank() || className.contains("\n") || className.contains("\r")) {
                throw new IllegalArgumentException(
                        "classNames holds '"
                                + className
                                + "'; expected non-blank names on one line each");
            }
        }
        if (new HashSet<>(classNames).size() != classNames.size()) {
            throw new IllegalArgumentException("classNames holds a name twice: " + classNames);
        }
        requireNonNull(inputShape, "inputShape is null");
        if (data != null && !(data.input() instanceof DataInput.Image)) {
            if (!inputShape.equals(data.input().shape())) {
                throw new IllegalArgumentException(
                        "inputShape is " + inputShape + " but the data's input is " + data.input());
            }
        } else if (inputShape.dimension() != 3 || inputShape.size() <= 0) {
            throw new IllegalArgumentException(
                    "inputShape is " + inputShape + "; expected (channels, height, width)");
        }
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        requireNonNull(provenance, "provenance is null");
    }

    /**
     * Starts building a publication.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link ModelPublication}: {@code set} methods are required, {@code opt} methods
     * optional.
     */
    public static final class Builder {

        private @Nullable String name;
        private @Nullable String version;
        private @Nullable Architecture architecture;
        private @Nullable Path weights;
        private List<String> classNames = List.of();
        private @Nullable Shape inputShape;
        private float[] mean = {0f};
        private float[] std = {1f};
        private @Nullable Provenance provenance;
        private @Nullable DataDescription data;

        private Builder() {}

        /**
         * Sets what the model was trained on, written as {@value DataDescription#FILE}; it chooses
         * the model's translator by its input (an image, a row of features, or text), and gives the
         * class names when they are not set.
         *
         * @param data the task, input and preprocessing
         * @return this builder
         */
        public Builder optData(DataDescription data) {
            this.data = data;
            return this;
        }

        /**
         * Sets the model's name.
         *
         * @param name letters and digits, optionally joined by single {@code .}, {@code _} or
         *     {@code -}
         * @return this builder
         */
        public Builder setName(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets the version.
         *
         * @param version dot-separated whole numbers, such as {@code 1} or {@code 1.2}
         * @return this builder
         */
        public Builder setVersion(String version) {
            this.version = version;
            return this;
        }

        /**
         * Sets the architecture.
         *
         * @param architecture the architecture
         * @return this builder
         */
        public Builder setArchitecture(Architecture architecture) {
            this.architecture = architecture;
            return this;
        }

        /**
         * Sets the trained weights.
         *
         * @param weights a {@code .params} file, or the folder DJL's {@code Model.save} wrote it to
         * @return this builder
         */
        public Builder setWeights(Path weights) {
            this.weights = weights;
            return this;
        }

        /**
         * Sets the class names.
         *
         * @param classNames the names, by class index
         * @return this builder
         */
        public Builder setClassNames(List<String> classNames) {
            this.classNames = classNames;
            return this;
        }

        /**
         * Sets the shape of one input image.
         *
         * @param shape channels, height, width
         * @return this builder
         */
        public Builder setInputShape(Shape shape) {
            this.inputShape = shape;
            return this;
        }

        /**
         * Sets how training normalised pixels after scaling them to [0, 1]: {@code (x - mean) /
         * std} per channel. Without it, pixels are only scaled to [0, 1].
         *
         * @param mean one mean for all channels, or one per channel
         * @param std one standard deviation for all channels, or one per channel
         * @return this builder
         */
        public Builder optNormalization(float[] mean, float[] std) {
            this.mean = mean.clone();
            this.std = std.clone();
            return this;
        }

        /**
         * Sets the provenance record, which also names the space and its settings.
         *
         * @param provenance the record
         * @return this builder
         */
        public Builder setProvenance(Provenance provenance) {
            this.provenance = provenance;
            return this;
        }

        /**
         * Builds the publication.
         *
         * @return the publication
         * @throws IllegalArgumentException naming a required field that is missing or a bad value
         */
        public ModelPublication build() {
            Shape shape = require(inputShape, "inputShape", "setInputShape");
            int channels = shape.dimension() == 3 ? (int) shape.get(0) : 1;
            return new ModelPublication(
                    require(name, "name", "setName"),
                    require(version, "version", "setVersion"),
                    require(architecture, "architecture", "setArchitecture"),
                    require(weights, "weights", "setWeights"),
                    classNames.isEmpty() && data != null ? classNamesOf(data) : classNames,
                    shape,
                    perChannel(mean, channels, "mean"),
                    perChannel(std, channels, "std"),
                    require(provenance, "provenance", "setProvenance"),
                    data);
        }

        private static List<String> classNamesOf(DataDescription data) {
            return data.task() instanceof Task.Classification classification
                    ? classification.classNames()
                    : List.of();
        }

        private static <T> T require(@Nullable T value, String field, String setter) {
            if (value == null) {
                throw new IllegalArgumentException(field + " is missing; call " + setter);
            }
            return value;
        }

        private static List<Float> perChannel(float[] values, int channels, String field) {
            if (values.length != 1 && values.length != channels) {
                throw new IllegalArgumentException(
                        field
                                + " has "
                                + values.length
                                + " values; expected 1 or one per channel ("
                                + channels
                                + ")");
            }
            List<Float> list = new ArrayList<>(channels);
            for (int c = 0; c < channels; c++) {
                list.add(values[values.length == 1 ? 0 : c]);
            }
            return Collections.unmodifiableList(list);
        }
    }
}
