package org.djlnas.zoo;

import static java.util.Objects.requireNonNull;

import ai.djl.engine.Engine;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How a published model was found and trained: the record a zoo keeps beside its weights, in
 * {@value ZooLayout#PROVENANCE_FILE}.
 *
 * <p>Metrics use the names of {@code org.djlnas.api.eval.Metrics} ({@code accuracy}, {@code loss},
 * …); the test metrics use the same names as the validation metrics. Build one with {@link
 * #builder()}.
 *
 * @param space the search space's id
 * @param spaceSettings the space's settings as text, by name; a published model records every
 *     setting, defaults included, so that it rebuilds the same network later
 * @param strategy the search strategy's id
 * @param strategySettings the strategy's settings as text, by name
 * @param seeds every seed involved, by role (for example {@code experiment}, {@code trial}, {@code
 *     retrain})
 * @param engine the DJL engine that trained the weights
 * @param engineVersion that engine's version
 * @param dataset the data set's id or folder
 * @param split how the training set was split into training and validation examples, by name
 * @param validationMetrics the final network's metrics on the validation examples
 * @param testMetrics the final network's metrics on the test set
 * @param parameters the network's trainable parameters
 * @param latencyMs milliseconds of one inference at batch size 1 (the median after warm-up) on the
 *     training engine, if measured; before 2026-12-06, the mean time of a batch
 * @param libraryVersion the djl-nas version that published the model
 * @param djlVersion the DJL version
 * @param created when the model was published
 */
public record Provenance(
        String space,
        SortedMap<String, String> spaceSettings,
        String strategy,
        SortedMap<String, String> strategySettings,
        SortedMap<String, Long> seeds,
        String engine,
        String engineVersion,
        String dataset,
        SortedMap<String, String> split,
        SortedMap<String, Double> validationMetrics,
        SortedMap<String, Double> testMetrics,
        long parameters,
        OptionalDouble latencyMs,
        String libraryVersion,
        String djlVersion,
        Instant created) {

    /** The metric name of accuracy. */
    public static final String ACCURACY = "accuracy";

    /** Validates the fields and makes the maps unmodifiable. */
    public Provenance {
        space = requireText(space, "space");
        spaceSettings = sorted(spaceSettings, "spaceSettings");
        strategy = requireText(strategy, "strategy");
        strategySettings = sorted(strategySettings, "strategySettings");
        seeds = sorted(seeds, "seeds");
        engine = requireText(engine, "engine");
        engineVersion = requireText(engineVersion, "engineVersion");
        dataset = requireText(dataset, "dataset");
        split = sorted(split, "split");
        validationMetrics = sorted(validationMetrics, "validationMetrics");
        testMetrics = sorted(testMetrics, "testMetrics");
        checkFinite(validationMetrics, "validationMetrics");
        checkFinite(testMetrics, "testMetrics");
        if (parameters < 0) {
            throw new IllegalArgumentException(
                    "parameters is " + parameters + "; expected a count >= 0");
        }
        requireNonNull(latencyMs, "latencyMs is null");
        if (latencyMs.isPresent()
                && !(Double.isFinite(latencyMs.getAsDouble()) && latencyMs.getAsDouble() >= 0)) {
            throw new IllegalArgumentException(
                    "latencyMs is " + latencyMs.getAsDouble() + "; expected a finite number >= 0");
        }
        libraryVersion = requireText(libraryVersion, "libraryVersion");
        djlVersion = requireText(djlVersion, "djlVersion");
        requireNonNull(created, "created is null");
    }

    /**
     * Starts building a provenance record.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the validation accuracy, if recorded.
     *
     * @return the accuracy, a fraction in [0, 1]
     */
    public OptionalDouble validationAccuracy() {
        return metric(validationMetrics, ACCURACY);
    }

    /**
     * Returns the test accuracy, if recorded.
     *
     * @return the accuracy, a fraction in [0, 1]
     */
    public OptionalDouble testAccuracy() {
        return metric(testMetrics, ACCURACY);
    }

    /**
     * Returns a copy with other space settings.
     *
     * @param settings the settings
     * @return the copy
     */
    public Provenance withSpaceSettings(Map<String, String> settings) {
        return new Provenance(
                space,
                new TreeMap<>(settings),
                strategy,
                strategySettings,
                seeds,
                engine,
                engineVersion,
                dataset,
                split,
                validationMetrics,
                testMetrics,
                parameters,
                latencyMs,
                libraryVersion,
                djlVersion,
                created);
    }

    /**
     * Describes where the model came from, on one line: space, strategy, data set, engine, date.
     *
     * @return for example {@code nas-bench-201 by regularized-evolution on fashion-mnist, PyTorch
     *     2.7.1, 2026-11-28}
     */
    public String summary() {
        return space
                + " by "
                + strategy
                + " on "
                + dataset
                + ", "
                + engine
                + " "
                + engineVersion
                + ", "
                + created.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static OptionalDouble metric(Map<String, Double> metrics, String name) {
        Double value = metrics.get(name);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static String requireText(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    field + " is " + describe(value) + "; expected text");
        }
        return value;
    }

    private static String describe(@Nullable String value) {
        return value == null ? "missing" : "blank";
    }

    private static <V> SortedMap<String, V> sorted(@Nullable Map<String, V> map, String field) {
        requireNonNull(map, field + " is null");
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    private static void checkFinite(Map<String, Double> metrics, String field) {
        metrics.forEach(
                (name, value) -> {
                    if (!Double.isFinite(value)) {
                        throw new IllegalArgumentException(
                                field
                                        + " '"
                                        + name
                                        + "' is "
                                        + value
                                        + "; expected a finite number");
                    }
                });
    }

    /**
     * Builds a {@link Provenance}: {@code set} methods are required, {@code opt} methods optional.
     */
    public static final class Builder {

        private @Nullable String space;
        private Map<String, String> spaceSettings = Map.of();
        private @Nullable String strategy;
        private Map<String, String> strategySettings = Map.of();
        private final SortedMap<String, Long> seeds = new TreeMap<>();
        private @Nullable String engine;
        private @Nullable String engineVersion;
        private @Nullable String dataset;
        private Map<String, String> split = Map.of();
        private Map<String, Double> validationMetrics = Map.of();
        private Map<String, Double> testMetrics = Map.of();
        private long parameters = -1;
        private OptionalDouble latencyMs = OptionalDouble.empty();
        private @Nullable String libraryVersion;
        private @Nullable String djlVersion;
        private @Nullable Instant created;

        private Builder() {}

        /**
         * Sets the search space.
         *
         * @param id the space's id
         * @param settings its settings as text, by name (the publisher adds the defaults)
         * @return this builder
         */
        public Builder setSpace(String id, Map<String, String> settings) {
            this.space = id;
            this.spaceSettings = Map.copyOf(settings);
            return this;
        }

        /**
         * Sets the search strategy.
         *
         * @param id the strategy's id
         * @param settings its settings as text, by name
         * @return this builder
         */
        public Builder setStrategy(String id, Map<String, String> settings) {
            this.strategy = id;
            this.strategySettings = Map.copyOf(settings);
            return this;
        }

        /**
         * Adds a seed.
         *
         * @param role what the seed seeded (for example {@code experiment})
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(String role, long seed) {
            seeds.put(requireText(role, "seed role"), seed);
            return this;
        }

        /**
         * Sets the engine that trained the weights.
         *
         * @param name the DJL engine name (for example {@code PyTorch})
         * @param version the engine's version
         * @return this builder
         */
        public Builder setEngine(String name, String version) {
            this.engine = name;
            this.engineVersion = version;
            return this;
        }

        /**
         * Sets the data set.
         *
         * @param id the data set's id or folder
         * @param split how its training set was split, by name (for example {@code seed}, {@code
         *     validationFraction})
         * @return this builder
         */
        public Builder setDataset(String id, Map<String, String> split) {
            this.dataset = id;
            this.split = Map.copyOf(split);
            return this;
        }

        /**
         * Sets the metrics on the validation examples.
         *
         * @param metrics the metrics by name
         * @return this builder
         */
        public Builder optValidationMetrics(Map<String, Double> metrics) {
            this.validationMetrics = Map.copyOf(metrics);
            return this;
        }

        /**
         * Sets the metrics on the test set.
         *
         * @param metrics the metrics by name, named as the validation metrics
         * @return this builder
         */
        public Builder optTestMetrics(Map<String, Double> metrics) {
            this.testMetrics = Map.copyOf(metrics);
            return this;
        }

        /**
         * Sets the network's number of trainable parameters.
         *
         * @param parameters the count
         * @return this builder
         */
        public Builder setParameters(long parameters) {
            this.parameters = parameters;
            return this;
        }

        /**
         * Sets the measured latency.
         *
         * @param milliseconds milliseconds per inference batch on the training engine
         * @return this builder
         */
        public Builder optLatencyMs(double milliseconds) {
            this.latencyMs = OptionalDouble.of(milliseconds);
            return this;
        }

        /**
         * Sets the djl-nas version that publishes the model.
         *
         * @param version the version
         * @return this builder
         */
        public Builder setLibraryVersion(String version) {
            this.libraryVersion = version;
            return this;
        }

        /**
         * Sets the DJL version; by default, that of the DJL on the class path.
         *
         * @param version the version
         * @return this builder
         */
        public Builder optDjlVersion(String version) {
            this.djlVersion = version;
            return this;
        }

        /**
         * Sets the time of publication; by default, now, to the second.
         *
         * @param time the time
         * @return this builder
         */
        public Builder optCreated(Instant time) {
            this.created = time;
            return this;
        }

        /**
         * Builds the record.
         *
         * @return the provenance
         * @throws IllegalArgumentException naming a required field that is missing or a bad value
         */
        public Provenance build() {
            if (parameters < 0) {
                throw new IllegalArgumentException(
                        "parameters is "
                                + (parameters == -1 ? "missing" : Long.toString(parameters))
                                + "; call setParameters with the count of trainable parameters");
            }
            return new Provenance(
                    requireText(space, "space"),
                    new TreeMap<>(spaceSettings),
                    requireText(strategy, "strategy"),
                    new TreeMap<>(strategySettings),
                    seeds,
                    requireText(engine, "engine"),
                    requireText(engineVersion, "engineVersion"),
                    requireText(dataset, "dataset"),
                    new TreeMap<>(split),
                    new TreeMap<>(validationMetrics),
                    new TreeMap<>(testMetrics),
                    parameters,
                    latencyMs,
                    requireText(libraryVersion, "libraryVersion"),
                    djlVersion != null ? djlVersion : Engine.getDjlVersion(),
                    created != null ? created : Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }
}
