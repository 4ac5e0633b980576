package org.djlnas.runtime.search;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Reptile meta-training over data sets ({@link MetaTraining}) runs: the space, the
 * meta-training data sets, Reptile's settings and the inner DARTS steps' settings, the seed, the
 * engine and the folder to write. Build with {@link #builder()}.
 *
 * @param space the one-shot space's id
 * @param spaceSettings the space's settings; those a data set determines (input size and channels,
 *     classes) are filled in per data set
 * @param datasets the meta-training data sets, {@code KIND:LOCATION} as for a search
 * @param dataOptions options given to every data set
 * @param maxTrainExamples a cap on each data set's training pool, or 0 for all of it
 * @param metaIterations the meta-iterations, each on one task
 * @param innerSteps k, the DARTS steps per meta-iteration
 * @param metaStepSize ε, in (0, 1]
 * @param innerSettings settings of the {@code darts} strategy for the inner steps
 * @param seed the seed
 * @param engine the DJL engine to train on
 * @param out the folder to write, which must not exist
 */
public record MetaTrainingConfig(
        String space,
        Map<String, String> spaceSettings,
        List<String> datasets,
        Map<String, String> dataOptions,
        int maxTrainExamples,
        int metaIterations,
        int innerSteps,
        double metaStepSize,
        Map<String, String> innerSettings,
        long seed,
        String engine,
        Path out) {

    /** Validates the fields, naming the bad one. */
    public MetaTrainingConfig {
        requireNonNull(space, "space is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(out, "out is null");
        spaceSettings = Map.copyOf(new TreeMap<>(spaceSettings));
        datasets = List.copyOf(datasets);
        dataOptions = Map.copyOf(new TreeMap<>(dataOptions));
        innerSettings = Map.copyOf(new TreeMap<>(innerSettings));
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException(
                    "`datasets` is empty; expected at least one meta-training data set");
        }
        if (maxTrainExamples < 0) {
            throw new IllegalArgumentException(
                    "`maxTrainExamples` is " + maxTrainExamples + "; expected >= 0 (0: all)");
        }
    }

    /**
     * Starts a configuration: 20 meta-iterations of 5 inner steps, ε = 0.5, seed 0, every training
     * example.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link MetaTrainingConfig}. */
    public static final class Builder {

        private String space;
        private Map<String, String> spaceSettings = Map.of();
        private List<String> datasets = List.of();
        private Map<String, String> dataOptions = Map.of();
        private int maxTrainExamples;
        private int metaIterations = 20;
        private int innerSteps = 5;
        private double metaStepSize = 0.5;
        private Map<String, String> innerSettings = Map.of();
        private long seed;
        private String engine;
        private Path out;

        private Builder() {}

        /**
         * Sets the space (required).
         *
         * @param id the space's id
         * @return this builder
         */
        public Builder setSpace(String id) {
            this.space = id;
            return this;
        }

        /**
         * Sets the space's settings.
         *
         * @param settings name → value
         * @return this builder
         */
        public Builder optSpaceSettings(Map<String, String> settings) {
            this.spaceSettings = settings;
            return this;
        }

        /**
         * Sets the meta-training data sets (required, at least one).
         *
         * @param datasets {@code KIND:LOCATION} each
         * @return this builder
         */
        public Builder setDatasets(List<String> datasets) {
            this.datasets = datasets;
            return this;
        }

        /**
         * Sets options given to every data set.
         *
         * @param options name → value
         * @return this builder
         */
        public Builder optDataOptions(Map<String, String> options) {
            this.dataOptions = options;
            return this;
        }

        /**
         * Caps each data set's training pool.
         *
         * @param examples the cap, or 0 for all
         * @return this builder
         */
        public Builder optMaxTrainExamples(int examples) {
            this.maxTrainExamples = examples;
            return this;
        }

        /**
         * Sets the number of meta-iterations.
         *
         * @param iterations at least 1
         * @return this builder
         */
        public Builder optMetaIterations(int iterations) {
            this.metaIterations = iterations;
            return this;
        }

        /**
         * Sets k, the inner DARTS steps per meta-iteration.
         *
         * @param steps at least 1
         * @return this builder
         */
        public Builder optInnerSteps(int steps) {
            this.innerSteps = steps;
            return this;
        }

        /**
         * Sets ε, the meta step size.
         *
         * @param epsilon in (0, 1]
         * @return this builder
         */
        public Builder optMetaStepSize(double epsilon) {
            this.metaStepSize = epsilon;
            return this;
        }

        /**
         * Sets settings of the {@code darts} strategy for the inner steps.
         *
         * @param settings name → value
         * @return this builder
         */
        public Builder optInnerSettings(Map<String, String> settings) {
            this.innerSettings = settings;
            return this;
        }

        /**
         * Sets the seed.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the DJL engine (required).
         *
         * @param name the engine's name
         * @return this builder
         */
        public Builder setEngine(String name) {
            this.engine = name;
            return this;
        }

        /**
         * Sets the folder to write (required; it must not exist).
         *
         * @param folder the folder
         * @return this builder
         */
        public Builder setOut(Path folder) {
            this.out = folder;
            return this;
        }

        /**
         * Builds and validates the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming a missing or bad field
         */
        public MetaTrainingConfig build() {
            if (space == null) {
                throw new IllegalArgumentException("`space` is not set; expected a space id");
            }
            if (engine == null) {
                throw new IllegalArgumentException("`engine` is not set; expected an engine name");
            }
            if (out == null) {
                throw new IllegalArgumentException("`out` is not set; expected a new folder");
            }
            return new MetaTrainingConfig(
                    space,
                    spaceSettings,
                    datasets,
                    dataOptions,
                    maxTrainExamples,
                    metaIterations,
                    innerSteps,
                    metaStepSize,
                    innerSettings,
                    seed,
                    engine,
                    out);
        }
    }
}
