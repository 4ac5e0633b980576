package org.djlnas.runtime.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;
import java.util.TreeMap;
import org.djlnas.api.trial.Budget;
import org.djlnas.runtime.benchmark.TabularBenchmarkEvaluatorProvider;
import org.djlnas.runtime.training.TrainingEvaluatorProvider;
import org.jspecify.annotations.Nullable;

/**
 * Everything that defines an experiment, journaled when it is created so that {@code --resume}
 * rebuilds the same space, strategy and evaluator.
 *
 * @param space the space's id
 * @param spaceSettings the space's settings as given, by name
 * @param strategy the strategy's id
 * @param strategySettings the strategy's settings as given, by name
 * @param benchmark the tabular benchmark file, or null to train on a data set
 * @param dataset the data set id or folder, or null for a tabular benchmark
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
        @Nullable String pruner) {

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
        if (benchmark != null && dataset != null) {
            throw new IllegalArgumentException(
                    "give --dataset (train) or --benchmark (look up scores), not both");
        }
        if (benchmark == null && dataset == null && evaluator == null) {
            throw new IllegalArgumentException(
                    "give one of --benchmark CSV (score by lookup) or --dataset (train)");
        }
        if (trials < 1) {
            throw new IllegalArgumentException("--trials is " + trials + "; expected at least 1");
        }
        if (parallel < 1) {
            throw new IllegalArgumentException(
                    "--parallel is " + parallel + "; expected at least 1");
        }
        budget(epochs, maxTrainExamples);
    }

    /**
     * Returns the budget of one trial.
     *
     * @return the budget
     */
    public Budget budget() {
        return budget(epochs, maxTrainExamples);
    }

    private static Budget budget(double epochs, int maxTrainExamples) {
        try {
            return new Budget(epochs, maxTrainExamples);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--epochs is "
                            + epochs
                            + " and --max-train-examples is "
                            + maxTrainExamples
                            + "; expected epochs > 0 and a cap >= 0 (0 for all)",
                    e);
        }
    }

    /**
     * Returns the id of the evaluator that scores trials.
     *
     * @return the evaluator's id
     */
    public String evaluatorId() {
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
        return new ExperimentConfig(
                space,
                spaceSettings,
                strategy,
                strategySettings,
                benchmark,
                dataset,
                engine,
                seed,
                newTrials,
                parallel,
                epochs,
                maxTrainExamples,
                evaluator,
                evaluatorSettings,
                pruner);
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
                    "benchmark is "
                            + newBenchmark
                            + ", but the experiment looks up no benchmark table; only an"
                            + " experiment's own table can be given again");
        }
        return new ExperimentConfig(
                space,
                spaceSettings,
                strategy,
                strategySettings,
                newBenchmark,
                dataset,
                engine,
                seed,
                trials,
                parallel,
                epochs,
                maxTrainExamples,
                evaluator,
                evaluatorSettings,
                pruner);
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
}
