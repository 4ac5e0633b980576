package org.djlnas.runtime.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.EvaluatorContext;
import org.djlnas.api.eval.EvaluatorProvider;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.StrategyProvider;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.runtime.data.FashionMnistSource;
import org.djlnas.runtime.data.ImageDataSource;
import org.djlnas.runtime.experiment.TrialSeeds;
import org.djlnas.runtime.pruning.NoPrunerProvider;
import org.djlnas.runtime.training.TrainingEvaluatorProvider;

/** Builds the parts of a search from its configuration, and checks them early. */
public final class SearchSetup {

    /** The data set id that means Fashion-MNIST from its default location. */
    public static final String FASHION_MNIST = FashionMnistSource.DEFAULT_ID;

    /** The pruner id that means no trial is stopped early. */
    public static final String NO_PRUNER = NoPrunerProvider.ID;

    private static final String INPUT_CHANNELS = "input-channels";
    private static final String CLASSES = "classes";

    private SearchSetup() {}

    /**
     * Fills in the space settings a data set determines (input channels and classes) when the space
     * declares them and they were not given.
     *
     * @param provider the space's provider
     * @param given the settings given
     * @param data the data set
     * @return the settings to use
     */
    public static Map<String, String> spaceSettingsFor(
            SearchSpaceProvider provider, Map<String, String> given, ImageDataSource data) {
        Map<String, String> settings = new LinkedHashMap<>(given);
        for (SettingSpec spec : provider.settings()) {
            if (spec.name().equals(INPUT_CHANNELS)) {
                settings.putIfAbsent(INPUT_CHANNELS, Long.toString(data.inputShape().get(0)));
            } else if (spec.name().equals(CLASSES)) {
                settings.putIfAbsent(CLASSES, Integer.toString(data.classes()));
            }
        }
        return settings;
    }

    /**
     * Opens the data set a configuration names: {@code fashion-mnist} (from {@code NAS_DATA_DIR} or
     * the Debian package's folder) or a folder of Fashion-MNIST-format IDX files.
     *
     * @param dataset the data set id or folder
     * @return the data source
     */
    public static ImageDataSource dataSource(String dataset) {
        return FashionMnistSource.forDataset(dataset);
    }

    /**
     * Checks that a configuration's space, strategy and settings exist and parse, before anything
     * is written.
     *
     * @param config the configuration
     * @param plugins the plug-ins
     * @throws IllegalArgumentException naming what is wrong
     */
    static void check(ExperimentConfig config, Plugins plugins) {
        plugins.prunerProvider(config.pruner());
        SearchSpace space = plugins.space(config.space(), config.spaceSettings());
        if (plugins.isOneShot(config.strategy())) {
            checkOneShot(config, plugins, space);
            return;
        }
        StrategyProvider strategy = plugins.strategyProvider(config.strategy());
        Settings.resolve(
                "strategy '" + config.strategy() + "'",
                strategy.settings(),
                config.strategySettings());
        evaluatorSettings(config, plugins.evaluatorProvider(config.evaluatorId()));
    }

    /**
     * Checks, on resume, that the benchmark file the experiment was created with is still there,
     * saying how to give it again if it moved.
     *
     * @param config the journaled configuration
     * @param plugins the plug-ins, with the built-in tables
     * @throws IllegalArgumentException naming the file if it is gone
     */
    static void checkBenchmarkExists(ExperimentConfig config, Plugins plugins) {
        String benchmark = config.benchmark();
        if (benchmark != null
                && !plugins.benchmarkTables().containsKey(benchmark)
                && !Files.exists(Path.of(benchmark))) {
            throw new IllegalArgumentException(
                    "the experiment's benchmark file "
                            + benchmark
                            + " does not exist; if the table moved, resume with its new place as"
                            + " the benchmark");
        }
    }

    private static Settings evaluatorSettings(ExperimentConfig config, EvaluatorProvider provider) {
        return Settings.resolve(
                "evaluator '" + provider.id() + "'",
                provider.settings(),
                config.evaluatorSettingsWithTable());
    }

    private static void checkOneShot(ExperimentConfig config, Plugins plugins, SearchSpace space) {
        String strategy = config.strategy();
        OneShotStrategyProvider provider = plugins.oneShotStrategyProvider(strategy);
        Settings settings =
                Settings.resolve(
                        "strategy '" + strategy + "'",
                        provider.settings(),
                        config.strategySettings());
        if (!(space instanceof OneShotSpace oneShotSpace)) {
            throw new IllegalArgumentException(
                    "strategy '"
                            + strategy
                            + "' trains a supernet, which space '"
                            + config.space()
                            + "' cannot build; spaces made of cells can (nas-bench-201, darts)");
        }
        if (config.benchmark() != null) {
            throw new IllegalArgumentException(
                    "strategy '"
                            + strategy
                            + "' trains a supernet on data; `benchmark` only looks up scores");
        }
        if (!config.pruner().equals(NO_PRUNER)) {
            throw new IllegalArgumentException(
                    "`pruner` is "
                            + config.pruner()
                            + "; strategy '"
                            + strategy
                            + "' runs no trials to stop, expected none");
        }
        if (config.parallel() != 1) {
            throw new IllegalArgumentException(
                    "`parallel` is "
                            + config.parallel()
                            + "; strategy '"
                            + strategy
                            + "' trains one supernet, expected 1");
        }
        // Creating the strategy checks its settings as a whole; it loads no engine.
        provider.create(
                new OneShotContext(
                        oneShotSpace,
                        settings,
                        config.seed(),
                        config.budget(),
                        String.valueOf(config.engine())));
    }

    /**
     * Opens the data set a configuration trains on and reads its training files, so that a missing
     * or corrupt data set stops the search before anything is written, with the data set's own
     * message on how to get it. The source keeps what it read for the trials.
     *
     * @param config the configuration
     * @return the data source, or empty for a tabular benchmark
     * @throws IllegalArgumentException if the data set cannot be read
     */
    static Optional<ImageDataSource> openData(ExperimentConfig config) {
        if (config.dataset() == null) {
            return Optional.empty();
        }
        return Optional.of(TrainingEvaluatorProvider.open(config.dataset()));
    }

    /**
     * What a search reads before it writes anything: the evaluator of a multi-trial search, or the
     * data set of a one-shot search.
     *
     * @param strategy the strategy, for a multi-trial search
     * @param evaluator the evaluator, for a multi-trial search
     * @param data the data set, for a one-shot search
     */
    record Inputs(
            Optional<Strategy> strategy,
            Optional<Evaluator> evaluator,
            Optional<ImageDataSource> data) {}

    /**
     * Creates the multi-trial strategy of a configuration, which checks its settings as a whole
     * (for example a tournament larger than the population).
     *
     * @param config the configuration, already {@linkplain #check checked}
     * @param plugins the plug-ins
     * @return the strategy
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    static Strategy strategy(ExperimentConfig config, Plugins plugins) {
        StrategyProvider provider = plugins.strategyProvider(config.strategy());
        return provider.create(
                new StrategyContext(
                        plugins.space(config.space(), config.spaceSettings()),
                        Settings.resolve(
                                "strategy '" + config.strategy() + "'",
                                provider.settings(),
                                config.strategySettings()),
                        TrialSeeds.strategy(config.seed()),
                        config.trials(),
                        config.budget(),
                        Optional.ofNullable(config.engine()),
                        plugins.engines()));
    }

    /**
     * Creates the strategy and evaluator (multi-trial) or opens the data set (one-shot) of a
     * configuration, so that invalid settings and missing or corrupt inputs stop the search before
     * its journal is written.
     *
     * @param config the configuration, already {@linkplain #check checked}
     * @param plugins the plug-ins
     * @param folder the experiment folder
     * @return the inputs
     * @throws IllegalArgumentException if an input cannot be read, with its reason
     */
    static Inputs inputs(ExperimentConfig config, Plugins plugins, Path folder) {
        if (plugins.isOneShot(config.strategy())) {
            return new Inputs(Optional.empty(), Optional.empty(), openData(config));
        }
        Strategy strategy = strategy(config, plugins);
        EvaluatorProvider provider = plugins.evaluatorProvider(config.evaluatorId());
        Settings settings = evaluatorSettings(config, provider);
        try {
            return new Inputs(
                    Optional.of(strategy),
                    Optional.of(
                            provider.create(
                                    new EvaluatorContext(
                                            plugins.space(config.space(), config.spaceSettings()),
                                            settings,
                                            config.seed(),
                                            Optional.ofNullable(config.engine()),
                                            folder,
                                            Optional.ofNullable(config.dataset()),
                                            plugins.benchmarkTables(),
                                            plugins.engines()))),
                    Optional.empty());
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Creates the evaluator of a multi-trial configuration, as a search does: what a worker process
     * runs its trials with.
     *
     * @param config the configuration, as journaled
     * @param plugins the plug-ins
     * @param folder the experiment folder
     * @return the evaluator
     * @throws IllegalArgumentException if the configuration is one-shot, or an input cannot be read
     */
    public static Evaluator evaluator(ExperimentConfig config, Plugins plugins, Path folder) {
        check(config, plugins);
        return inputs(config, plugins, folder)
                .evaluator()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "strategy '"
                                                + config.strategy()
                                                + "' runs no trials to evaluate"));
    }
}
