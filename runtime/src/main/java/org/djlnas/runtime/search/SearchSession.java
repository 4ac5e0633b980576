package org.djlnas.runtime.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.Objective;
import org.djlnas.api.exec.TrialExecutor;
import org.djlnas.api.oneshot.EpochListener;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotResult;
import org.djlnas.api.oneshot.OneShotStrategy;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.BenchmarkStringCodec;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.store.StoreException;
import org.djlnas.api.strategy.PriorTrial;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.runtime.experiment.ConstrainedEvaluator;
import org.djlnas.runtime.experiment.Experiment;
import org.djlnas.runtime.experiment.ExperimentListener;
import org.djlnas.runtime.experiment.ExperimentResult;
import org.djlnas.runtime.experiment.LocalTrialExecutor;
import org.djlnas.runtime.experiment.TrialSeeds;
import org.djlnas.runtime.store.ExperimentLock;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.djlnas.runtime.workers.ProcessTrialExecutor;

/**
 * One search in an experiment folder, new or resumed: builds the space, strategy and evaluator from
 * the experiment's configuration, runs the experiment, and writes {@code best.json}.
 *
 * <p>The folder holds {@code experiment.db} (the journal), {@code best.json} (the best architecture
 * on the primary objective, its metrics and how it was found, and with several objectives the
 * Pareto front of the trials) and, when training, {@code trials/NNNN/} (each trial's trained
 * parameters), and {@code experiment.lock} (see {@link ExperimentLock}), held while a session is
 * open; a one-shot search keeps its last epoch's checkpoint in {@code checkpoints/} and journals
 * every epoch.
 *
 * <p>Long because it is the one entry point of a search's life cycle (create, resume with its
 * checks, run multi-trial or one-shot, write the results); what each step needs is built by {@code
 * SearchSetup}, {@code WarmStart} and the experiment loop.
 */
public final class SearchSession implements AutoCloseable {

    /** The folder of a one-shot search's checkpoints. */
    public static final String CHECKPOINTS = "checkpoints";

    /** The file the best trial is written to. */
    public static final String BEST_FILE = "best.json";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;
    private final ExperimentConfig config;
    private final SqliteExperimentStore store;
    private final Plugins plugins;
    private final SearchSetup.Inputs inputs;
    private final ExperimentLock lock;

    private SearchSession(
            Path folder,
            ExperimentConfig config,
            SqliteExperimentStore store,
            Plugins plugins,
            SearchSetup.Inputs inputs,
            ExperimentLock lock) {
        this.folder = folder;
        this.config = config;
        this.store = store;
        this.plugins = plugins;
        this.inputs = inputs;
        this.lock = lock;
    }

    /**
     * Creates a new experiment in a folder that holds none. Everything is checked (space, strategy,
     * evaluator and their settings) before the folder is touched; the folder is locked while the
     * session is open, and if the experiment cannot be created after all, what was made is removed.
     *
     * @param folder the experiment folder (created if needed)
     * @param config the experiment's configuration
     * @param plugins the spaces and strategies to build it from
     * @return the session
     * @throws IllegalArgumentException if the configuration names unknown or invalid parts, or the
     *     folder is a file
     * @throws StoreException if the folder already holds an experiment, is in use by another
     *     process, or cannot be written
     */
    public static SearchSession create(Path folder, ExperimentConfig config, Plugins plugins) {
        Optional<DataSource> data = SearchSetup.openData(config, plugins);
        ExperimentConfig full = SearchSetup.withDataSettings(config, plugins, data);
        SearchSetup.check(full, plugins);
        SearchSetup.checkFit(full, plugins, data);
        checkExecutor(full, plugins);
        SearchSetup.Inputs inputs =
                SearchSetup.inputs(full, plugins, folder, data, SearchSetup.priors(full, plugins));
        return start(
                ExperimentFolder.claim(folder),
                full,
                plugins,
                Optional.of(inputs),
                data,
                inputs.priors());
    }

    /**
     * Creates a new experiment in a new folder: {@code folder}, or {@code folder-2}, {@code
     * folder-3}, … when that exists, so that searches started at the same moment never share one.
     *
     * @param folder the preferred experiment folder
     * @param config the experiment's configuration
     * @param plugins the spaces and strategies to build it from
     * @return the session, whose {@link #folder()} is the folder chosen
     * @throws IllegalArgumentException if the configuration names unknown or invalid parts
     * @throws StoreException if no folder can be created
     */
    public static SearchSession createNew(Path folder, ExperimentConfig config, Plugins plugins) {
        Optional<DataSource> data = SearchSetup.openData(config, plugins);
        ExperimentConfig full = SearchSetup.withDataSettings(config, plugins, data);
        SearchSetup.check(full, plugins);
        SearchSetup.checkFit(full, plugins, data);
        checkExecutor(full, plugins);
        // The earlier experiments' journals are read once, here, before the folder is claimed.
        List<PriorTrial> priors = SearchSetup.priors(full, plugins);
        if (!plugins.isOneShot(full.strategy())) {
            // checks the settings as a whole and the earlier experiments, writes nothing
            SearchSetup.strategy(full, plugins, priors);
        }
        return start(
                ExperimentFolder.claimNew(folder), full, plugins, Optional.empty(), data, priors);
    }

    /**
     * Creates the journal in a claimed folder; on failure, removes what was made. The inputs are
     * built from {@code priors} unless {@code ready} holds them.
     */
    private static SearchSession start(
            ExperimentFolder claimed,
            ExperimentConfig config,
            Plugins plugins,
            Optional<SearchSetup.Inputs> ready,
            Optional<DataSource> data,
            List<PriorTrial> priors) {
        SqliteExperimentStore store = null;
        boolean journalCreated = false;
        try {
            SearchSetup.Inputs inputs =
                    ready.isPresent()
                            ? ready.get()
                            : SearchSetup.inputs(config, plugins, claimed.path(), data, priors);
            store =
                    SqliteExperimentStore.create(
                            claimed.path(),
                            config.toJson(),
                            Map.of(
                                    JournaledInputs.META_KEY,
                                    JournaledInputs.of(inputs.evaluator()).toJson(),
                                    SearchObjective.META_KEY,
                                    SearchObjective.of(inputs, config).toJson(),
                                    WarmStart.META_KEY,
                                    WarmStart.toJson(inputs.priors())));
            journalCreated = true;
            return new SearchSession(
                    claimed.path(), config, store, plugins, inputs, claimed.lock());
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            claimed.abandon(journalCreated);
            throw e;
        }
    }

    /**
     * Opens an existing experiment to continue it, locking its folder while the session is open,
     * and checking that its tabular benchmark holds what it held when the experiment began (its
     * SHA-256 is journaled). A table that moved can be given at its new place, or by the id of a
     * built-in table with the same content; the journal then records the new place.
     *
     * @param folder the experiment folder
     * @param trials a new number of trials, if the experiment should run longer
     * @param benchmark the experiment's benchmark table at a new place (a file or a built-in
     *     table's id), if it moved
     * @param plugins the spaces and strategies to build it from
     * @return the session
     * @throws StoreException if the folder holds no readable experiment, or another process is
     *     running it
     * @throws IllegalArgumentException if the table is missing or its content changed
     */
    public static SearchSession resume(
            Path folder, OptionalInt trials, Optional<String> benchmark, Plugins plugins) {
        return resume(folder, trials, benchmark, UnaryOperator.identity(), plugins);
    }

    /**
     * Opens an existing experiment to continue it, as {@link #resume(Path, OptionalInt, Optional,
     * Plugins)} does, running its trials another way: {@code execution} may change how trials run
     * (the fields {@code executor}, {@code maxRetries}, {@code workerJvmOptions}), nothing that
     * defines the experiment.
     *
     * @param folder the experiment folder
     * @param trials a new number of trials, if the experiment should run longer
     * @param benchmark the experiment's benchmark table at a new place, if it moved
     * @param execution changes the journaled configuration's execution fields
     * @param plugins the spaces and strategies to build it from
     * @return the session
     * @throws StoreException if the folder holds no readable experiment, or another process is
     *     running it
     * @throws IllegalArgumentException if the table is missing or changed, or {@code execution}
     *     changed a field that defines the experiment
     */
    public static SearchSession resume(
            Path folder,
            OptionalInt trials,
            Optional<String> benchmark,
            UnaryOperator<ExperimentConfig> execution,
            Plugins plugins) {
        if (!Files.isRegularFile(folder.resolve(SqliteExperimentStore.FILE_NAME))) {
            SqliteExperimentStore.open(folder).close(); // throws, naming what is missing
        }
        ExperimentLock lock = ExperimentLock.acquire(folder);
        SqliteExperimentStore store = null;
        try {
            store = SqliteExperimentStore.open(folder);
            ExperimentConfig journaled = readConfig(folder, store);
            ExperimentConfig base = benchmark.map(journaled::withBenchmark).orElse(journaled);
            ExperimentConfig config =
                    execution.apply(trials.isPresent() ? base.withTrials(trials.getAsInt()) : base);
            checkSameDefinition(journaled, config);
            SearchSetup.check(config, plugins);
            checkExecutor(config, plugins);
            if (benchmark.isEmpty()) {
                SearchSetup.checkBenchmarkExists(config, plugins);
            }
            Optional<DataSource> data = SearchSetup.openData(config, plugins);
            SearchSetup.checkFit(config, plugins, data);
            SearchSetup.Inputs inputs =
                    SearchSetup.inputs(
                            config,
                            plugins,
                            folder,
                            data,
                            // a one-shot search's warmStart is a meta-trained supernet, no trials
                            plugins.isOneShot(config.strategy())
                                    ? List.of()
                                    : journaledPriors(store, config));
            JournaledInputs now = JournaledInputs.of(inputs.evaluator());
            Optional<JournaledInputs> then =
                    store.readMeta(JournaledInputs.META_KEY).map(JournaledInputs::fromJson);
            then.ifPresent(recorded -> recorded.checkUnchanged(now));
            if (then.isEmpty()
                    || benchmark.isPresent()
                    || store.readMeta(SearchObjective.META_KEY).isEmpty()) {
                store.writeConfig(
                        base.toJson(),
                        Map.of(
                                JournaledInputs.META_KEY,
                                now.toJson(),
                                SearchObjective.META_KEY,
                                SearchObjective.of(inputs, config).toJson()));
            }
            return new SearchSession(folder, config, store, plugins, inputs, lock);
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            lock.close();
            throw e;
        }
    }

    /**
     * Reads the trials of earlier experiments the search started from, as journaled when it was
     * created.
     */
    private static List<PriorTrial> journaledPriors(
            SqliteExperimentStore store, ExperimentConfig config) {
        Optional<String> journaled = store.readMeta(WarmStart.META_KEY);
        if (journaled.isEmpty() && !config.warmStart().isEmpty()) {
            throw new IllegalArgumentException(
                    "the experiment started from earlier experiments "
                            + config.warmStart()
                            + ", but its journal does not hold their trials; the journal is"
                            + " damaged");
        }
        return journaled.map(WarmStart::fromJson).orElse(List.of());
    }

    /** Refuses a change to a field that defines the experiment. */
    private static void checkSameDefinition(ExperimentConfig journaled, ExperimentConfig config) {
        for (RecordComponent field : ExperimentConfig.class.getRecordComponents()) {
            if (ExperimentConfig.RESUMABLE.contains(field.getName())) {
                continue;
            }
            try {
                if (!Objects.equals(
                        field.getAccessor().invoke(journaled),
                        field.getAccessor().invoke(config))) {
                    throw new IllegalArgumentException(
                            "`"
                                    + field.getName()
                                    + "` cannot change when an experiment is resumed; it defines"
                                    + " the experiment");
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + field.getName(), e);
            }
        }
    }

    /**
     * Checks the executor of a configuration before anything is written: a one-shot search runs in
     * one process, and worker processes must start with the experiment's JVM options.
     */
    private static void checkExecutor(ExperimentConfig config, Plugins plugins) {
        if (config.executor().equals(ExperimentConfig.THREADS)) {
            return;
        }
        if (plugins.isOneShot(config.strategy())) {
            throw new IllegalArgumentException(
                    "`executor` is "
                            + config.executor()
                            + "; strategy '"
                            + config.strategy()
                            + "' trains one supernet in one process, expected threads");
        }
        if (config.executor().equals(ExperimentConfig.SPARK)) {
            SparkExecutorLookup.check(config);
            return;
        }
        ProcessTrialExecutor.checkJvmOptions(config.workerJvmOptions());
    }

    private static ExperimentConfig readConfig(Path folder, SqliteExperimentStore store) {
        String json =
                store.readConfig()
                        .orElseThrow(
                                () ->
                                        new StoreException(
                                                folder
                                                        + " holds an experiment killed before it"
                                                        + " began (no configuration); start it"
                                                        + " again without `resume`"));
        try {
            return ExperimentConfig.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new StoreException(store.file() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the experiment's configuration.
     *
     * @return the configuration
     */
    public ExperimentConfig config() {
        return config;
    }

    /**
     * Returns the experiment folder.
     *
     * @return the folder
     */
    public Path folder() {
        return folder;
    }

    /**
     * Returns what the search optimises: the metric and its direction.
     *
     * @return the objective
     */
    public SearchObjective objective() {
        return SearchObjective.of(inputs, config);
    }

    /**
     * Runs the search to its end and writes {@code best.json}.
     *
     * @param listeners progress listeners
     * @return the report
     * @throws InterruptedException if interrupted while trials run
     * @throws IOException if data or results cannot be read or written
     */
    public SearchReport run(List<ExperimentListener> listeners)
            throws InterruptedException, IOException {
        SearchSpace space = plugins.space(config.space(), config.spaceSettings());
        Strategy strategy =
                inputs.strategy()
                        .orElseThrow(() -> new IllegalStateException("no strategy was created"));
        Evaluator evaluator =
                inputs.evaluator()
                        .orElseThrow(() -> new IllegalStateException("no evaluator was created"));
        List<Objective> objectives = SearchGoals.objectives(config, evaluator);
        ExperimentResult result;
        try (TrialExecutor executor = executor()) {
            Experiment.Builder builder =
                    Experiment.builder()
                            .setStrategy(strategy)
                            .setEvaluator(evaluator)
                            .setObjectives(objectives)
                            .setExecutor(executor)
                            .setStore(store)
                            .setMaxTrials(config.trials())
                            .setSeed(config.seed())
                            .setPruner(plugins.prunerProvider(config.pruner()).create());
            listeners.forEach(builder::addListener);
            result = builder.build().run();
        }
        Optional<BestTrialReport> best = Optional.empty();
        List<TrialRecord> front =
                objectives.size() > 1 ? TrialFront.of(result.trials(), objectives) : List.of();
        if (result.best().isPresent()) {
            OptionalDouble test = evaluator.testObjective(result.best().get());
            best =
                    Optional.of(
                            new BestTrialReport(result.best().get(), evaluator.objective(), test));
            writeBest(best.get(), objectives, front, space);
        }
        return new SearchReport(folder, config, result, best, front);
    }

    private TrialExecutor executor() {
        if (config.executor().equals(ExperimentConfig.SPARK)) {
            return SparkExecutorLookup.create(config, folder);
        }
        if (config.executor().equals(ExperimentConfig.PROCESSES)) {
            return new ProcessTrialExecutor(
                    config.parallel(),
                    config.maxRetries(),
                    config.workerJvmOptions(),
                    folder,
                    config.toJson());
        }
        return new LocalTrialExecutor(config.parallel());
    }

    private Settings strategySettings(List<SettingSpec> specs) {
        return Settings.resolve(
                "strategy '" + config.strategy() + "'", specs, config.strategySettings());
    }

    /**
     * Tells whether the experiment's strategy is one-shot, to be run with {@link #runOneShot}.
     *
     * @return true for a one-shot strategy
     */
    public boolean isOneShot() {
        return plugins.isOneShot(config.strategy());
    }

    /**
     * Runs a one-shot search to its end, continuing from its last checkpoint if it has one, and
     * writes {@code best.json} with the derived architecture. Every epoch is journaled (its
     * architecture, mixing weights and metrics) before the listener hears of it.
     *
     * @param listener hears of each newly finished epoch
     * @return the report
     * @throws IOException if data, checkpoints or results cannot be read or written
     */
    public OneShotReport runOneShot(EpochListener listener) throws IOException {
        OneShotSpace space = (OneShotSpace) plugins.space(config.space(), config.spaceSettings());
        OneShotStrategyProvider provider = plugins.oneShotStrategyProvider(config.strategy());
        OneShotStrategy strategy =
                provider.create(
                        new OneShotContext(
                                space,
                                strategySettings(provider.settings()),
                                TrialSeeds.strategy(config.seed()),
                                config.budget(),
                                String.valueOf(config.engine()),
                                plugins.engines().mixingForm(String.valueOf(config.engine())),
                                MetaStarts.of(config, plugins),
                                plugins.engines()
                                        .imageMemoryFormat(String.valueOf(config.engine()))));
        BilevelHalves halves =
                BilevelHalves.of(
                        inputs.data()
                                .orElseThrow(
                                        () -> new IllegalStateException("no data set was opened")),
                        DataSplit.of(config.seed()),
                        config.maxTrainExamples(),
                        config.seed());
        long start = System.nanoTime();
        OneShotResult result =
                strategy.search(
                        halves,
                        folder.resolve(CHECKPOINTS),
                        store.epochs(),
                        record -> {
                            store.recordEpoch(record);
                            listener.onEpoch(record);
                        });
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        writeOneShotBest(result, space);
        return new OneShotReport(folder, config, result, wall);
    }

    private void writeOneShotBest(OneShotResult result, SearchSpace space) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.set("architecture", JSON.readTree(result.architecture().toJson()));
        root.put("id", result.architecture().id());
        if (space instanceof BenchmarkStringCodec codec) {
            root.put("benchmarkString", codec.toBenchmarkString(result.architecture()));
        }
        EpochRecord last = result.history().get(result.history().size() - 1);
        root.put("epochs", last.epoch());
        result.stopReason().ifPresent(reason -> root.put("stoppedBy", reason));
        root.set("metrics", JSON.valueToTree(last.metrics()));
        root.set("foundBy", JSON.readTree(config.toJson()));
        writeAtomically(root);
    }

    /**
     * Writes the best trial on the primary objective and, with several objectives, the Pareto
     * front: {@code objectives} and {@code front}, one entry per trial on it, as the best is
     * written.
     */
    private void writeBest(
            BestTrialReport best,
            List<Objective> objectives,
            List<TrialRecord> front,
            SearchSpace space)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        describe(root, best.trial(), best.metrics(), space);
        if (objectives.size() > 1) {
            ArrayNode names = root.putArray("objectives");
            objectives.forEach(objective -> names.add(objective.toString()));
            ArrayNode members = root.putArray("front");
            for (TrialRecord trial : front) {
                describe(members.addObject(), trial, trial.metrics(), space);
            }
        }
        root.set("foundBy", JSON.readTree(config.toJson()));
        writeAtomically(root);
    }

    private static void describe(
            ObjectNode node, TrialRecord trial, Map<String, Double> metrics, SearchSpace space)
            throws IOException {
        node.set("architecture", JSON.readTree(trial.spec().architecture().toJson()));
        node.put("id", trial.spec().architecture().id());
        if (space instanceof BenchmarkStringCodec codec) {
            node.put("benchmarkString", codec.toBenchmarkString(trial.spec().architecture()));
        }
        node.put("trial", trial.number());
        node.put("seed", trial.spec().seed());
        node.set("metrics", JSON.valueToTree(metrics));
    }

    private void writeAtomically(ObjectNode root) throws IOException {
        Path temporary = folder.resolve(BEST_FILE + ".tmp");
        JSON.writeValue(temporary.toFile(), root);
        Files.move(
                temporary,
                folder.resolve(BEST_FILE),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        try {
            closeEvaluator();
        } finally {
            try {
                store.close();
            } finally {
                lock.close();
            }
        }
    }

    /**
     * Closes what the evaluator holds open for the search's trials (a distillation teacher), if it
     * holds anything.
     */
    private void closeEvaluator() {
        Optional<Evaluator> evaluator = inputs.evaluator().map(ConstrainedEvaluator::unwrap);
        if (evaluator.isPresent() && evaluator.get() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the evaluator: " + e.getMessage(), e);
            }
        }
    }
}
