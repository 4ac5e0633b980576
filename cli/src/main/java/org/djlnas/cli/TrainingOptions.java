package org.djlnas.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.trial.Budget;
import org.djlnas.runtime.search.Candidate;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.Retraining;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of training a found architecture from scratch ({@code --dataset}, {@code --data-opt},
 * {@code --epochs}, {@code --max-train-examples}, {@code --seed}, {@code --engine}), shared by
 * {@code nas retrain} and {@code nas publish}.
 */
final class TrainingOptions {

    @Option(
            names = "--dataset",
            paramLabel = "KIND[:LOCATION]",
            description = "The data set (default: the experiment's, else fashion-mnist).")
    private @Nullable String dataset;

    @Option(
            names = "--data-opt",
            paramLabel = "KEY=VALUE",
            description =
                    "An option of the data set's kind (for example target=price; see 'nas"
                            + " datasets'); repeatable; without --dataset they override the"
                            + " experiment's.")
    private Map<String, String> dataOptions = new LinkedHashMap<>();

    @Option(
            names = "--epochs",
            paramLabel = "E",
            description = "Training epochs (default ${DEFAULT-VALUE}).")
    private double epochs = 10;

    @Option(
            names = "--max-train-examples",
            paramLabel = "N",
            description = "Train on at most N examples (default 0: all of the training split).")
    private int maxTrainExamples;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "The seed (default: the experiment's, else 0).")
    private @Nullable Long seed;

    @Option(names = "--engine", paramLabel = "NAME", description = "The DJL engine to train on.")
    private @Nullable String engine;

    /**
     * Builds the retraining request: what an experiment found, or an architecture of a space.
     *
     * @param plugins the spaces
     * @param space the space options ({@code --space-opt} overrides an experiment's settings)
     * @param architecture the {@code --experiment} or {@code --arch} options
     * @return the request
     * @throws IOException if the experiment cannot be read
     */
    Retraining.Request request(
            Plugins plugins, SpaceOptions space, ArchitectureOptions architecture)
            throws IOException {
        architecture.requireOne("retrain", "--space ID");
        String engineName =
                Engines.selector(plugins)
                        .select(Optional.ofNullable(engine), EngineCapability.TRAIN)
                        .getEngineName();
        Budget budget = new Budget(epochs, maxTrainExamples);
        Candidate candidate =
                architecture.candidate(
                        plugins,
                        space,
                        Optional.ofNullable(dataset),
                        dataOptions,
                        seed == null ? OptionalLong.empty() : OptionalLong.of(seed));
        return candidate.retraining(engineName, budget);
    }
}
