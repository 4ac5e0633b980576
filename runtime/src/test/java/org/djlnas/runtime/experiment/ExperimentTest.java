package org.djlnas.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.exec.TrialExecutor;
import org.djlnas.api.exec.TrialResult;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.store.StoreException;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentTest {

    private static final SearchSpace SPACE =
            new NasBench201Provider()
                    .create(
                            Settings.defaults("space", new NasBench201Provider().settings()),
                            OpRegistry.discover());

    @TempDir Path folder;

    /**
     * A strategy whose every proposal depends on everything told so far: mutates the best
     * architecture told, with a random stream that also absorbs the told objectives.
     */
    static final class GreedyMutation implements Strategy {
        private final SplittableRandom random;
        private Architecture best;
        private double bestScore = Double.NEGATIVE_INFINITY;

        GreedyMutation(long seed) {
            random = new SplittableRandom(seed);
            best = SPACE.sample(random);
        }

        @Override
        public Optional<Proposal> ask() {
            return Optional.of(new Proposal(SPACE.mutate(best, random), Budget.ofEpochs(1)));
        }

        @Override
        public void tell(TrialOutcome outcome) {
            if (outcome.objective().isPresent() && outcome.objective().getAsDouble() > bestScore) {
                bestScore = outcome.objective().getAsDouble();
                best = outcome.spec().architecture();
            }
        }
    }

    /** Scores an architecture by a hash of its id; fails every seventh trial. */
    static final class HashScore implements Evaluator {
        @Override
        public String objective() {
            return "score";
        }

        @Override
        public Map<String, Double> evaluate(TrialSpec trial) throws TrialFailedException {
            if (trial.number() % 7 == 0) {
                throw new TrialFailedException("seventh trial fails");
            }
            long hash = trial.architecture().id().hashCode();
            if (trial.number() % 3 == 0) {
                sleep(3);
            }
            return Map.of("score", (double) Math.floorMod(hash, 1000));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Architecture> run(Path dir, int parallel, int trials) throws Exception {
        try (SqliteExperimentStore store =
                        dir.resolve("experiment.db").toFile().exists()
                                ? SqliteExperimentStore.open(dir)
                                : SqliteExperimentStore.create(dir);
                LocalTrialExecutor executor = new LocalTrialExecutor(parallel)) {
            ExperimentResult result =
                    Experiment.builder()
                            .setStrategy(new GreedyMutation(TrialSeeds.strategy(5)))
                            .setEvaluator(new HashScore())
                            .setExecutor(executor)
                            .setStore(store)
                            .setMaxTrials(trials)
                            .setSeed(5)
                            .build()
                            .run();
            return result.trials().stream().map(r -> r.spec().architecture()).toList();
        }
    }

    @Test
    void theSameSeedProposesTheSameArchitecturesAtAnyTiming() throws Exception {
        List<Architecture> first = run(folder.resolve("a"), 3, 30);
        List<Architecture> second = run(folder.resolve("b"), 3, 30);
        assertThat(first).hasSize(30).isEqualTo(second);
    }

    @Test
    void failedTrialsAreJournaledWithTheirReasonAndTheSearchGoesOn() throws Exception {
        run(folder, 2, 15);
        try (SqliteExperimentStore store = SqliteExperimentStore.open(folder)) {
            List<TrialRecord> trials = store.trials();
            assertThat(trials).hasSize(15);
            assertThat(trials.get(6).state()).isEqualTo(TrialState.FAILED);
            assertThat(trials.get(6).errorMessage()).contains("seventh trial fails");
            assertThat(trials.stream().filter(t -> t.state() == TrialState.DONE)).hasSize(13);
        }
    }

    @Test
    void resumingAfterAnInterruptionKeepsFinishedTrialsAndReproducesTheRun() throws Exception {
        List<Architecture> uninterrupted = run(folder.resolve("whole"), 2, 20);

        Path dir = folder.resolve("interrupted");
        AtomicInteger evaluations = new AtomicInteger();
        try (SqliteExperimentStore store = SqliteExperimentStore.create(dir)) {
            // An executor that "dies" at trial 9: the trial never completes and the run is
            // interrupted, as a killed process would leave it.
            TrialExecutor dying =
                    new TrialExecutor() {
                        private final LocalTrialExecutor local = new LocalTrialExecutor(2);

                        @Override
                        public int parallelism() {
                            return 2;
                        }

                        @Override
                        public CompletableFuture<TrialResult> submit(
                                TrialSpec trial, Evaluator evaluator, TrialReporter reporter) {
                            evaluations.incrementAndGet();
                            if (trial.number() == 9) {
                                return new CompletableFuture<>();
                            }
                            return local.submit(trial, evaluator, reporter);
                        }

                        @Override
                        public void close() {
                            local.close();
                        }
                    };
            Thread runner =
                    new Thread(
                            () -> {
                                try {
                                    Experiment.builder()
                                            .setStrategy(new GreedyMutation(TrialSeeds.strategy(5)))
                                            .setEvaluator(new HashScore())
                                            .setExecutor(dying)
                                            .setStore(store)
                                            .setMaxTrials(20)
                                            .setSeed(5)
                                            .build()
                                            .run();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            });
            runner.start();
            runner.join(2000);
            runner.interrupt();
            runner.join();
            dying.close();
            List<TrialRecord> journal = store.trials();
            assertThat(journal.get(8).state()).isEqualTo(TrialState.RUNNING);
        }
        List<TrialRecord> before;
        try (SqliteExperimentStore store = SqliteExperimentStore.open(dir)) {
            before = store.trials();
        }
        List<Architecture> resumed = run(dir, 2, 20);
        assertThat(resumed).isEqualTo(uninterrupted);
        try (SqliteExperimentStore store = SqliteExperimentStore.open(dir)) {
            List<TrialRecord> after = store.trials();
            assertThat(after).hasSize(20);
            for (TrialRecord old : before) {
                if (old.state().isFinished()) {
                    assertThat(after.get(old.number() - 1)).as("kept as it was").isEqualTo(old);
                }
            }
        }
    }

    @Test
    void aJournalThatDoesNotMatchTheStrategyIsRefused() throws Exception {
        run(folder, 1, 5);
        try (SqliteExperimentStore store = SqliteExperimentStore.open(folder);
                LocalTrialExecutor executor = new LocalTrialExecutor(1)) {
            Experiment other =
                    Experiment.builder()
                            .setStrategy(new GreedyMutation(TrialSeeds.strategy(6)))
                            .setEvaluator(new HashScore())
                            .setExecutor(executor)
                            .setStore(store)
                            .setMaxTrials(10)
                            .setSeed(6)
                            .build();
            assertThatThrownBy(other::run)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("differs from what the strategy proposes");
            assertThat(store.trials()).hasSize(5);
        }
    }

    @Test
    void aTrialThatRunsOutOfMemoryFailsWithTheReason() throws Exception {
        Evaluator hungry =
                new Evaluator() {
                    @Override
                    public String objective() {
                        return "score";
                    }

                    @Override
                    public Map<String, Double> evaluate(TrialSpec trial) {
                        if (trial.number() == 2) {
                            throw new OutOfMemoryError("Java heap space");
                        }
                        return Map.of("score", Double.valueOf(trial.number()));
                    }
                };
        List<String> events = new ArrayList<>();
        try (SqliteExperimentStore store = SqliteExperimentStore.create(folder);
                LocalTrialExecutor executor = new LocalTrialExecutor(1)) {
            ExperimentResult result =
                    Experiment.builder()
                            .setStrategy(new GreedyMutation(1))
                            .setEvaluator(hungry)
                            .setExecutor(executor)
                            .setStore(store)
                            .setMaxTrials(3)
                            .setSeed(1)
                            .addListener(
                                    new ExperimentListener() {
                                        @Override
                                        public void onTrialFinished(
                                                TrialRecord trial, Progress progress) {
                                            events.add(trial.number() + ":" + trial.state());
                                        }
                                    })
                            .build()
                            .run();
            assertThat(events).containsExactly("1:DONE", "2:FAILED", "3:DONE");
            assertThat(result.trials().get(1).errorMessage())
                    .hasValueSatisfying(m -> assertThat(m).contains("out of memory"));
            assertThat(result.best()).hasValueSatisfying(b -> assertThat(b.number()).isEqualTo(3));
        }
    }
}
