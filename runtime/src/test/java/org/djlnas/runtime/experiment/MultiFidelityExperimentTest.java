package org.djlnas.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.Pruner;
import org.djlnas.api.eval.TrialPrunedException;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.IntermediateValue;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.pruning.MedianStoppingRule;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultiFidelityExperimentTest {

    private static final SearchSpace SPACE =
            new NasBench201Provider()
                    .create(
                            Settings.defaults("space", new NasBench201Provider().settings()),
                            OpRegistry.discover());

    @TempDir Path folder;

    /**
     * One successive-halving bracket: four architectures at one epoch, then the best two continued
     * to three epochs. Fails the test if it is asked while it awaits outcomes.
     */
    static final class OneBracket implements Strategy {
        private final SplittableRandom random;
        private final List<TrialOutcome> rung = new ArrayList<>();
        private int asked;

        OneBracket(long seed) {
            random = new SplittableRandom(seed);
        }

        @Override
        public Optional<Proposal> ask() {
            assertThat(awaitsOutcomes()).as("asked while awaiting outcomes").isFalse();
            asked++;
            if (asked <= 4) {
                return Optional.of(new Proposal(SPACE.sample(random), Budget.ofEpochs(1)));
            }
            if (asked <= 6) {
                TrialOutcome promoted =
                        rung.stream()
                                .sorted(
                                        Comparator.comparingDouble(
                                                (TrialOutcome o) -> -o.objective().orElse(-1)))
                                .toList()
                                .get(asked - 5);
                return Optional.of(Proposal.continuing(promoted, Budget.ofEpochs(3)));
            }
            return Optional.empty();
        }

        @Override
        public void tell(TrialOutcome outcome) {
            if (outcome.spec().number() <= 4) {
                rung.add(outcome);
            }
        }

        @Override
        public boolean awaitsOutcomes() {
            return asked == 4 && rung.size() < 4;
        }
    }

    /**
     * Reports, after each epoch, a score that grows with the epoch from a base fixed by the
     * architecture; a continuing trial starts from the epochs its earlier trial reached.
     */
    static final class GrowingScore implements Evaluator {
        private final Map<Integer, Double> epochsByTrial =
                new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public String objective() {
            return "score";
        }

        @Override
        public Map<String, Double> evaluate(TrialSpec trial) {
            throw new AssertionError("the experiment must pass a reporter");
        }

        @Override
        public Map<String, Double> evaluate(TrialSpec trial, TrialReporter reporter)
                throws TrialPrunedException {
            int start =
                    trial.continues().isPresent()
                            ? (int) Math.round(epochsByTrial.get(trial.continues().getAsInt()))
                            : 0;
            double base = Math.floorMod(trial.architecture().id().hashCode(), 100) / 100.0;
            double score = 0;
            for (int epoch = start + 1; epoch <= trial.budget().epochs(); epoch++) {
                score = base + epoch;
                reporter.report(score, epoch);
                if (epoch < trial.budget().epochs() && reporter.shouldStop()) {
                    throw new TrialPrunedException("stopped", Map.of("score", score));
                }
            }
            epochsByTrial.put(trial.number(), trial.budget().epochs());
            return Map.of("score", score);
        }
    }

    private List<TrialRecord> run(Path dir, int parallel, Strategy strategy, Pruner pruner)
            throws Exception {
        try (SqliteExperimentStore store =
                        dir.resolve(SqliteExperimentStore.FILE_NAME).toFile().exists()
                                ? SqliteExperimentStore.open(dir)
                                : SqliteExperimentStore.create(dir);
                LocalTrialExecutor executor = new LocalTrialExecutor(parallel)) {
            return Experiment.builder()
                    .setStrategy(strategy)
                    .setEvaluator(new GrowingScore())
                    .setExecutor(executor)
                    .setStore(store)
                    .setMaxTrials(20)
                    .setSeed(3)
                    .setPruner(pruner)
                    .build()
                    .run()
                    .trials();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void continuingTrialsKeepTheirEarlierTrialsSeedAndAreJournaledPerBudget(int parallel)
            throws Exception {
        List<TrialRecord> trials = run(folder, parallel, new OneBracket(1), Pruner.NEVER);

        assertThat(trials).hasSize(6);
        assertThat(trials).allMatch(t -> t.state() == TrialState.DONE);
        List<TrialRecord> firstRung = trials.subList(0, 4);
        List<Integer> bestTwo =
                firstRung.stream()
                        .sorted(
                                Comparator.comparingDouble(
                                        (TrialRecord t) -> -t.metric("score").getAsDouble()))
                        .map(TrialRecord::number)
                        .limit(2)
                        .toList();
        for (TrialRecord continuing : trials.subList(4, 6)) {
            int earlier = continuing.spec().continues().getAsInt();
            TrialRecord continued = trials.get(earlier - 1);
            assertThat(earlier).isIn(bestTwo);
            assertThat(continuing.spec().seed()).isEqualTo(continued.spec().seed());
            assertThat(continuing.spec().architecture()).isEqualTo(continued.spec().architecture());
            assertThat(continuing.spec().budget().epochs()).isEqualTo(3);
            assertThat(continuing.metric("score").getAsDouble())
                    .isEqualTo(continued.metric("score").getAsDouble() + 2);
        }
        try (SqliteExperimentStore store = SqliteExperimentStore.open(folder)) {
            assertThat(store.trials().get(4).spec().continues())
                    .isEqualTo(trials.get(4).spec().continues());
            assertThat(store.trials().get(0).spec().continues()).isEqualTo(OptionalInt.empty());
            // One report per epoch trained: 4 trials × epoch 1, then epochs 2 and 3 of two.
            assertThat(store.reports()).hasSize(4 + 2 * 2);
            assertThat(store.reports())
                    .contains(
                            new IntermediateValue(
                                    5, 3, trials.get(4).metric("score").getAsDouble()));
        }
    }

    @Test
    void theSameSeedGivesTheSameBracketAtAnyParallelismAndOnResume() throws Exception {
        List<TrialRecord> serial =
                run(folder.resolve("serial"), 1, new OneBracket(4), Pruner.NEVER);
        List<TrialRecord> parallel =
                run(folder.resolve("parallel"), 3, new OneBracket(4), Pruner.NEVER);
        List<TrialRecord> resumed =
                run(folder.resolve("serial"), 1, new OneBracket(4), Pruner.NEVER);

        assertThat(parallel)
                .extracting(TrialRecord::spec)
                .isEqualTo(serial.stream().map(TrialRecord::spec).toList());
        assertThat(resumed)
                .extracting(TrialRecord::spec, TrialRecord::state, TrialRecord::metrics)
                .isEqualTo(
                        serial.stream()
                                .map(
                                        t ->
                                                org.assertj.core.groups.Tuple.tuple(
                                                        t.spec(), t.state(), t.metrics()))
                                .toList());
    }

    @Test
    void aStrategyThatAwaitsWithNothingRunningIsAnError() {
        Strategy stuck =
                new Strategy() {
                    @Override
                    public Optional<Proposal> ask() {
                        return Optional.empty();
                    }

                    @Override
                    public void tell(TrialOutcome outcome) {}

                    @Override
                    public boolean awaitsOutcomes() {
                        return true;
                    }
                };

        assertThatThrownBy(() -> run(folder, 1, stuck, Pruner.NEVER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("awaits outcomes");
    }

    @Test
    void continuingATrialThatHasNotFinishedIsAnError() {
        Strategy premature =
                new Strategy() {
                    private final SplittableRandom random = new SplittableRandom(2);
                    private int asked;

                    @Override
                    public Optional<Proposal> ask() {
                        asked++;
                        Architecture architecture = SPACE.sample(random);
                        return Optional.of(
                                asked == 1
                                        ? new Proposal(architecture, Budget.ofEpochs(1))
                                        : new Proposal(
                                                architecture,
                                                Budget.ofEpochs(2),
                                                OptionalInt.of(7)));
                    }

                    @Override
                    public void tell(TrialOutcome outcome) {}
                };

        assertThatThrownBy(() -> run(folder, 1, premature, Pruner.NEVER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("continue trial 7");
    }

    @Test
    void theMedianRuleStopsTrialsBelowTheMedianAndJournalsThemAsPruned() throws Exception {
        // Scores grow by one an epoch over an architecture's base in [0, 1), so at each epoch the
        // median decides by base alone: about half the trials after the first five are stopped.
        Strategy fiveEpochs =
                new Strategy() {
                    private final SplittableRandom random = new SplittableRandom(9);

                    @Override
                    public Optional<Proposal> ask() {
                        return Optional.of(new Proposal(SPACE.sample(random), Budget.ofEpochs(5)));
                    }

                    @Override
                    public void tell(TrialOutcome outcome) {}
                };

        List<TrialRecord> trials = run(folder, 1, fiveEpochs, new MedianStoppingRule(5, 1));

        assertThat(trials.subList(0, 5)).allMatch(t -> t.state() == TrialState.DONE);
        List<TrialRecord> pruned =
                trials.stream().filter(t -> t.state() == TrialState.PRUNED).toList();
        assertThat(pruned).isNotEmpty();
        for (TrialRecord trial : pruned) {
            double score = trial.metric("score").getAsDouble();
            int epoch = (int) Math.floor(score);
            assertThat(epoch).as("never stopped in the warm-up epoch").isGreaterThanOrEqualTo(2);
            double[] earlier =
                    trials.stream()
                            .filter(
                                    t ->
                                            t.number() < trial.number()
                                                    && t.state() == TrialState.DONE)
                            .mapToDouble(t -> t.metric("score").getAsDouble() - 5 + epoch)
                            .sorted()
                            .toArray();
            assertThat(score).isLessThan(earlier[earlier.length - 1]);
            assertThat(trial.error()).contains("stopped");
        }
        assertThat(trials.stream().filter(t -> t.state() == TrialState.DONE).count())
                .isGreaterThan(5);
        try (SqliteExperimentStore store = SqliteExperimentStore.open(folder)) {
            for (TrialRecord trial : pruned) {
                assertThat(store.reports().stream().filter(r -> r.trial() == trial.number()))
                        .last()
                        .extracting(IntermediateValue::value)
                        .isEqualTo(trial.metric("score").getAsDouble());
            }
        }
    }
}
