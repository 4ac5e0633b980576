package org.djlnas.runtime.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.api.supernet.SearchCell;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.store.SqliteExperimentStore;

/** Small journals written through the store, as searches of every kind leave them. */
final class Journals {

    static final Plugins PLUGINS = Plugins.discover();

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private Journals() {}

    /**
     * A training search over NAS-Bench-201 cells: done, failed and pruned trials with accuracy,
     * parameters and latency, intermediate values per epoch, two budgets (one trial continuing
     * another), and one trial still running.
     */
    static void training(Path folder, int trials) {
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("nas-bench-201")
                        .optSpaceSettings(Map.of("channels", "8", "cells", "1"))
                        .setStrategy("hyperband")
                        .optStrategySettings(Map.of("min-epochs", "1", "max-epochs", "3"))
                        .optDataset("fashion-mnist")
                        .optEngine("PyTorch")
                        .optSeed(7)
                        .optTrials(trials + 2)
                        .optMaxTrainExamples(6000)
                        .optPruner("median")
                        .build();
        SearchSpace space = PLUGINS.space(config.space(), config.spaceSettings());
        SplittableRandom random = new SplittableRandom(7);
        try (SqliteExperimentStore store = SqliteExperimentStore.create(folder)) {
            store.writeConfig(config.toJson());
            Instant clock = T0;
            for (int n = 0; n < trials; n++) {
                Architecture architecture = space.sample(random);
                boolean continues = n == 3;
                double epochs = n % 4 == 3 ? 3 : 1;
                TrialSpec spec =
                        continues
                                ? new TrialSpec(
                                        n,
                                        architecture,
                                        new Budget(epochs, 6000),
                                        100 + n,
                                        java.util.OptionalInt.of(0))
                                : new TrialSpec(n, architecture, new Budget(epochs, 6000), 100 + n);
                store.recordProposed(spec);
                store.markRunning(n, clock);
                double accuracy = 0.5 + 0.4 * random.nextDouble();
                for (int step = 1; step <= epochs; step++) {
                    store.recordReport(n, step, accuracy - 0.1 / step);
                }
                clock = clock.plusMillis(1000 + random.nextInt(4000));
                TrialState state =
                        n % 7 == 5
                                ? TrialState.FAILED
                                : n % 5 == 4 ? TrialState.PRUNED : TrialState.DONE;
                Map<String, Double> metrics = new LinkedHashMap<>();
                if (state != TrialState.FAILED) {
                    metrics.put("accuracy", accuracy);
                    metrics.put("loss", 1 - accuracy);
                    metrics.put("parameters", 20_000.0 + random.nextInt(80_000));
                    metrics.put("latencyMs", 1 + 4 * random.nextDouble());
                }
                store.recordFinished(
                        n,
                        state,
                        metrics,
                        state == TrialState.FAILED ? "training diverged (loss NaN)" : null,
                        clock);
            }
            store.recordProposed(
                    new TrialSpec(trials, space.sample(random), new Budget(1, 6000), 999));
            store.markRunning(trials, clock);
        }
    }

    /** A tabular search as {@code nas search --benchmark} leaves it: scores only. */
    static void tabular(Path folder, int trials, long seed) {
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("nas-bench-201")
                        .setStrategy("random")
                        .optBenchmark("/tables/nas-bench-201-cifar10.csv")
                        .optSeed(seed)
                        .optTrials(trials)
                        .build();
        SearchSpace space = PLUGINS.space(config.space(), config.spaceSettings());
        SplittableRandom random = new SplittableRandom(seed);
        try (SqliteExperimentStore store = SqliteExperimentStore.create(folder)) {
            store.writeConfig(config.toJson());
            Instant clock = T0;
            for (int n = 0; n < trials; n++) {
                store.recordProposed(new TrialSpec(n, space.sample(random), Budget.ofEpochs(1), n));
                store.markRunning(n, clock);
                clock = clock.plusMillis(1);
                store.recordFinished(
                        n,
                        TrialState.DONE,
                        Map.of("score", 80 + 14 * random.nextDouble()),
                        null,
                        clock);
            }
        }
    }

    /** A DARTS search of a few epochs: derived architectures and every edge's mixing weights. */
    static void darts(Path folder, int epochs) {
        oneShot(folder, epochs, "darts");
    }

    /**
     * A one-shot search of a few epochs on the DARTS space: derived architectures and every edge's
     * per-candidate weights, as the strategy would journal them.
     */
    static void oneShot(Path folder, int epochs, String strategy) {
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("darts")
                        .optSpaceSettings(Map.of("channels", "8", "layers", "5"))
                        .setStrategy(strategy)
                        .optDataset("fashion-mnist")
                        .optEngine("PyTorch")
                        .optSeed(1)
                        .optTrials(1)
                        .optEpochs(epochs)
                        .optMaxTrainExamples(10000)
                        .build();
        OneShotSpace space = (OneShotSpace) PLUGINS.space(config.space(), config.spaceSettings());
        SplittableRandom random = new SplittableRandom(3);
        try (SqliteExperimentStore store = SqliteExperimentStore.create(folder)) {
            store.writeConfig(config.toJson());
            for (int epoch = 1; epoch <= epochs; epoch++) {
                Map<String, List<Double>> weights = new LinkedHashMap<>();
                for (SearchCell searchCell : space.searchCells()) {
                    var cell = searchCell.cell();
                    for (int node = cell.inputs(); node < cell.inputs() + cell.nodes(); node++) {
                        for (int from = 0; from < node; from++) {
                            weights.put(
                                    cell.edgeLabel(node, from),
                                    softmax(random, searchCell.candidates().size()));
                        }
                    }
                }
                store.recordEpoch(
                        new EpochRecord(
                                epoch,
                                space.sample(random),
                                weights,
                                Map.of(
                                        "trainAccuracy", 0.5 + 0.05 * epoch,
                                        "validationAccuracy", 0.45 + 0.05 * epoch,
                                        "seconds", 60.0)));
            }
        }
    }

    private static List<Double> softmax(SplittableRandom random, int n) {
        double[] e = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            e[i] = Math.exp(2 * random.nextDouble());
            sum += e[i];
        }
        List<Double> result = new ArrayList<>();
        for (double v : e) {
            result.add(v / sum);
        }
        return result;
    }
}
