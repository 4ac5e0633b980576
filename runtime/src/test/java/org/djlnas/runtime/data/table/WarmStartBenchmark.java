package org.djlnas.runtime.data.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.SearchSession;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.djlnas.testing.SklearnTables;
import org.djlnas.testing.SklearnTables.Table;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warm start across data sets: searches of the {@code mlp} space on the meta-training tables
 * (breast cancer and wine by default), then, on a held-out table (digits), the same regularized
 * evolution with and without {@code warmStart} from them, seed by seed; prints, for each run, the
 * trials and the search seconds (the sum of the trials' times, as one trial runs at a time) until
 * the best validation accuracy first reaches each threshold, and the best after 1, 5 and 10 trials
 * and after all. Run by {@code benchmarks/warm-start.sh}; the system properties {@code sources},
 * {@code target}, {@code seeds}, {@code trials}, {@code sourceTrials}, {@code epochs} and {@code
 * thresholds} change the defaults.
 */
@Tag("benchmark")
class WarmStartBenchmark {

    private static final List<String> SOURCES =
            List.of(System.getProperty("sources", "breast-cancer,wine").split(","));
    private static final String TARGET = System.getProperty("target", "digits");
    private static final int SEEDS = Integer.getInteger("seeds", 3);
    private static final int TRIALS = Integer.getInteger("trials", 30);
    private static final int SOURCE_TRIALS = Integer.getInteger("sourceTrials", 30);
    private static final double EPOCHS = Double.parseDouble(System.getProperty("epochs", "20"));
    private static final double[] THRESHOLDS =
            Arrays.stream(System.getProperty("thresholds", "0.98,0.99,1").split(","))
                    .mapToDouble(Double::parseDouble)
                    .toArray();

    @TempDir Path dir;

    @Test
    void searchesOnAHeldOutTableWithAndWithoutAWarmStart() throws Exception {
        SklearnTables.require();
        Plugins plugins = Plugins.discover();
        System.out.printf(
                Locale.ROOT,
                "warm-start: sources %s (%d trials each, seed 1), target %s, %d trials x %.0f"
                        + " epochs, seeds 1..%d, engine %s%n",
                SOURCES,
                SOURCE_TRIALS,
                TARGET,
                TRIALS,
                EPOCHS,
                SEEDS,
                TestEngine.name());
        List<String> earlier = new ArrayList<>();
        for (String source : SOURCES) {
            Path experiment = dir.resolve("source-" + source);
            search(table(source), experiment, 1, SOURCE_TRIALS, List.of(), plugins);
            earlier.add(experiment.toString());
        }
        for (int seed = 1; seed <= SEEDS; seed++) {
            for (boolean warm : new boolean[] {false, true}) {
                Path experiment = dir.resolve(TARGET + "-" + seed + (warm ? "-warm" : "-cold"));
                search(
                        table(TARGET),
                        experiment,
                        seed,
                        TRIALS,
                        warm ? earlier : List.of(),
                        plugins);
                print(seed, warm, trials(experiment));
            }
        }
    }

    private static Table table(String id) {
        return Arrays.stream(Table.values())
                .filter(t -> t.id().equals(id.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sklearn table " + id));
    }

    private void search(
            Table table,
            Path experiment,
            long seed,
            int trials,
            List<String> warmStart,
            Plugins plugins)
            throws Exception {
        Path file = SklearnTables.write(table, dir);
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("mlp")
                        .setStrategy("regularized-evolution")
                        .optDataset("csv:" + file)
                        .optDataOptions(Map.of("target", table.target()))
                        .optEngine(TestEngine.name())
                        .optSeed(seed)
                        .optTrials(trials)
                        .optEpochs(EPOCHS)
                        .optWarmStart(warmStart)
                        .build();
        try (SearchSession session = SearchSession.create(experiment, config, plugins)) {
            session.run(List.of());
        }
    }

    private static List<TrialRecord> trials(Path experiment) {
        try (SqliteExperimentStore store = SqliteExperimentStore.open(experiment)) {
            return store.trials();
        }
    }

    private static void print(int seed, boolean warm, List<TrialRecord> trials) {
        StringBuilder line =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "%s seed %d %s:",
                                TARGET,
                                seed,
                                warm ? "warm" : "cold"));
        double best = Double.NEGATIVE_INFINITY;
        double seconds = 0;
        int next = 0;
        String[] reached = new String[THRESHOLDS.length];
        StringBuilder early = new StringBuilder();
        for (TrialRecord trial : trials) {
            seconds += trial.seconds().orElse(0);
            if (trial.state() == TrialState.DONE) {
                best = Math.max(best, trial.metric(Metrics.ACCURACY).orElse(Double.NaN));
            }
            if (trial.number() == 1 || trial.number() == 5 || trial.number() == 10) {
                early.append(
                        String.format(Locale.ROOT, " best after %d: %.4f;", trial.number(), best));
            }
            while (next < THRESHOLDS.length && best >= THRESHOLDS[next]) {
                reached[next++] =
                        String.format(Locale.ROOT, "trial %d, %.0f s", trial.number(), seconds);
            }
        }
        for (int i = 0; i < THRESHOLDS.length; i++) {
            line.append(
                    String.format(
                            Locale.ROOT,
                            " >=%.3f: %s;",
                            THRESHOLDS[i],
                            reached[i] == null ? "never" : reached[i]));
        }
        line.append(early);
        line.append(
                String.format(
                        Locale.ROOT,
                        " best %.4f after %d trials, %.0f s",
                        best,
                        trials.size(),
                        seconds));
        System.out.println(line);
    }
}
