package org.djlnas.runtime.search;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.djlnas.api.eval.Constraint;
import org.djlnas.api.eval.Objective;
import org.djlnas.api.trial.Budget;
import org.djlnas.runtime.benchmark.TabularBenchmarkEvaluatorProvider;
import org.djlnas.runtime.training.TrainingEvaluatorProvider;
import org.djlnas.runtime.zerocost.ZeroCostProxies;
import org.jspecify.annotations.Nullable;

/**
 * Everything that defines an experiment, journaled when it is created so that a resumed experiment
 * rebuilds the same space, strategy and evaluator. Built with {@link #builder()}; its messages name
 * the bad field in backticks. A field added here defines the experiment (it may not change on
 * resume) unless it is listed in {@link #RESUMABLE}. Long because each field has its check, its
 * JSON form and its builder method, all here so that a new field is added in one file.
 *
 * @param space the space's id
 * @param spaceSettings the space's settings as given, by name
 * @param strategy the strategy's id
 * @param strategySettings the strategy's settings as given, by name
 * @param benchmark the tabular benchmark file, or null to train on a data set
 * @param dataset the data set, {@code KIND} or {@code KIND:LOCATION}, or null for a tabular
 *     benchmark
 * @param engine the DJL engine name, or null for the default
 * @param seed the experiment's seed
 * @param trials the number of trials
 * @param parallel how many trials run at once
 * @param epochs the epochs of a trial
 * @param maxTrainExamples a cap on training examples per trial, or 0 for all
 * @param evaluator the evaluator's id, or null for the built-in one the inputs imply ({@code
 *     benchmark} with a table, else {@code training})
 * @param evaluatorSettings the evaluator's settings as given, by name
 * @param pruner the id of the rule that stops trials early ({@value SearchSetup#NO_PRUNER} for
 *     none; journals from before pruning read as none)
 * @param dataOptions the data set's options as given, by name (journals from before data options
 *     read as none)
 * @param executor how trials run: {@value #THREADS} (in this JVM), {@value #PROCESSES} (worker
 *     JVMs) or {@value #SPARK} (Spark tasks); null picks {@value #PROCESSES} for the training
 *     evaluator with {@code parallel} above 1, else {@value #THREADS}
 * @param maxRetries how many times a trial whose worker process died runs again (null: 1)
 * @param workerJvmOptions JVM options added to each worker process (null: none)
 * @param sparkMaster the Spark master URL for the {@value #SPARK} executor (null: {@code
 *     spark.master}, else local)
 * @param objectives what the search optimises, each {@code METRIC:max} or {@code METRIC:min}
 *     ({@link Objective}), the first one primary; empty (or null, as in journals from before
 *     objectives) for the evaluator's own objective
 * @param constraints bounds a feasible trial keeps, each {@code METRIC<=LIMIT} or {@code
 *     METRIC>=LIMIT} ({@link Constraint}); empty or null for none
 * @param prefilter the zero-cost proxy that scores candidates before any is trained, so that only
 *     the best of each {@code prefilterCandidates} is ({@link
 *     org.djlnas.runtime.zerocost.Prefilter}); null for none
 * @param prefilterCandidates how many candidates the prefilter scores for each trial it lets train
 *     (null: {@value #DEFAULT_PREFILTER_CANDIDATES} with a prefilter)
 * @param warmStart folders of earlier experiments, usually on other data, whose trials the strategy
 *     starts from ({@link WarmStart}); empty or null for none
 */
public record ExperimentConfig(
        String space,
        Map<String, String> spaceSettings,
        String strategy,
        Map<String, String> strategySettings,
        @Nullable String benchmark,
        @Nullable String dataset,
        @Nullable String engine,
        long seed,
        int trials,
        int parallel,
        double epochs,
        int maxTrainExamples,
        @Nullable String evaluator,
        @Nullable Map<String, String> evaluatorSettings,
        @Nullable String pruner,
        @Nullable Map<String, String> dataOptions,
        @Nullable String executor,
        @Nullable Integer maxRetries,
        @Nullable List<String> workerJvmOptions,
        @Nullable String sparkMaster,
        @Nullable List<String> objectives,
        @Nullable List<String> constraints,
        @Nullable String prefilter,
        @Nullable Integer prefilterCandidates,
        @Nullable List<String> warmStart) {

    /** The candidates the prefilter scores for each trained one, by default. */
    public static final int DEFAULT_PREFILTER_CANDIDATES = 10;

    /**
     * The fields that may change when an experiment is resumed: the number of trials, the place of
     * its benchmark table, and how its trials run (the executor, its retries and its worker JVM
     * options), which never changes what a trial computes. Every other field defines the
     * experiment.
     */
    public static final Set<String> RESUMABLE =
            Set.of(
                    "trials",
                    "benchmark",
                    "executor",
                    "maxRetries",
                    "workerJvmOptions",
                    "sparkMaster");

    /** The executor that runs trials on threads of the driver's JVM. */
    public static final String THREADS = "threads";

    /** The executor that runs trials in worker processes, one JVM each. */
    public static final String PROCESSES = "processes";

    /** The executor that runs trials as Apache Spark tasks (the djl-nas-spark module). */
    public static final String SPARK = "spark";

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Validates and copies the fields. */
    public ExperimentConfig {
        spaceSettings = Map.copyOf(new TreeMap<>(spaceSettings));
        strategySettings = Map.copyOf(new TreeMap<>(strategySettings));
        pruner = pruner == null ? SearchSetup.NO_PRUNER : pruner;
        evaluatorSettings =
                evaluatorSettings == null ? Map.of() : Map.copyOf(new TreeMap<>(evaluatorSettings));
        dataOptions = dataOptions == null ? Map.of() : Map.copyOf(new TreeMap<>(dataOptions));
        if (dataset == null && !dataOptions.isEmpty()) {
            throw new IllegalArgumentException(
                    "`dataOptions` are given but no `dataset`; options belong to a data set");
        }
        if (benchmark != null && dataset != null) {
            throw new IllegalArgumentException(
                    "give `dataset` (train) or `benchmark` (look up scores), not both");
        }
        if (benchmark == null && dataset == null && evaluator == null) {
            throw new IllegalArgumentException(
                    "give one of `benchmark` CSV (score by lookup) or `dataset` (train)");
        }
        if (trials < 1) {
            throw new IllegalArgumentException("`trials` is " + trials + "; expected at least 1");
        }
        if (parallel < 1) {
            throw new IllegalArgumentException(
                    "`parallel` is " + parallel + "; expected at least 1");
        }
        new Budget(epochs, maxTrainExamples); // validates both
        executor =
                executor == null
                        ? defaultExecutor(evaluatorId(evaluator, benchmark), parallel)
                        : executor;
        if (!executor.equals(THREADS) && !executor.equals(PROCESSES) && !executor.equals(SPARK)) {
            throw new IllegalArgumentException(
                    "`executor` is " + executor + "; expected threads, processes or spark");
        }
        if (sparkMaster != null && !executor.equals(SPARK)) {
            throw new IllegalArgumentException(
                    "`sparkMaster` is "
                            + sparkMaster
                            + ", but `executor` is "
                            + executor
                            + "; a Spark master is only for executor spark");
        }
        maxRetries = maxRetries == null ? 1 : maxRetries;
        if (maxRetries < 0) {
            throw new IllegalArgumentException(
                    "`maxRetries` is " + maxRetries + "; expected 0 or more");
        }
        workerJvmOptions = workerJvmOptions == null ? List.of() : List.copyOf(workerJvmOptions);
        warmStart = warmStart == null ? List.of() : List.copyOf(warmStart);
        objectives =
                objectives == null
                        ? List.of()
                        : objectives.stream()
                                .map(text -> parsed("objectives", () -> Objective.parse(text)))
                                .toList();
        constraints =
                constraints == null
                        ? List.of()
                        : constraints.stream()
                                .map(text -> parsed("constraints", () -> Constraint.parse(text)))
                                .toList();
        if (prefilter == null) {
            if (prefilterCandidates != null) {
                throw new IllegalArgumentException(
                        "`prefilterCandidates` is given but no `prefilter`; name the proxy that"
                                + " scores the candidates");
            }
        } else {
            ZeroCostProxies.require("`prefilter`", prefilter);
            prefilterCandidates =
                    prefilterCandidates == null
                            ? DEFAULT_PREFILTER_CANDIDATES
                            : prefilterCandidates;
            if (prefilterCandidates < 1) {
                throw new IllegalArgumentException(
                        "`prefilterCandidates` is "
                                + prefilterCandidates
                                + "; expected at least 1");
            }
        }
    }

    /** Parses one objective or constraint, its canonical text kept; a message names the field. */
    private static String parsed(String field, java.util.function.Supplier<Object> parse) {
        try {
            return parse.get().toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("`" + field + "`: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the objectives, parsed.
     *
     * @return the objectives in the order given; empty for the evaluator's own
     */
    public List<Objective> parsedObjectives() {
        return requireNonNull(objectives, "objectives is null").stream()
                .map(Objective::parse)
                .toList();
    }

    /**
     * Returns the constraints, parsed.
     *
     * @return the constraints in the order given
     */
    public List<Constraint> parsedConstraints() {
        return requireNonNull(constraints, "constraints is null").stream()
                .map(Constraint::parse)
                .toList();
    }

    private static String defaultExecutor(String evaluatorId, int parallel) {
        return evaluatorId.equals(TrainingEvaluatorProvider.ID) && parallel > 1
                ? PROCESSES
                : THREADS;
    }

    /**
     * Returns the names of the fields that define an experiment, in declaration order: all but
     * {@link #RESUMABLE}. A resumed experiment keeps them as they were created.
     *
     * @return the field names
     */
    public static List<String> definingFields() {
        return Arrays.stream(ExperimentConfig.class.getRecordComponents())
                .map(RecordComponent::getName)
                .filter(name -> !RESUMABLE.contains(name))
                .toList();
    }

    /**
     * Starts a configuration: {@code space} and {@code strategy} are required, and one of {@code
     * dataset}, {@code benchmark} or {@code evaluator}; by default the seed is 0, 20 trials run one
     * at a time for 1 epoch each on all training examples, with no pruner.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder that starts from this configuration.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return builder()
                .setSpace(space)
                .optSpaceSettings(spaceSettings)
                .setStrategy(strategy)
                .optStrategySettings(strategySettings)
                .optBenchmark(benchmark)
                .optDataset(dataset)
                .optEngine(engine)
                .optSeed(seed)
                .optTrials(trials)
                .optParallel(parallel)
                .optEpochs(epochs)
                .optMaxTrainExamples(maxTrainExamples)
                .optEvaluator(evaluator)
                .optEvaluatorSettings(
                        requireNonNull(evaluatorSettings, "evaluatorSettings is null"))
                .optPruner(requireNonNull(pruner, "pruner is null"))
                .optDataOptions(requireNonNull(dataOptions, "dataOptions is null"))
                .optExecutor(executor)
                .optMaxRetries(requireNonNull(maxRetries, "maxRetries is null"))
                .optWorkerJvmOptions(requireNonNull(workerJvmOptions, "workerJvmOptions is null"))
                .optSparkMaster(sparkMaster)
                .optObjectives(requireNonNull(objectives, "objectives is null"))
                .optConstraints(requireNonNull(constraints, "constraints is null"))
                .optPrefilter(prefilter, prefilterCandidates)
                .optWarmStart(requireNonNull(warmStart, "warmStart is null"));
    }

    /**
     * Returns the budget of one trial.
     *
     * @return the budget
     */
    public Budget budget() {
        return new Budget(epochs, maxTrainExamples);
    }

    /**
     * Returns the id of the evaluator that scores trials.
     *
     * @return the evaluator's id
     */
    public String evaluatorId() {
        return evaluatorId(evaluator, benchmark);
    }

    private static String evaluatorId(@Nullable String evaluator, @Nullable String benchmark) {
        if (evaluator != null) {
            return evaluator;
        }
        return benchmark != null
                ? TabularBenchmarkEvaluatorProvider.ID
                : TrainingEvaluatorProvider.ID;
    }

    /**
     * Returns the evaluator's settings as text, the benchmark table included.
     *
     * @return the settings by name
     */
    public Map<String, String> evaluatorSettingsWithTable() {
        Map<String, String> settings = new TreeMap<>(evaluatorSettings);
        if (benchmark != null) {
            settings.put(TabularBenchmarkEvaluatorProvider.TABLE, benchmark);
        }
        return settings;
    }

    /**
     * Returns a copy with another number of trials (to extend a resumed experiment).
     *
     * @param newTrials the number of trials
     * @return the copy
     */
    public ExperimentConfig withTrials(int newTrials) {
        return toBuilder().optTrials(newTrials).build();
    }

    /**
     * Returns a copy that reads its benchmark table from another place (to resume an experiment
     * whose table moved).
     *
     * @param newBenchmark the table's file or a built-in table's id
     * @return the copy
     * @throws IllegalArgumentException if the experiment has no benchmark table
     */
    public ExperimentConfig withBenchmark(String newBenchmark) {
        if (benchmark == null) {
            throw new IllegalArgumentException(
                    "`benchmark` is "
                            + newBenchmark
                            + ", but the experiment looks up no benchmark table; only an"
                            + " experiment's own table can be given again");
        }
        return toBuilder().optBenchmark(newBenchmark).build();
    }

    /**
     * Writes the configuration as JSON.
     *
     * @return the JSON
     */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the experiment configuration", e);
        }
    }

    /**
     * Reads a configuration from JSON.
     *
     * @param json the JSON
     * @return the configuration
     * @throws IllegalArgumentException if the JSON is not a configuration
     */
    public static ExperimentConfig fromJson(String json) {
        try {
            ExperimentConfig config = JSON.readValue(json, ExperimentConfig.class);
            if (config == null) {
                throw new IllegalArgumentException(
                        "the experiment's configuration is corrupt: it is " + json.strip());
            }
            return config;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "the experiment's configuration is corrupt: " + e.getOriginalMessage(), e);
        }
    }

    /** Builds an {@link ExperimentConfig}; {@link #build} validates and names a bad field. */
    public static final class Builder {

        private @Nullable String space;
        private Map<String, String> spaceSettings = Map.of();
        private @Nullable String strategy;
        private Map<String, String> strategySettings = Map.of();
        private @Nullable String benchmark;
        private @Nullable String dataset;
        private @Nullable String engine;
        private long seed;
        private int trials = 20;
        private int parallel = 1;
        private double epochs = 1;
        private int maxTrainExamples;
        private @Nullable String evaluator;
        private Map<String, String> evaluatorSettings = Map.of();
        private String pruner = SearchSetup.NO_PRUNER;
        private Map<String, String> dataOptions = Map.of();
        private @Nullable String executor;
        private int maxRetries = 1;
        private List<String> workerJvmOptions = List.of();
        private @Nullable String sparkMaster;
        private List<String> objectives = List.of();
        private List<String> constraints = List.of();
        private @Nullable String prefilter;
        private @Nullable Integer prefilterCandidates;
        private List<String> warmStart = List.of();

        private Builder() {}

        /**
         * Sets the earlier experiments whose trials the strategy starts from (default: none).
         *
         * @param experiments the experiment folders
         * @return this builder
         */
        public Builder optWarmStart(List<String> experiments) {
            this.warmStart = List.copyOf(experiments);
            return this;
        }

        /**
         * Sets the zero-cost proxy that scores candidates so that only the best of each group is
         * trained (default: none).
         *
         * @param proxy the proxy's id, or null for none
         * @param candidates how many candidates it scores for each trained one, or null for {@value
         *     ExperimentConfig#DEFAULT_PREFILTER_CANDIDATES}
         * @return this builder
         */
        public Builder optPrefilter(@Nullable String proxy, @Nullable Integer candidates) {
            this.prefilter = proxy;
            this.prefilterCandidates = candidates;
            return this;
        }

        /**
         * Sets what the search optimises (default: the evaluator's own objective).
         *
         * @param objectives each {@code METRIC:max} or {@code METRIC:min}, the first one primary
         * @return this builder
         */
        public Builder optObjectives(List<String> objectives) {
            this.objectives = List.copyOf(objectives);
            return this;
        }

        /**
         * Sets the bounds a feasible trial keeps (default: none).
         *
         * @param constraints each {@code METRIC<=LIMIT} or {@code METRIC>=LIMIT}
         * @return this builder
         */
        public Builder optConstraints(List<String> constraints) {
            this.constraints = List.copyOf(constraints);
            return this;
        }

        /**
         * Sets how trials run; by default worker processes for the training evaluator with more
         * than one trial at a time, else threads.
         *
         * @param id {@value ExperimentConfig#THREADS}, {@value ExperimentConfig#PROCESSES} or
         *     {@value ExperimentConfig#SPARK}, or null for the default
         * @return this builder
         */
        public Builder optExecutor(@Nullable String id) {
            this.executor = id;
            return this;
        }

        /**
         * Sets how many times a trial whose worker process died runs again (default 1).
         *
         * @param count 0 or more
         * @return this builder
         */
        public Builder optMaxRetries(int count) {
            this.maxRetries = count;
            return this;
        }

        /**
         * Sets the Spark master the {@value ExperimentConfig#SPARK} executor runs trials on.
         *
         * @param url the master URL, or null for {@code spark.master}, else local
         * @return this builder
         */
        public Builder optSparkMaster(@Nullable String url) {
            this.sparkMaster = url;
            return this;
        }

        /**
         * Sets JVM options added to each worker process (for example {@code -Xmx4g}).
         *
         * @param options the options
         * @return this builder
         */
        public Builder optWorkerJvmOptions(List<String> options) {
            this.workerJvmOptions = options;
            return this;
        }

        /**
         * Sets the space.
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
         * @param settings the settings by name
         * @return this builder
         */
        public Builder optSpaceSettings(Map<String, String> settings) {
            this.spaceSettings = settings;
            return this;
        }

        /**
         * Sets the strategy.
         *
         * @param id the strategy's id
         * @return this builder
         */
        public Builder setStrategy(String id) {
            this.strategy = id;
            return this;
        }

        /**
         * Sets the strategy's settings.
         *
         * @param settings the settings by name
         * @return this builder
         */
        public Builder optStrategySettings(Map<String, String> settings) {
            this.strategySettings = settings;
            return this;
        }

        /**
         * Scores trials by lookup in a tabular benchmark instead of training.
         *
         * @param table a built-in table's id or a CSV file
         * @return this builder
         */
        public Builder optBenchmark(@Nullable String table) {
            this.benchmark = table;
            return this;
        }

        /**
         * Trains trials on a data set.
         *
         * @param id {@code KIND} or {@code KIND:LOCATION}, for example {@code fashion-mnist}
         * @return this builder
         */
        public Builder optDataset(@Nullable String id) {
            this.dataset = id;
            return this;
        }

        /**
         * Sets the data set's options.
         *
         * @param options the options by name (for example {@code target=price})
         * @return this builder
         */
        public Builder optDataOptions(Map<String, String> options) {
            this.dataOptions = options;
            return this;
        }

        /**
         * Sets the DJL engine.
         *
         * @param name the engine's name
         * @return this builder
         */
        public Builder optEngine(@Nullable String name) {
            this.engine = name;
            return this;
        }

        /**
         * Sets the experiment's seed.
         *
         * @param value the seed
         * @return this builder
         */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets the number of trials.
         *
         * @param count at least 1
         * @return this builder
         */
        public Builder optTrials(int count) {
            this.trials = count;
            return this;
        }

        /**
         * Sets how many trials run at once.
         *
         * @param count at least 1
         * @return this builder
         */
        public Builder optParallel(int count) {
            this.parallel = count;
            return this;
        }

        /**
         * Sets the epochs of a trial.
         *
         * @param value more than 0; fractions allowed
         * @return this builder
         */
        public Builder optEpochs(double value) {
            this.epochs = value;
            return this;
        }

        /**
         * Caps the training examples of a trial.
         *
         * @param count the cap, or 0 for all
         * @return this builder
         */
        public Builder optMaxTrainExamples(int count) {
            this.maxTrainExamples = count;
            return this;
        }

        /**
         * Sets what scores trials, if not the evaluator the data set or table implies.
         *
         * @param id the evaluator's id
         * @return this builder
         */
        public Builder optEvaluator(@Nullable String id) {
            this.evaluator = id;
            return this;
        }

        /**
         * Sets the evaluator's settings.
         *
         * @param settings the settings by name
         * @return this builder
         */
        public Builder optEvaluatorSettings(Map<String, String> settings) {
            this.evaluatorSettings = settings;
            return this;
        }

        /**
         * Sets the rule that stops trials early.
         *
         * @param id the pruner's id, or {@value SearchSetup#NO_PRUNER}
         * @return this builder
         */
        public Builder optPruner(String id) {
            this.pruner = id;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the field that is missing or out of range
         */
        public ExperimentConfig build() {
            return new ExperimentConfig(
                    required(space, "space"),
                    spaceSettings,
                    required(strategy, "strategy"),
                    strategySettings,
                    benchmark,
                    dataset,
                    engine,
                    seed,
                    trials,
                    parallel,
                    epochs,
                    maxTrainExamples,
                    evaluator,
                    evaluatorSettings,
                    pruner,
                    dataOptions,
                    executor,
                    maxRetries,
                    workerJvmOptions,
                    sparkMaster,
                    objectives,
                    constraints,
                    prefilter,
                    prefilterCandidates,
                    warmStart);
        }

        private static String required(@Nullable String value, String field) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("`" + field + "` is not set; it is required");
            }
            return value;
        }
    }
}
