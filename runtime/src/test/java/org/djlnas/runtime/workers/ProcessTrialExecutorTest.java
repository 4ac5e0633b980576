package org.djlnas.runtime.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.djlnas.api.trial.IntermediateValue;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.SearchSession;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches whose trials run in worker processes, scored by {@link SlowLookupProvider} (no training,
 * so these tests take seconds): the same trials as threads, reports that reach the driver's pruner,
 * workers killed during a trial, and bad settings.
 */
class ProcessTrialExecutorTest {

    private static Plugins plugins;

    @TempDir Path folder;

    @BeforeAll
    static void discover() {
        plugins = Plugins.discover();
    }

    private static ExperimentConfig.Builder config(String executor, int stepMillis) {
        return ExperimentConfig.builder()
                .setSpace("nas-bench-201")
                .setStrategy("regularized-evolution")
                .optStrategySettings(Map.of("population", "3", "sample-size", "2"))
                .optEvaluator(SlowLookupProvider.ID)
                .optEvaluatorSettings(
                        Map.of(SlowLookupProvider.STEP_MILLIS, Integer.toString(stepMillis)))
                .optSeed(7)
                .optTrials(8)
                .optParallel(2)
                .optExecutor(executor);
    }

    private List<TrialRecord> search(String name, ExperimentConfig config) throws Exception {
        try (SearchSession session = SearchSession.create(folder.resolve(name), config, plugins)) {
            session.run(List.of());
        }
        return journal(folder.resolve(name));
    }

    private static List<TrialRecord> journal(Path experiment) {
        try (SqliteExperimentStore store = SqliteExperimentStore.open(experiment)) {
            return store.trials();
        }
    }

    private static List<IntermediateValue> reports(Path experiment) {
        try (SqliteExperimentStore store = SqliteExperimentStore.open(experiment)) {
            return store.reports();
        }
    }

    /** What must be the same whatever the executor: proposals, seeds, states and metrics. */
    private static List<String> outcomes(List<TrialRecord> trials) {
        return trials.stream()
                .map(
                        t ->
                                t.number()
                                        + " "
                                        + t.spec().architecture().id()
                                        + " seed "
                                        + t.spec().seed()
                                        + " "
                                        + t.state()
                                        + " "
                                        + t.metrics())
                .toList();
    }

    @Test
    void workersRunTheSameTrialsAsThreads() throws Exception {
        List<TrialRecord> threads = search("threads", config(ExperimentConfig.THREADS, 30).build());
        List<TrialRecord> processes =
                search("processes", config(ExperimentConfig.PROCESSES, 30).build());

        assertThat(outcomes(processes)).isEqualTo(outcomes(threads)).hasSize(8);
        assertThat(reports(folder.resolve("processes")))
                .containsExactlyInAnyOrderElementsOf(reports(folder.resolve("threads")))
                .hasSize(8 * 3);
        assertThat(folder.resolve("processes/workers/worker-1.log")).exists();
        assertThat(folder.resolve("processes/workers/worker-2.log")).exists();
    }

    /** A worker builds the evaluator with the experiment's constraints, as the driver does. */
    @Test
    void workersKeepTheExperimentsConstraints() throws Exception {
        List<TrialRecord> processes =
                search(
                        "processes",
                        config(ExperimentConfig.PROCESSES, 0)
                                .optConstraints(List.of("score>=0.5"))
                                .build());

        assertThat(processes).hasSize(8);
        for (TrialRecord trial : processes) {
            double score = SlowLookupProvider.score(trial.spec());
            assertThat(trial.state())
                    .isEqualTo(score < 0.5 ? TrialState.INFEASIBLE : TrialState.DONE);
            assertThat(trial.metrics()).containsEntry("score", score);
        }
        assertThat(processes).anyMatch(t -> t.state() == TrialState.INFEASIBLE);
    }

    /**
     * Reports travel from the worker to the driver, whose pruner decides. One trial at a time, so
     * that which trials have finished when another reports does not depend on timing.
     */
    @Test
    void theDriversPrunerStopsTrialsRunningInAWorker() throws Exception {
        List<TrialRecord> threads =
                search(
                        "threads",
                        config(ExperimentConfig.THREADS, 0)
                                .optParallel(1)
                                .optTrials(12)
                                .optPruner("median")
                                .build());
        List<TrialRecord> processes =
                search(
                        "processes",
                        config(ExperimentConfig.PROCESSES, 0)
                                .optParallel(1)
                                .optTrials(12)
                                .optPruner("median")
                                .build());

        assertThat(outcomes(processes)).isEqualTo(outcomes(threads)).hasSize(12);
        assertThat(processes).extracting(TrialRecord::state).contains(TrialState.PRUNED);
        assertThat(reports(folder.resolve("processes")))
                .containsExactlyInAnyOrderElementsOf(reports(folder.resolve("threads")));
    }

    @Test
    void aWorkerKilledDuringATrialCostsOnlyThatTrialWhichRunsAgain() throws Exception {
        List<TrialRecord> reference =
                search("reference", config(ExperimentConfig.THREADS, 0).build());
        Path killed = folder.resolve("killed");
        long victim = runKillingTrial(killed, config(ExperimentConfig.PROCESSES, 400).build(), 3);

        List<TrialRecord> trials = journal(killed);
        assertThat(outcomes(trials)).isEqualTo(outcomes(reference));
        assertThat(started(killed, 3))
                .as("trial 3 ran twice, on the killed worker and on a fresh one")
                .hasSize(2)
                .contains(victim);
        assertThat(ProcessHandle.of(victim)).isEmpty();
    }

    @Test
    void aTrialWhoseWorkerDiesMoreOftenThanRetriedFailsWithTheReason() throws Exception {
        Path killed = folder.resolve("killed");
        runKillingTrial(
                killed, config(ExperimentConfig.PROCESSES, 400).optMaxRetries(0).build(), 2);

        List<TrialRecord> trials = journal(killed);
        assertThat(trials).hasSize(8);
        TrialRecord second = trials.get(1);
        assertThat(second.state()).isEqualTo(TrialState.FAILED);
        assertThat(second.error()).startsWith("worker exited with signal 9 during trial 2");
        assertThat(trials.stream().filter(t -> t.state() == TrialState.DONE)).hasSize(7);
        assertThat(started(killed, 2)).hasSize(1);
    }

    /** Runs a search and kills the worker process running a trial as soon as it starts. */
    private long runKillingTrial(Path experiment, ExperimentConfig config, int trial)
            throws Exception {
        SearchSession session = SearchSession.create(experiment, config, plugins);
        CompletableFuture<Void> run =
                CompletableFuture.runAsync(
                        () -> {
                            try (session) {
                                session.run(List.of());
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
        long victim = -1;
        for (int wait = 0; wait < 600 && victim < 0; wait++) {
            List<Long> pids = started(experiment, trial);
            if (pids.isEmpty()) {
                Thread.sleep(50);
            } else {
                victim = pids.get(0);
            }
        }
        assertThat(victim).as("trial %d started", trial).isPositive();
        new ProcessBuilder("kill", "-9", Long.toString(victim)).start().waitFor();
        run.get(120, TimeUnit.SECONDS);
        return victim;
    }

    private static List<Long> started(Path experiment, int trial) throws Exception {
        Path dir = experiment.resolve(SlowLookupProvider.STARTED);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith(trial + "-"))
                    .map(name -> Long.parseLong(name.substring(name.indexOf('-') + 1)))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void workerJvmOptionsThatStartNoJvmAreBadInputAndNothingIsWritten() {
        Path experiment = folder.resolve("bad");
        assertThatThrownBy(
                        () ->
                                SearchSession.create(
                                        experiment,
                                        config(ExperimentConfig.PROCESSES, 0)
                                                .optWorkerJvmOptions(List.of("-XX:+NoSuchOption"))
                                                .build(),
                                        plugins))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("`workerJvmOptions` [-XX:+NoSuchOption] do not start")
                .hasMessageContaining("NoSuchOption")
                .hasMessageNotContaining("\n");
        assertThat(experiment).doesNotExist();
    }

    @Test
    void workersThatCannotBuildTheEvaluatorStopTheSearchWithTheirReason() throws Exception {
        Path experiment = folder.resolve("broken");
        ExperimentConfig config =
                config(ExperimentConfig.PROCESSES, 0)
                        .optEvaluatorSettings(Map.of(SlowLookupProvider.BROKEN_IN_WORKERS, "true"))
                        .build();
        try (SearchSession session = SearchSession.create(experiment, config, plugins)) {
            assertThatThrownBy(() -> session.run(List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "a worker process could not start: no natives for this evaluator in "
                                    + experiment);
        }
        assertThat(journal(experiment)).isEmpty();
        assertThat(ProcessHandle.current().children()).isEmpty();
    }

    @Test
    void aOneShotStrategyRunsInOneProcess() {
        Path experiment = folder.resolve("darts");
        assertThatThrownBy(
                        () ->
                                SearchSession.create(
                                        experiment,
                                        ExperimentConfig.builder()
                                                .setSpace("nas-bench-201")
                                                .setStrategy("darts")
                                                .optDataset("fashion-mnist")
                                                .optExecutor(ExperimentConfig.PROCESSES)
                                                .build(),
                                        plugins))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "`executor` is processes; strategy 'darts' trains one supernet in one"
                                + " process, expected threads");
        assertThat(experiment).doesNotExist();
    }

    @Test
    void theTrainingEvaluatorWithSeveralTrialsAtOnceRunsInWorkerProcessesByDefault() {
        ExperimentConfig.Builder training =
                ExperimentConfig.builder()
                        .setSpace("nas-bench-201")
                        .setStrategy("random")
                        .optDataset("fashion-mnist");
        assertThat(training.build().executor()).isEqualTo(ExperimentConfig.THREADS);
        assertThat(training.optParallel(2).build().executor())
                .isEqualTo(ExperimentConfig.PROCESSES);
        assertThat(config(null, 0).build().executor()).isEqualTo(ExperimentConfig.THREADS);
        assertThat(ExperimentConfig.fromJson(training.build().toJson()).executor())
                .isEqualTo(ExperimentConfig.PROCESSES);
    }
}
