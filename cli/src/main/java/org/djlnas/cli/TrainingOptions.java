package org.djlnas.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.trial.Budget;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.Retraining;
import org.djlnas.runtime.search.SearchSetup;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of training a found architecture from scratch ({@code --dataset}, {@code --epochs},
 * {@code --max-train-examples}, {@code --seed}, {@code --engine}), shared by {@code nas retrain}
 * and {@code nas publish}.
 */
final class TrainingOptions {

    @Option(
            names = "--dataset",
            paramLabel = "ID|DIR",
            description = "The data set (default: the experiment's, else fashion-mnist).")
    private @Nullable String dataset;

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
     * @param experiment the experiment folder, or null with {@code arch}
     * @param arch the architecture's JSON or file, or null with {@code experiment}
     * @return the request
     * @throws IOException if the experiment cannot be read
     */
    Retraining.Request request(
            Plugins plugins, SpaceOptions space, @Nullable Path experiment, @Nullable String arch)
            throws IOException {
        if ((experiment == null) == (arch == null)) {
            throw new IllegalArgumentException(
                    "give --experiment DIR (retrain what a search found) or --arch FILE|JSON"
                            + " with --space ID, exactly one of them");
        }
        String engineName =
                Engines.selector(plugins)
                        .select(Optional.ofNullable(engine), EngineCapability.TRAIN)
                        .getEngineName();
        Budget budget = new Budget(epochs, maxTrainExamples);
        if (experiment != null) {
            Retraining.Found found = Retraining.readFound(experiment);
            ExperimentConfig config = found.config();
            if (space.givenId().isPresent() && !space.givenId().get().equals(config.space())) {
                throw new IllegalArgumentException(
                        "--space is "
                                + space.givenId().get()
                                + " but the experiment searched "
                                + config.space());
            }
            Map<String, String> settings = new LinkedHashMap<>(config.spaceSettings());
            settings.putAll(space.settings(plugins.spaceProvider(config.space())));
            return new Retraining.Request(
                    config.space(),
                    settings,
                    found.architecture(),
                    dataset != null
                            ? dataset
                            : Optional.ofNullable(config.dataset())
                                    .orElse(SearchSetup.FASHION_MNIST),
                    engineName,
                    seed != null ? seed : config.seed(),
                    budget);
        }
        String spaceId = space.id();
        Architecture architecture = ArchitectureReader.read(requireNonNull(arch, "arch is null"));
        return new Retraining.Request(
                spaceId,
                space.settings(plugins.spaceProvider(spaceId)),
                architecture,
                dataset != null ? dataset : SearchSetup.FASHION_MNIST,
                engineName,
                seed != null ? seed : 0,
                budget);
    }
}
