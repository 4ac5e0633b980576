package org.djlnas.runtime.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.EvaluatorContext;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.Objective;
import org.djlnas.api.eval.Pareto;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.BenchmarkStringCodec;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.StrategyProvider;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.experiment.ConstrainedEvaluator;
import org.djlnas.runtime.experiment.Experiment;
import org.djlnas.runtime.experiment.ExperimentResult;
import org.djlnas.runtime.experiment.LocalTrialExecutor;
import org.djlnas.runtime.experiment.TrialSeeds;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.djlnas.spaces.nasbench201.NasBench201Cifar10Table;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.strategies.Nsga2Provider;
import org.djlnas.strategies.RandomSearchProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NSGA-II against random search on the NAS-Bench-201 CIFAR-10 table with two objectives, test
 * accuracy (max) and trainable parameters (min, counted on the compiled C=16, N=5 networks): the
 * hypervolume of the trials found after {@code queries} (default 100) trials, mean and standard
 * deviation over {@code seeds} (default 20) seeds, each strategy with the same seeds. Each search
 * is an {@link Experiment} with both objectives, journaled in SQLite, as {@code nas search} runs
 * one.
 *
 * <p>Hypervolume is measured on normalised objectives, accuracy / 100 and 1 − parameters / P_max,
 * where P_max is the space's largest network (every edge a 3×3 convolution, 1,531,546 parameters),
 * above the reference point (accuracy 0, parameters P_max): it lies in [0, 1]. A benchmark: runs
 * only with {@code -Pbenchmarks} ({@code benchmarks/nsga2.sh}).
 */
@Tag("benchmark")
class Nsga2Benchmark {

    @TempDir Path folder;

    private final NasBench201Provider spaces = new NasBench201Provider();
    private final SearchSpace space =
            spaces.create(Settings.defaults("space", spaces.settings()), OpRegistry.discover());
    private final List<Objective> objectives =
            List.of(Objective.parse("score:max"), Objective.parse("params:min"));

    private Evaluator tabular() throws Exception {
        TabularBenchmarkEvaluatorProvider provider = new TabularBenchmarkEvaluatorProvider();
        return provider.create(
                new EvaluatorContext(
                        space,
                        Settings.resolve(
                                "evaluator 'benchmark'",
                                provider.settings(),
                                Map.of("table", NasBench201Cifar10Table.ID)),
                        1,
                        Optional.empty(),
                        folder,
                        Optional.empty(),
                        Map.of(NasBench201Cifar10Table.ID, new NasBench201Cifar10Table()),
                        EngineSelector.discover()));
    }

    private double maxParameters(Evaluator tabular) throws Exception {
        String conv = "nor_conv_3x3";
        String cell =
                "|" + conv + "~0|+|" + conv + "~0|" + conv + "~1|+|" + conv + "~0|" + conv + "~1|"
                        + conv + "~2|";
        TrialSpec all =
                new TrialSpec(
                        0,
                        ((BenchmarkStringCodec) space).fromBenchmarkString(cell),
                        Budget.ofEpochs(1),
                        0);
        return tabular.measureBeforeTraining(all, Set.of(Metrics.PARAMETERS))
                .get(Metrics.PARAMETERS);
    }

    private double hypervolume(
            StrategyProvider provider,
            Map<String, String> settings,
            long seed,
            int queries,
            Evaluator evaluator,
            double maxParameters)
            throws Exception {
        Strategy strategy =
                provider.create(
                        new StrategyContext(
                                space,
                                Settings.resolve(
                                        "strategy '" + provider.id() + "'",
                                        provider.settings(),
                                        settings),
                                TrialSeeds.strategy(seed),
                                queries,
                                Budget.ofEpochs(1)));
        Path experiment = Files.createTempDirectory(folder, provider.id());
        ExperimentResult result;
        try (SqliteExperimentStore store = SqliteExperimentStore.create(experiment);
                LocalTrialExecutor executor = new LocalTrialExecutor(1)) {
            result =
                    Experiment.builder()
                            .setStrategy(strategy)
                            .setEvaluator(evaluator)
                            .setObjectives(objectives)
                            .setExecutor(executor)
                            .setStore(store)
                            .setMaxTrials(queries)
                            .setSeed(seed)
                            .build()
                            .run();
        }
        List<double[]> points = new ArrayList<>();
        for (TrialRecord trial : result.trials()) {
            if (trial.state() == TrialState.DONE) {
                points.add(
                        new double[] {
                            trial.metric(Metrics.SCORE).getAsDouble() / 100,
                            1 - trial.metric(Metrics.PARAMETERS).getAsDouble() / maxParameters
                        });
            }
        }
        if (points.size() != queries) {
            throw new AssertionError(provider.id() + " seed " + seed + ": " + points.size());
        }
        return Pareto.hypervolume(points, new double[] {0, 0});
    }

    /** The hypervolume of every architecture of the table: that of its whole Pareto front. */
    private double optimum(Evaluator evaluator, double maxParameters) throws Exception {
        List<double[]> points = new ArrayList<>();
        for (java.util.Iterator<org.djlnas.api.arch.Architecture> it = space.enumerate();
                it.hasNext(); ) {
            Map<String, Double> metrics =
                    evaluator.evaluate(new TrialSpec(0, it.next(), Budget.ofEpochs(1), 0));
            points.add(
                    new double[] {
                        metrics.get(Metrics.SCORE) / 100,
                        1 - metrics.get(Metrics.PARAMETERS) / maxParameters
                    });
        }
        return Pareto.hypervolume(points, new double[] {0, 0});
    }

    private static String stats(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return String.format(
                Locale.ROOT, "%.4f ± %.4f", mean, Math.sqrt(squares / (values.size() - 1)));
    }

    @Test
    void hypervolumeAfterOneHundredQueries() throws Exception {
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        runs.put("random", Map.of());
        runs.put("nsga2", Map.of());
        runs.put("nsga2 population=20", Map.of(Nsga2Provider.POPULATION, "20"));
        compare(runs, 1, Boolean.getBoolean("optimum"));
    }

    /**
     * The sweep the defaults were chosen from, on seeds 101..120 (not the report's): population and
     * crossover probability ({@code -Dgroups=sweep}).
     */
    @Test
    @Tag("sweep")
    void populationAndCrossoverSweep() throws Exception {
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        runs.put("random", Map.of());
        runs.put("nsga2", Map.of());
        for (String population : List.of("10", "20")) {
            for (String crossover : List.of("0.9", "0.5", "0")) {
                runs.put(
                        "population=" + population + " crossover=" + crossover,
                        Map.of(
                                Nsga2Provider.POPULATION,
                                population,
                                Nsga2Provider.CROSSOVER_PROBABILITY,
                                crossover));
            }
        }
        compare(runs, 101, false);
    }

    /** Runs every strategy on the same seeds and prints the hypervolumes. */
    private void compare(Map<String, Map<String, String>> runs, long firstSeed, boolean optimum)
            throws Exception {
        int queries = Integer.getInteger("queries", 100);
        int seeds = Integer.getInteger("seeds", 20);
        Evaluator tabular = tabular();
        double maxParameters = maxParameters(tabular);
        // The parameters measured before each lookup join its metrics, as in a search with this
        // objective.
        Evaluator evaluator = ConstrainedEvaluator.of(tabular, objectives, List.of());
        Map<String, List<Double>> volumes = new LinkedHashMap<>();
        runs.keySet().forEach(name -> volumes.put(name, new ArrayList<>()));
        long started = System.nanoTime();
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            for (Map.Entry<String, Map<String, String>> run : runs.entrySet()) {
                StrategyProvider provider =
                        run.getKey().equals("random")
                                ? new RandomSearchProvider()
                                : new Nsga2Provider();
                volumes.get(run.getKey())
                        .add(
                                hypervolume(
                                        provider,
                                        run.getValue(),
                                        seed,
                                        queries,
                                        evaluator,
                                        maxParameters));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "nsga2-benchmark: %d queries, seeds %d..%d, reference (accuracy 0, parameters"
                        + " %.0f), %.0f s%n",
                queries,
                firstSeed,
                firstSeed + seeds - 1,
                maxParameters,
                (System.nanoTime() - started) / 1e9);
        for (Map.Entry<String, List<Double>> entry : volumes.entrySet()) {
            System.out.printf(
                    Locale.ROOT,
                    "nsga2-benchmark: %-30s hypervolume %s%n",
                    entry.getKey(),
                    stats(entry.getValue()));
        }
        List<Double> gains = new ArrayList<>();
        int wins = 0;
        for (int i = 0; i < seeds; i++) {
            double gain = volumes.get("nsga2").get(i) - volumes.get("random").get(i);
            gains.add(gain);
            wins += gain > 0 ? 1 : 0;
        }
        System.out.printf(
                Locale.ROOT,
                "nsga2-benchmark: nsga2 - random, same seed: %s; nsga2 larger on %d of %d seeds%n",
                stats(gains),
                wins,
                seeds);
        if (optimum) {
            System.out.printf(
                    Locale.ROOT,
                    "nsga2-benchmark: the whole table's Pareto front: hypervolume %.4f%n",
                    optimum(evaluator, maxParameters));
        }
    }
}
