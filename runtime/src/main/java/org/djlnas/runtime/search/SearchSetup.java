package org.djlnas.runtime.search;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.EvaluatorContext;
import org.djlnas.api.eval.EvaluatorProvider;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.strategy.PriorTrial;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.StrategyProvider;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.runtime.data.FashionMnistSource;
import org.djlnas.runtime.experiment.TrialSeeds;
import org.djlnas.runtime.pruning.NoPrunerProvider;
import org.djlnas.runtime.zerocost.Prefilter;
import org.djlnas.runtime.zerocost.ProxyScorer;
import org.djlnas.runtime.zerocost.ZeroCostEvaluatorProvider;
import org.djlnas.runtime.zerocost.ZeroCostProxies;
import org.djlnas.runtime.zerocost.ZeroCostProxy;

/** Builds the parts of a search from its configuration, and checks them early. */
public final class SearchSetup {

    /** The data set id that means Fashion-MNIST from its default location. */
    public static final String FASHION_MNIST = FashionMnistSource.DEFAULT_ID;

    /** The pruner id that means no trial is stopped early. */
    public static final String NO_PRUNER = NoPrunerProvider.ID;

    private SearchSetup() {}

    /**
     * Fills in the space settings a data set determines when the space declares them and they were
     * not given: {@code input-channels}, {@code input-height} and {@code input-width} of an image,
     * {@code features} of a table, {@code vocabulary-size} and {@code sequence-length} of tokens,
     * and {@code classes}, the task's outputs (1 for a regression).
     *
     * @param provider the space's provider
     * @param given the settings given
     * @param data the data set
     * @return the settings to use
     * @throws IllegalArgumentException if the data's task or input cannot be read
     */
    public static Map<String, String> spaceSettingsFor(
            SearchSpaceProvider provider, Map<String, String> given, DataSource data) {
        Map<String, Integer> fromData = new LinkedHashMap<>();
        try {
            DataInput input = data.input();
            if (input instanceof DataInput.Image image) {
                fromData.put("input-channels", image.channels());
                fromData.put("input-height", image.height());
                fromData.put("input-width", image.width());
            } else if (input instanceof DataInput.Features features) {
                fromData.put("features", features.names().size());
            } else if (input instanceof DataInput.Tokens tokens) {
                fromData.put("vocabulary-size", tokens.vocabularySize());
                fromData.put("sequence-length", tokens.length());
            }
            fromData.put("classes", data.task().outputs());
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Map<String, String> settings = new LinkedHashMap<>(given);
        for (SettingSpec spec : provider.settings()) {
            Integer value = fromData.get(spec.name());
            if (value != null) {
                settings.putIfAbsent(spec.name(), Integer.toString(value));
            }
        }
        return settings;
    }

    /**
     * Returns a configuration with the space settings its data set determines filled in ({@link
     * #spaceSettingsFor}); a configuration without a data set is returned as it is.
     *
     * @param config the configuration
     * @param plugins the spaces
     * @param data the configuration's data set, {@linkplain #openData opened}
     * @return the configuration to journal and run
     */
    static ExperimentConfig withDataSettings(
            ExperimentConfig config, Plugins plugins, Optional<DataSource> data) {
        if (data.isEmpty()) {
            return config;
        }
        Map<String, String> settings =
                spaceSettingsFor(
                        plugins.spaceProvider(config.space()), config.spaceSettings(), data.get());
        return config.toBuilder().optSpaceSettings(settings).build();
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
            SearchGoals.checkOneShot(config);
            checkOneShot(config, plugins, space);
            MetaStarts.of(config, plugins);
            return;
        }
        SearchGoals.check(config, plugins);
        StrategyProvider strategy = plugins.strategyProvider(config.strategy());
        checkWarmStart(config, plugins, strategy);
        Settings.resolve(
                "strategy '" + config.strategy() + "'",
                strategy.settings(),
                config.strategySettings());
        evaluatorSettings(config, plugins.evaluatorProvider(config.evaluatorId()));
    }

    /**
     * Checks that the networks of a configuration's space fit its data set ({@link SpaceFitCheck}),
     * so that a space that cannot take the data's examples, or gives another number of outputs than
     * the data's classes, stops the search before any trial. A configuration without a data set (a
     * tabular benchmark) has nothing to check.
     *
     * @param config the configuration, already {@linkplain #check checked}
     * @param plugins the spaces
     * @param data the configuration's data set, {@linkplain #openData opened}
     * @throws IllegalArgumentException naming the space, the data set and what does not fit
     */
    static void checkFit(ExperimentConfig config, Plugins plugins, Optional<DataSource> data) {
        data.ifPresent(
                source ->
                        SpaceFitCheck.check(
                                plugins.space(config.space(), config.spaceSettings()), source));
    }

    /** Refuses earlier experiments for a strategy that cannot start from them. */
    private static void checkWarmStart(
            ExperimentConfig config, Plugins plugins, StrategyProvider strategy) {
        if (config.warmStart().isEmpty() || strategy.warmStarts()) {
            return;
        }
        List<String> able =
                plugins.strategies().values().stream()
                        .filter(StrategyProvider::warmStarts)
                        .map(StrategyProvider::id)
                        .sorted()
                        .toList();
        throw new IllegalArgumentException(
                "`warmStart` is given; strategy '"
                        + config.strategy()
                        + "' cannot start from earlier experiments (strategies that can: "
                        + String.join(", ", able)
                        + ")");
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
        if (config.prefilter() != null) {
            throw new IllegalArgumentException(
                    "`prefilter` is "
                            + config.prefilter()
                            + "; strategy '"
                            + strategy
                            + "' trains one supernet and proposes no candidates to filter");
        }
        if (config.parallel() != 1) {
            throw new IllegalArgumentException(
                    "`parallel` is "
                            + config.parallel()
                            + "; strategy '"
                            + strategy
                            + "' trains one supernet, expected 1");
        }
        // Creating the strategy checks its settings as a whole, and reading the mixed operations'
        // form and the image batches' format checks nas.mixing-form and nas.image-memory-format;
        // none of it loads an engine.
        String engine = String.valueOf(config.engine());
        provider.create(
                new OneShotContext(
                        oneShotSpace,
                        settings,
                        config.seed(),
                        config.budget(),
                        engine,
                        plugins.engines().mixingForm(engine),
                        Optional.empty(),
                        plugins.engines().imageMemoryFormat(engine)));
    }

    /**
     * Opens the data set a configuration trains on through the registry and reads it (its size,
     * task and input), so that a missing or corrupt data set stops the search before anything is
     * written, with the data set's own message. The source keeps what it read for the trials.
     *
     * @param config the configuration
     * @param plugins the data-source plug-ins
     * @return the data source, or empty for a tabular benchmark
     * @throws IllegalArgumentException if the data set cannot be opened or read
     */
    static Optional<DataSource> openData(ExperimentConfig config, Plugins plugins) {
        if (config.dataset() == null) {
            return Optional.empty();
        }
        return Optional.of(read(plugins.dataSource(config.dataset(), config.dataOptions())));
    }

    /**
     * Reads a data set's training examples, task and input, so that a missing or corrupt data set
     * fails now, with its own message.
     *
     * @param data the data set, opened
     * @return the same data set
     * @throws IllegalArgumentException if the data set cannot be read
     */
    public static DataSource read(DataSource data) {
        try {
            data.trainingSetSize();
            data.task();
            data.input();
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return data;
    }

    /**
     * What a search reads before it writes anything: the evaluator of a multi-trial search, or the
     * data set of a one-shot search.
     *
     * @param strategy the strategy, for a multi-trial search
     * @param evaluator the evaluator, for a multi-trial search
     * @param data the data set, for a one-shot search
     * @param priors the trials of earlier experiments the strategy starts from, to journal
     */
    record Inputs(
            Optional<Strategy> strategy,
            Optional<Evaluator> evaluator,
            Optional<DataSource> data,
            List<PriorTrial> priors) {}

    /**
     * Creates the multi-trial strategy of a configuration, which checks its settings as a whole
     * (for example a tournament larger than the population).
     *
     * @param config the configuration, already {@linkplain #check checked}
     * @param plugins the plug-ins
     * @param priors the trials of earlier experiments it starts from ({@link WarmStart})
     * @return the strategy
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    static Strategy strategy(ExperimentConfig config, Plugins plugins, List<PriorTrial> priors) {
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
                        plugins.engines(),
                        priors));
    }

    /**
     * Creates the strategy and evaluator (multi-trial) or opens the data set (one-shot) of a
     * configuration, so that invalid settings and missing or corrupt inputs stop the search before
     * its journal is written. The evaluator keeps the configuration's constraints ({@link
     * org.djlnas.runtime.experiment.ConstrainedEvaluator}), after its objectives and constraints
     * were checked against the metrics it reports.
     *
     * @param config the configuration, already {@linkplain #check checked}
     * @param plugins the plug-ins
     * @param folder the experiment folder
     * @param data the configuration's data set, {@linkplain #openData opened}
     * @param priors the trials of earlier experiments the strategy starts from: read by {@link
     *     WarmStart} for a new search, from the journal for a resumed one
     * @return the inputs
     * @throws IllegalArgumentException if an input cannot be read, with its reason
     */
    static Inputs inputs(
            ExperimentConfig config,
            Plugins plugins,
            Path folder,
            Optional<DataSource> data,
            List<PriorTrial> priors) {
        if (plugins.isOneShot(config.strategy())) {
            return new Inputs(Optional.empty(), Optional.empty(), data, List.of());
        }
        Strategy strategy = prefiltered(strategy(config, plugins, priors), config, plugins, data);
        return new Inputs(
                Optional.of(strategy),
                Optional.of(constrainedEvaluator(config, plugins, folder, data)),
                Optional.empty(),
                priors);
    }

    /**
     * Reads the trials of the earlier experiments a new search starts from.
     *
     * @param config the configuration, already {@linkplain #check checked}
     * @param plugins the plug-ins
     * @return the trials, best first; empty when the configuration names no experiment
     * @throws IllegalArgumentException naming an experiment that cannot be started from
     */
    static List<PriorTrial> priors(ExperimentConfig config, Plugins plugins) {
        // a one-shot search's warmStart is a meta-trained supernet (MetaStarts), not trials
        if (config.warmStart().isEmpty() || plugins.isOneShot(config.strategy())) {
            return List.of();
        }
        return WarmStart.read(
                config.warmStart(), plugins.space(config.space(), config.spaceSettings()));
    }

    /**
     * Creates the evaluator of a multi-trial configuration, checks its objectives and constraints
     * against the metrics it reports, and wraps it to keep the constraints.
     */
    private static Evaluator constrainedEvaluator(
            ExperimentConfig config, Plugins plugins, Path folder, Optional<DataSource> data) {
        EvaluatorProvider provider = plugins.evaluatorProvider(config.evaluatorId());
        Settings settings = evaluatorSettings(config, provider);
        Evaluator evaluator;
        try {
            evaluator =
                    provider.create(
                            new EvaluatorContext(
                                    plugins.space(config.space(), config.spaceSettings()),
                                    settings,
                                    config.seed(),
                                    Optional.ofNullable(config.engine()),
                                    folder,
                                    data,
                                    plugins.benchmarkTables(),
                                    plugins.engines(),
                                    plugins::space));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        SearchGoals.check(config, evaluator);
        return SearchGoals.constrained(config, evaluator);
    }

    /**
     * Wraps a strategy in the configuration's {@link Prefilter}, if it names one: the proxy scores
     * candidates on the data set's input, on the experiment's engine.
     */
    private static Strategy prefiltered(
            Strategy strategy,
            ExperimentConfig config,
            Plugins plugins,
            Optional<DataSource> data) {
        String proxyId = config.prefilter();
        if (proxyId == null) {
            return strategy;
        }
        ZeroCostProxy proxy = ZeroCostProxies.require("`prefilter`", proxyId);
        if (data.isEmpty()) {
            throw new IllegalArgumentException(
                    "`prefilter` '"
                            + proxyId
                            + "' scores candidates on the data set's input; give `dataset`");
        }
        String engine =
                plugins.engines()
                        .select(Optional.ofNullable(config.engine()), EngineCapability.TRAIN)
                        .getEngineName();
        try {
            ProxyScorer scorer =
                    new ProxyScorer(
                            plugins.space(config.space(), config.spaceSettings()),
                            proxy,
                            engine,
                            plugins.engines(),
                            data.get().inputShape(),
                            data,
                            DataSplit.of(config.seed()),
                            ZeroCostEvaluatorProvider.DEFAULT_BATCH_SIZE);
            int maxTrainExamples = config.maxTrainExamples();
            return new Prefilter(
                    strategy,
                    (architecture, seed) -> scorer.score(architecture, seed, maxTrainExamples),
                    requireNonNull(config.prefilterCandidates(), "prefilterCandidates is null"),
                    TrialSeeds.prefilter(config.seed()));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Creates the evaluator of a multi-trial configuration, as a search does (keeping its
     * constraints): what a worker process or a Spark executor runs its trials with.
     *
     * @param config the configuration, as journaled
     * @param plugins the plug-ins
     * @param folder the experiment folder
     * @return the evaluator
     * @throws IllegalArgumentException if the configuration is one-shot, or an input cannot be read
     */
    public static Evaluator evaluator(ExperimentConfig config, Plugins plugins, Path folder) {
        check(config, plugins);
        if (plugins.isOneShot(config.strategy())) {
            throw new IllegalArgumentException(
                    "strategy '" + config.strategy() + "' runs no trials to evaluate");
        }
        // Not through inputs(): a worker evaluates trials and never asks the strategy.
        return constrainedEvaluator(config, plugins, folder, openData(config, plugins));
    }
}
