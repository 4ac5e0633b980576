package org.djlnas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.oneshot.OneShotResult;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.experiment.ExperimentListener;
import org.djlnas.runtime.report.HtmlReport;
import org.djlnas.runtime.report.ReportRefresher;
import org.djlnas.runtime.search.BaselineComparison;
import org.djlnas.runtime.search.BestTrialReport;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.OneShotReport;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.SearchReport;
import org.djlnas.runtime.search.SearchSession;
import org.djlnas.runtime.search.SearchSetup;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code nas search}: runs (or resumes) a multi-trial or one-shot search.
 *
 * <p>Long because of its options and their help texts; the work is done by {@code SearchSession}.
 */
@Command(
        name = "search",
        description = {
            "Search a space with a strategy, training each trial on a data set (default"
                    + " fashion-mnist) or looking it up in a tabular benchmark (--benchmark).",
            "Every trial is journaled in DIR/experiment.db; a killed search continues with"
                    + " --resume --out DIR."
        })
final class SearchCommand implements Callable<Integer> {

    /** Options that define an experiment, so they cannot change on --resume. */
    static final List<String> DEFINING =
            ExperimentConfig.definingFields().stream()
                    .flatMap(field -> FlagNames.of(field).stream())
                    .toList();

    @Spec private CommandSpec spec;

    @Mixin private SpaceOptions space = new SpaceOptions();

    @Option(
            names = "--strategy",
            paramLabel = "ID",
            description =
                    "The strategy (random, grid, regularized-evolution, ...; see 'nas"
                            + " strategies'); default random.")
    private String strategy = "";

    @Option(
            names = "--strategy-opt",
            paramLabel = "KEY=VALUE",
            description = "A setting of the strategy; repeatable; wins over --strategy-settings.")
    private Map<String, String> strategySettings = new LinkedHashMap<>();

    @Option(
            names = "--strategy-settings",
            paramLabel = "FILE",
            description =
                    "Strategy settings from a JSON (.json) or YAML (.yaml, .yml) object of name →"
                            + " value.")
    private @Nullable Path strategySettingsFile;

    @Option(
            names = "--dataset",
            paramLabel = "KIND[:LOCATION]",
            description =
                    "Train on this data set: fashion-mnist, fashion-mnist:DIR, image-folder:DIR,"
                            + " csv:FILE, text:FILE, text-folder:DIR (default: fashion-mnist).")
    private @Nullable String dataset;

    @Option(
            names = "--data-opt",
            paramLabel = "KEY=VALUE",
            description =
                    "An option of the data set's kind (for example target=price; see 'nas"
                            + " datasets'); repeatable.")
    private Map<String, String> dataOptions = new LinkedHashMap<>();

    @Option(
            names = "--benchmark",
            paramLabel = "ID|CSV",
            description =
                    "Score by lookup in a tabular benchmark instead of training: a built-in table"
                            + " (nas benchmarks) or a CSV file (architecture string, score). On"
                            + " --resume, the experiment's table at a new place.")
    private @Nullable String benchmark;

    @Option(
            names = "--trials",
            paramLabel = "N",
            description = "Trials to run (default 20; on --resume, a new total).")
    private @Nullable Integer trials;

    @Option(
            names = "--epochs",
            paramLabel = "E",
            description = "Epochs per trial; fractions allowed (default 1).")
    private double epochs = 1;

    @Option(
            names = "--max-train-examples",
            paramLabel = "N",
            description = "Train on at most N examples per trial (default: all).")
    private int maxTrainExamples;

    @Option(
            names = "--evaluator",
            paramLabel = "ID",
            description =
                    "What scores trials (default: training, or benchmark with --benchmark);"
                            + " plug-ins add their own.")
    private @Nullable String evaluator;

    @Option(
            names = "--evaluator-opt",
            paramLabel = "KEY=VALUE",
            description =
                    "A setting of the evaluator (for training: learning-rate, batch-size, ...).")
    private Map<String, String> evaluatorSettings = new LinkedHashMap<>();

    @Option(
            names = "--pruner",
            paramLabel = "ID",
            description =
                    "Stop unpromising trials early after an epoch: none (default) or median (the"
                            + " median stopping rule).")
    private String pruner = SearchSetup.NO_PRUNER;

    @Option(
            names = "--objective",
            paramLabel = "METRIC:max|min",
            description =
                    "What the search optimises, a metric the evaluator reports (accuracy, params,"
                            + " flops, latency-ms, ...); repeatable, the first one primary. Several"
                            + " give a Pareto front (strategies random, grid, nsga2). Default: the"
                            + " evaluator's objective. See docs/objectives.md.")
    private List<String> objectives = new ArrayList<>();

    @Option(
            names = "--constraint",
            paramLabel = "METRIC<=LIMIT",
            description =
                    "A bound every feasible trial keeps (METRIC<=LIMIT or METRIC>=LIMIT, e.g."
                            + " params<=200000); repeatable. A trial that breaks one is journaled"
                            + " infeasible, and never trained if the metric needs no training.")
    private List<String> constraints = new ArrayList<>();

    @Option(
            names = "--prefilter",
            paramLabel = "PROXY",
            description =
                    "Score candidates by a zero-cost proxy (synflow, snip, grad-norm, jacov,"
                            + " naswot, params, flops) and train only the best of each"
                            + " --prefilter-candidates.")
    private String prefilter;

    @Option(
            names = "--prefilter-candidates",
            paramLabel = "K",
            description = "Candidates the prefilter scores for each trained one (default 10).")
    private Integer prefilterCandidates;

    @Option(
            names = "--warm-start",
            paramLabel = "DIR",
            arity = "1..*",
            description =
                    "Start from earlier experiments, usually on other data: their best trials"
                            + " (ranked within each experiment) seed the first population"
                            + " (regularized-evolution, nsga2) or initial design (gp-bo). See"
                            + " docs/warm-start.md.")
    private List<String> warmStart = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "P", description = "Trials run at once (default 1).")
    private int parallel = 1;

    @Option(
            names = "--executor",
            paramLabel = "threads|processes|spark",
            description =
                    "How trials run: threads of this JVM, or worker processes (one JVM each, with"
                            + " a share of the cores; default with training and --parallel above"
                            + " 1), or Spark tasks (needs the djl-nas-spark jars, docs/spark.md)."
                            + " May change on --resume.")
    private @Nullable String executor;

    @Option(
            names = "--spark-master",
            paramLabel = "URL",
            description =
                    "The Spark master for --executor spark: spark://HOST:PORT, yarn, k8s://URL,"
                            + " local[N] (default: spark.master, else local).")
    private @Nullable String sparkMaster;

    @Option(
            names = "--max-retries",
            paramLabel = "N",
            description =
                    "Times a trial whose worker process died runs again before it fails (default"
                            + " 1).")
    private @Nullable Integer maxRetries;

    @Option(
            names = "--worker-jvm-opt",
            paramLabel = "OPTION",
            description = "A JVM option of each worker process (e.g. -Xmx4g); repeatable.")
    private List<String> workerJvmOptions = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "S", description = "The experiment's seed (default 0).")
    private long seed;

    @Option(names = "--engine", paramLabel = "NAME", description = "The DJL engine to train on.")
    private @Nullable String engine;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "The experiment folder (default: experiments/<space>-<strategy>-<time>).")
    private @Nullable Path out;

    @Option(names = "--resume", description = "Continue the experiment in --out DIR.")
    private boolean resume;

    /** The experiment folder, once the search has one. */
    private @Nullable Path folder;

    @Option(
            names = "--json",
            description =
                    "Print one JSON object with the result on stdout (with --retrain-epochs, a"
                            + " second one with the retrained networks).")
    private boolean json;

    @Option(
            names = "--report",
            description =
                    "Keep DIR/report.html (see 'nas report') up to date while the search runs;"
                            + " refresh the browser to follow it.")
    private boolean report;

    @Option(
            names = "--retrain-epochs",
            paramLabel = "E",
            description =
                    "After the search, train the best architecture from scratch for E epochs on"
                            + " the whole training split and test it (default 0: do not).")
    private double retrainEpochs;

    @Option(
            names = "--baseline",
            paramLabel = "SPACE",
            description =
                    "With --retrain-epochs: train this fixed network (small-cnn, linear,"
                            + " bag-of-words) the same way and show both on the test set.")
    private @Nullable String baseline;

    @Override
    public Integer call() throws Exception {
        Plugins plugins = Main.plugins(spec);
        PrintWriter err = spec.commandLine().getErr();
        checkRetraining(plugins);
        int exitCode = search(plugins, err);
        if (exitCode == 0 && retrainEpochs > 0) {
            err.println(
                    "retrain: the best architecture"
                            + (baseline == null ? "" : " and the baseline " + baseline)
                            + ", "
                            + retrainEpochs
                            + " epochs each on the whole training split");
            err.flush();
            BaselineComparison.Result compared =
                    BaselineComparison.run(
                            folder,
                            new Budget(retrainEpochs, 0),
                            Optional.ofNullable(baseline),
                            plugins);
            new ComparisonOutput(spec.commandLine().getOut(), json).print(compared);
        }
        return exitCode;
    }

    private void checkRetraining(Plugins plugins) {
        if (!(retrainEpochs >= 0) || !Double.isFinite(retrainEpochs)) {
            throw new IllegalArgumentException(
                    "--retrain-epochs is " + retrainEpochs + "; expected 0 (none) or more");
        }
        if (baseline != null) {
            if (retrainEpochs == 0) {
                throw new IllegalArgumentException(
                        "--baseline needs --retrain-epochs E: the baseline is trained as the best"
                                + " architecture is, after the search");
            }
            BaselineComparison.check(baseline, plugins);
        }
    }

    private int search(Plugins plugins, PrintWriter err) throws Exception {
        SearchSession session = resume ? resume(plugins) : create(plugins);
        folder = session.folder();
        Optional<ReportRefresher> refresher =
                report
                        ? Optional.of(
                                new ReportRefresher(
                                        session.folder(),
                                        session.folder().resolve(HtmlReport.FILE_NAME),
                                        plugins,
                                        Duration.ofSeconds(2)))
                        : Optional.empty();
        if (session.isOneShot()) {
            try (session) {
                return runOneShot(session, err, refresher);
            } finally {
                refresher.ifPresent(ReportRefresher::finish);
            }
        }
        SearchReport report;
        try (session) {
            ExperimentConfig config = session.config();
            String objective = session.objective().metric();
            err.println(
                    "search: "
                            + config.space()
                            + " with "
                            + config.strategy()
                            + ", "
                            + config.trials()
                            + " trials, seed "
                            + config.seed()
                            + ", journal "
                            + session.folder().resolve("experiment.db"));
            err.flush();
            List<ExperimentListener> listeners = new ArrayList<>();
            listeners.add(
                    new ProgressReporter(err, objective, ProgressReporter.stderrIsTerminal()));
            refresher.ifPresent(listeners::add);
            report = session.run(listeners);
        } finally {
            refresher.ifPresent(ReportRefresher::finish);
        }
        new SearchOutput(spec.commandLine().getOut(), json).print(report);
        return report.best().isPresent() ? 0 : 1;
    }

    private int runOneShot(
            SearchSession session, PrintWriter err, Optional<ReportRefresher> refresher)
            throws IOException {
        ExperimentConfig config = session.config();
        err.println(
                "search: "
                        + config.space()
                        + " with "
                        + config.strategy()
                        + " (one-shot), "
                        + String.format(Locale.ROOT, "%.0f", config.epochs())
                        + " epochs, seed "
                        + config.seed()
                        + ", journal "
                        + session.folder().resolve("experiment.db"));
        err.flush();
        OneShotReport report =
                session.runOneShot(
                        record -> {
                            err.printf(
                                    Locale.ROOT,
                                    "epoch %d: supernet validation %s, %.1f s%n",
                                    record.epoch(),
                                    supernetValidation(record.metrics()),
                                    record.metrics().get("seconds"));
                            err.flush();
                            refresher.ifPresent(r -> r.onEpoch(record));
                        });
        new OneShotOutput(spec.commandLine().getOut(), json).print(report);
        return 0;
    }

    /** The supernet's validation metrics of an epoch: accuracy, or RMSE and MAE. */
    private static String supernetValidation(Map<String, Double> metrics) {
        StringBuilder shown = new StringBuilder();
        for (String metric : List.of("accuracy", "rmse", "mae")) {
            Double value =
                    metrics.get(
                            "validation"
                                    + Character.toUpperCase(metric.charAt(0))
                                    + metric.substring(1));
            if (value != null) {
                shown.append(shown.isEmpty() ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%s %.4f", metric, value));
            }
        }
        return shown.toString();
    }

    private SearchSession resume(Plugins plugins) {
        if (out == null) {
            throw new IllegalArgumentException(
                    "--resume needs --out DIR, the experiment to continue");
        }
        ParseResult parsed = spec.commandLine().getParseResult();
        for (String option : DEFINING) {
            if (parsed.hasMatchedOption(option)) {
                throw new IllegalArgumentException(
                        option
                                + " cannot be given with --resume: the experiment keeps the"
                                + " settings it was created with (only --trials and how trials run,"
                                + " --executor, --max-retries, --worker-jvm-opt and --spark-master,"
                                + " may change, and --benchmark may give its table's new place)");
            }
        }
        ExperimentFolder.requireJournal(out);
        return SearchSession.resume(
                out,
                trials == null ? OptionalInt.empty() : OptionalInt.of(trials),
                Optional.ofNullable(benchmark).map(b -> benchmarkName(plugins, b)),
                this::execution,
                plugins);
    }

    /** Applies the execution flags given on --resume to the journaled configuration. */
    private ExperimentConfig execution(ExperimentConfig journaled) {
        ExperimentConfig.Builder builder = journaled.toBuilder();
        if (executor != null) {
            builder.optExecutor(executor);
            if (!executor.equals(ExperimentConfig.SPARK)) {
                builder.optSparkMaster(null); // a master is only for the Spark executor
            }
        }
        if (maxRetries != null) {
            builder.optMaxRetries(maxRetries);
        }
        if (sparkMaster != null) {
            builder.optSparkMaster(sparkMaster);
        }
        if (!workerJvmOptions.isEmpty()) {
            builder.optWorkerJvmOptions(workerJvmOptions);
        }
        return builder.build();
    }

    /** A built-in table's id stays an id; anything else is a file, recorded absolute. */
    private static String benchmarkName(Plugins plugins, String benchmark) {
        return plugins.benchmarkTables().containsKey(benchmark)
                ? benchmark
                : Path.of(benchmark).toAbsolutePath().toString();
    }

    private SearchSession create(Plugins plugins) {
        String strategyId = strategy.isEmpty() ? plugins.defaultStrategy() : strategy;
        if (benchmark != null && dataset != null) {
            throw new IllegalArgumentException(
                    "give --dataset (train) or --benchmark (look up scores), not both");
        }
        SearchSpaceProvider provider = plugins.spaceProvider(space.id());
        Map<String, String> spaceSettings = space.settings(provider);
        // Recorded for benchmark searches too: strategies with networks of their own (the
        // reinforce LSTM controller) run on it.
        String engineName = Engines.selector(plugins).resolveName(Optional.ofNullable(engine));
        String data = null;
        if (benchmark == null) {
            data = dataset == null ? SearchSetup.FASHION_MNIST : dataset;
            engineName =
                    Engines.selector(plugins)
                            .select(Optional.ofNullable(engine), EngineCapability.TRAIN)
                            .getEngineName();
        }
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace(space.id())
                        .optSpaceSettings(spaceSettings)
                        .setStrategy(strategyId)
                        .optStrategySettings(
                                SettingsFile.merge(
                                        strategySettingsFile,
                                        strategySettings,
                                        "strategy '" + strategyId + "'",
                                        plugins.strategySettings(strategyId)))
                        .optBenchmark(benchmark == null ? null : benchmarkName(plugins, benchmark))
                        .optDataset(data)
                        .optDataOptions(dataOptions)
                        .optEngine(engineName)
                        .optSeed(seed)
                        .optTrials(trials == null ? 20 : trials)
                        .optParallel(parallel)
                        .optEpochs(epochs)
                        .optMaxTrainExamples(maxTrainExamples)
                        .optEvaluator(evaluator)
                        .optEvaluatorSettings(evaluatorSettings)
                        .optPruner(pruner)
                        .optPrefilter(prefilter, prefilterCandidates)
                        .optWarmStart(warmStart)
                        .optExecutor(executor)
                        .optMaxRetries(maxRetries == null ? 1 : maxRetries)
                        .optWorkerJvmOptions(workerJvmOptions)
                        .optSparkMaster(sparkMaster)
                        .optObjectives(objectives)
                        .optConstraints(constraints)
                        .build();
        if (out != null) {
            return SearchSession.create(out, config, plugins);
        }
        return SearchSession.createNew(defaultFolder(space.id(), strategyId), config, plugins);
    }

    private static Path defaultFolder(String spaceId, String strategyId) {
        String time =
                LocalDateTime.now()
                        .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        return Path.of("experiments", spaceId + "-" + strategyId + "-" + time);
    }

    /** Prints a search's result: a short summary, or one JSON object. */
    private record SearchOutput(PrintWriter out, boolean json) {

        void print(SearchReport report) {
            long failed =
                    report.result().trials().stream()
                            .filter(t -> t.state() == TrialState.FAILED)
                            .count();
            long infeasible =
                    report.result().trials().stream()
                            .filter(t -> t.state() == TrialState.INFEASIBLE)
                            .count();
            double wall = report.result().wall().toMillis() / 1000.0;
            if (json) {
                Map<String, Object> root = new LinkedHashMap<>();
                report.best().ifPresent(best -> root.put("best", best(best)));
                if (!report.front().isEmpty()) {
                    root.put("front", report.front().stream().map(SearchOutput::member).toList());
                }
                root.put("trials", report.result().trials().size());
                root.put("failed", failed);
                root.put("infeasible", infeasible);
                root.put("wallSeconds", wall);
                root.put("peakMemory", PeakMemory.measure());
                root.put("out", report.folder().toString());
                Json.print(out, root);
                return;
            }
            out.printf(
                    Locale.ROOT,
                    "%d trials (%d failed%s) in %.1f s; experiment in %s%n",
                    report.result().trials().size(),
                    failed,
                    infeasible == 0 ? "" : ", " + infeasible + " infeasible",
                    wall,
                    report.folder());
            if (report.best().isEmpty()) {
                out.println("no trial finished; 'nas trials " + report.folder() + "' shows why");
            } else {
                BestTrialReport best = report.best().get();
                out.println(
                        "best: trial "
                                + best.trial().number()
                                + ", architecture "
                                + best.trial().spec().architecture().id());
                out.println("  " + best.trial().spec().architecture().toJson());
                best.metrics()
                        .forEach(
                                (name, value) ->
                                        out.printf(Locale.ROOT, "  %-14s %.4f%n", name, value));
                out.println("  (" + report.folder().resolve(SearchSession.BEST_FILE) + ")");
                printFront(report.front());
            }
            out.flush();
        }

        /** With several objectives: the trials on the Pareto front, one line each. */
        private void printFront(List<TrialRecord> front) {
            if (front.isEmpty()) {
                return;
            }
            out.println("Pareto front: " + front.size() + " trials (nas publish --pick ...)");
            for (TrialRecord trial : front) {
                StringBuilder metrics = new StringBuilder();
                new TreeMap<>(trial.metrics())
                        .forEach(
                                (name, value) ->
                                        metrics.append(
                                                String.format(
                                                        Locale.ROOT, " %s %.4g", name, value)));
                out.println(
                        "  trial "
                                + trial.number()
                                + " "
                                + trial.spec().architecture().id()
                                + ":"
                                + metrics);
            }
        }

        private static Map<String, Object> member(TrialRecord trial) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("trial", trial.number());
            node.put("id", trial.spec().architecture().id());
            node.put("metrics", trial.metrics());
            return node;
        }

        private static Map<String, Object> best(BestTrialReport best) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("trial", best.trial().number());
            node.put("id", best.trial().spec().architecture().id());
            node.put("architecture", Json.tree(best.trial().spec().architecture().toJson()));
            node.put("metrics", best.metrics());
            return node;
        }
    }

    /** Prints a one-shot search's result: a short summary, or one JSON object. */
    private record OneShotOutput(PrintWriter out, boolean json) {

        void print(OneShotReport report) {
            OneShotResult result = report.result();
            EpochRecord last = result.history().get(result.history().size() - 1);
            double wall = report.wall().toMillis() / 1000.0;
            if (json) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("id", result.architecture().id());
                root.put("architecture", Json.tree(result.architecture().toJson()));
                root.put("epochs", last.epoch());
                result.stopReason().ifPresent(reason -> root.put("stoppedBy", reason));
                root.put("metrics", last.metrics());
                root.put("wallSeconds", wall);
                root.put("peakMemory", PeakMemory.measure());
                root.put("out", report.folder().toString());
                Json.print(out, root);
                return;
            }
            out.printf(
                    Locale.ROOT,
                    "%d epochs in %.1f s; experiment in %s%n",
                    last.epoch(),
                    wall,
                    report.folder());
            result.stopReason().ifPresent(reason -> out.println("stopped early: " + reason));
            out.println("derived architecture " + result.architecture().id() + ":");
            out.println("  " + result.architecture().toJson());
            last.metrics()
                    .forEach(
                            (name, value) ->
                                    out.printf(Locale.ROOT, "  %-18s %.4f%n", name, value));
            out.println("  (" + report.folder().resolve(SearchSession.BEST_FILE) + ")");
            out.println("retrain it from scratch: nas retrain --experiment " + report.folder());
            out.flush();
        }
    }
}
