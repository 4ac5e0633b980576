package org.djlnas.runtime.data.table;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.trial.Budget;
import org.djlnas.runtime.search.Candidate;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.Retraining;
import org.djlnas.runtime.search.SearchReport;
import org.djlnas.runtime.search.SearchSession;
import org.djlnas.testing.SklearnTables;
import org.djlnas.testing.SklearnTables.Table;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For each table of python3-sklearn (breast cancer, wine, digits: classification; diabetes:
 * regression), a search of the {@code mlp} space, the best architecture retrained, and the {@code
 * linear} baseline retrained by the same trainer with the same budget on the same split; prints
 * test accuracy or RMSE, parameters and wall times. Run by {@code benchmarks/tables.sh}; the system
 * properties {@code tables} (comma-separated ids), {@code seed}, {@code trials}, {@code strategy},
 * {@code searchEpochs} and {@code retrainEpochs} change the defaults.
 */
@Tag("benchmark")
class TablesBenchmark {

    private static final String TABLES =
            System.getProperty("tables", "breast-cancer,wine,digits,diabetes");
    private static final long SEED = Long.getLong("seed", 1);
    private static final int TRIALS = Integer.getInteger("trials", 30);
    private static final String STRATEGY = System.getProperty("strategy", "regularized-evolution");
    private static final double SEARCH_EPOCHS =
            Double.parseDouble(System.getProperty("searchEpochs", "20"));

    /**
     * Retraining's epochs, by default the search's: the architecture was chosen for that budget,
     * and on these small tables a network retrained much longer overfits (diabetes, seed 1: the
     * best trial's architecture reaches validation RMSE 50.7 after 20 epochs, 67.0 after 50).
     */
    private static final double RETRAIN_EPOCHS =
            Double.parseDouble(System.getProperty("retrainEpochs", Double.toString(SEARCH_EPOCHS)));

    @TempDir Path dir;

    @Test
    void mlpSearchAgainstTheLinearBaseline() throws Exception {
        SklearnTables.require();
        Plugins plugins = Plugins.discover();
        System.out.printf(
                Locale.ROOT,
                "tables: %s search of %d trials x %.0f epochs, retrain %.0f epochs, seed %d, engine"
                        + " %s%n",
                STRATEGY,
                TRIALS,
                SEARCH_EPOCHS,
                RETRAIN_EPOCHS,
                SEED,
                TestEngine.name());
        for (String id : TABLES.split(",")) {
            Table table =
                    Arrays.stream(Table.values())
                            .filter(t -> t.id().equals(id.trim()))
                            .findFirst()
                            .orElseThrow();
            run(table, plugins);
        }
    }

    private void run(Table table, Plugins plugins) throws Exception {
        Path file = SklearnTables.write(table, dir);
        String dataset = "csv:" + file;
        Map<String, String> options = Map.of("target", table.target());
        Path experiment = dir.resolve(table.id());
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("mlp")
                        .setStrategy(STRATEGY)
                        .optDataset(dataset)
                        .optDataOptions(options)
                        .optEngine(TestEngine.name())
                        .optSeed(SEED)
                        .optTrials(TRIALS)
                        .optEpochs(SEARCH_EPOCHS)
                        .build();
        long start = System.nanoTime();
        SearchReport searched;
        try (SearchSession session = SearchSession.create(experiment, config, plugins)) {
            searched = session.run(List.of());
        }
        Duration search = Duration.ofNanos(System.nanoTime() - start);
        Candidate best =
                Candidate.found(
                        experiment,
                        Optional.empty(),
                        provider -> Map.of(),
                        plugins,
                        Optional.empty(),
                        Map.of(),
                        OptionalLong.empty());
        Budget budget = new Budget(RETRAIN_EPOCHS, 0);
        Retraining.Report found =
                Retraining.run(
                        best.retraining(TestEngine.name(), budget),
                        plugins,
                        Retraining.folderOf(experiment));
        Candidate linear =
                Candidate.given(
                        "linear",
                        Map.of(),
                        Architecture.of(Map.of()),
                        Optional.of(dataset),
                        options,
                        OptionalLong.of(SEED));
        Retraining.Report baseline =
                Retraining.run(
                        linear.retraining(TestEngine.name(), budget),
                        plugins,
                        dir.resolve(table.id() + "-linear"));
        System.out.printf(
                Locale.ROOT,
                "%s: search %d trials %.0f s; best %s%n",
                table.id(),
                searched.result().trials().size(),
                search.toMillis() / 1000.0,
                best.architecture().toJson());
        print(table, "mlp (found)", found);
        print(table, "linear", baseline);
    }

    private static void print(Table table, String name, Retraining.Report report) {
        boolean regression = report.objective().equals(Metrics.RMSE);
        System.out.printf(
                Locale.ROOT,
                "%s %s: test %s %.4f%s, validation %s %.4f, %.0f parameters, retrain %.1f s%n",
                table.id(),
                name,
                regression ? "RMSE" : "accuracy",
                report.testObjective(),
                regression
                        ? String.format(
                                Locale.ROOT,
                                " (MAE %.4f)",
                                report.testMetrics().get(Metrics.TEST_MAE))
                        : "",
                report.objective(),
                report.metrics().getOrDefault(report.objective(), Double.NaN),
                report.metrics().getOrDefault("parameters", Double.NaN),
                report.wall().toMillis() / 1000.0);
    }
}
