package org.djlnas.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.Constraint;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.eval.TrialInfeasibleException;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.data.FashionMnistSource;
import org.djlnas.runtime.experiment.ConstrainedEvaluator;
import org.djlnas.spaces.nasbench201.NasBench201Space;
import org.djlnas.testing.DataRequirements;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains small NAS-Bench-201 networks (8 channels, one cell per stage) on the real Fashion-MNIST.
 *
 * <p>8 channels rather than 4: with 4 channels, DJL 0.36 / PyTorch 2.7.1 on this CPU produce NaN
 * losses at random steps, differently from run to run with the same seed (see {@link
 * #fourChannelNetworksTrainWithoutNaN}); with 8 and 16 channels every run so far was finite and
 * bitwise repeatable.
 */
@Tag("integration")
class TrainingEvaluatorTest {

    private static final Path DATA = FashionMnist.DEFAULT_DIRECTORY;

    /** Shared, so the files are read once for all tests. */
    private static FashionMnistSource source;

    private static String engine;

    @TempDir Path saveDir;

    private final NasBench201Space space = Trials.space(8);
    private final Architecture architecture = Trials.architecture(space, Trials.TEST_CELL);

    @BeforeAll
    static void loadEngineAndData() {
        DataRequirements.requireFashionMnist(DATA);
        engine = TestEngine.name();
        source = new FashionMnistSource(DATA);
    }

    private TrainingEvaluator evaluator(TrainingSettings settings) {
        return new TrainingEvaluator(space, source, engine, settings, EngineSelector.discover());
    }

    @Test
    void oneEpochOn4000ExamplesIsClearlyAboveChance() throws Exception {
        long start = System.nanoTime();
        Map<String, Double> metrics =
                evaluator(TrainingSettings.defaults())
                        .evaluate(new TrialSpec(1, architecture, new Budget(1, 4000), 42));
        System.out.printf(
                "1 epoch × 4000 examples, C=8: %s (%.1f s in all)%n",
                metrics, (System.nanoTime() - start) / 1e9);
        assertThat(metrics)
                .containsOnlyKeys(
                        Metrics.ACCURACY,
                        Metrics.LOSS,
                        TrainingEvaluator.SKIPPED_STEPS,
                        Metrics.PARAMETERS,
                        Metrics.TRAIN_SECONDS,
                        Metrics.ERROR,
                        Metrics.FLOPS,
                        Metrics.LATENCY_MS,
                        Metrics.LATENCY_BATCH_MS,
                        Metrics.PEAK_MEMORY_MB);
        assertThat(metrics.keySet())
                .isEqualTo(evaluator(TrainingSettings.defaults()).reportedMetrics());
        assertThat(metrics.get(Metrics.ERROR)).isEqualTo(1 - metrics.get(Metrics.ACCURACY));
        assertThat(metrics.values()).allSatisfy(v -> assertThat(v).isFinite().isNotNegative());
        assertThat(metrics.get(TrainingEvaluator.SKIPPED_STEPS)).isLessThanOrEqualTo(6.0);
        assertThat(metrics.get(Metrics.ACCURACY)).isGreaterThan(0.3).isLessThanOrEqualTo(1.0);
        assertThat(metrics.get(Metrics.PARAMETERS)).isGreaterThan(1_000.0);
        assertThat(metrics.get(Metrics.PARAMETERS) % 1).isZero();
    }

    @Test
    void measuresTheUntrainedNetworkAsTheTrainedOne() throws Exception {
        TrainingEvaluator evaluator = evaluator(TrainingSettings.defaults());
        assertThat(evaluator.reportedMetrics()).containsAll(evaluator.metricsBeforeTraining());
        TrialSpec trial = new TrialSpec(5, architecture, new Budget(0.1, 640), 11);
        Map<String, Double> before =
                evaluator.measureBeforeTraining(trial, evaluator.metricsBeforeTraining());
        assertThat(before)
                .containsOnlyKeys(
                        Metrics.PARAMETERS,
                        Metrics.FLOPS,
                        Metrics.LATENCY_MS,
                        Metrics.LATENCY_BATCH_MS,
                        Metrics.PEAK_MEMORY_MB);
        Map<String, Double> after = evaluator.evaluate(trial);
        for (String exact : List.of(Metrics.PARAMETERS, Metrics.FLOPS, Metrics.PEAK_MEMORY_MB)) {
            assertThat(before.get(exact)).as(exact).isEqualTo(after.get(exact));
        }
        assertThat(before.get(Metrics.LATENCY_MS)).isFinite().isPositive();
        assertThat(evaluator.measureBeforeTraining(trial, Set.of(Metrics.FLOPS)))
                .containsOnlyKeys(Metrics.FLOPS);
        assertThatThrownBy(() -> evaluator.measureBeforeTraining(trial, Set.of(Metrics.LOSS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'loss' cannot be measured before training");
    }

    @Test
    void aConstraintOnMultiplyAddsRejectsATrialBeforeItTrains() throws Exception {
        TrainingEvaluator evaluator = evaluator(TrainingSettings.defaults());
        TrialSpec trial = new TrialSpec(6, architecture, new Budget(0.1, 640), 13);
        double flops =
                evaluator.measureBeforeTraining(trial, Set.of(Metrics.FLOPS)).get(Metrics.FLOPS);
        Evaluator tight =
                ConstrainedEvaluator.of(
                        evaluator, List.of(), List.of(Constraint.parse("flops<=" + (flops - 1))));
        assertThatThrownBy(() -> tight.evaluate(trial))
                .isInstanceOf(TrialInfeasibleException.class)
                .hasMessageContaining("before training")
                .hasMessageContaining("flops");
        Evaluator loose =
                ConstrainedEvaluator.of(
                        evaluator, List.of(), List.of(Constraint.parse("flops<=" + flops)));
        assertThat(loose.evaluate(trial))
                .containsEntry(Metrics.FLOPS, flops)
                .containsKey(Metrics.ACCURACY);
    }

    @Test
    void divergingLossFailsTheTrial() {
        TrainingEvaluator evaluator = evaluator(TrainingSettings.defaults().withLearningRate(1e6f));
        assertThatThrownBy(
                        () ->
                                evaluator.evaluate(
                                        new TrialSpec(2, architecture, new Budget(1, 1280), 7)))
                .isInstanceOf(TrialFailedException.class)
                .hasMessageMatching("loss became (NaN|infinite) at step \\d+ of 20")
                .satisfies(e -> System.out.println("diverging trial: " + e.getMessage()));
    }

    @Test
    void sameSeedGivesTheSameResult() throws Exception {
        TrainingEvaluator evaluator =
                evaluator(TrainingSettings.defaults().withSplit(new DataSplit(0, 0.1, 640)));
        TrialSpec trial = new TrialSpec(3, architecture, new Budget(0.5, 1280), 99);
        Map<String, Double> first = evaluator.evaluate(trial);
        Map<String, Double> second = evaluator.evaluate(trial);
        assertThat(second.get(Metrics.LOSS)).isEqualTo(first.get(Metrics.LOSS));
        assertThat(second.get(Metrics.ACCURACY)).isEqualTo(first.get(Metrics.ACCURACY));
        Map<String, Double> other =
                evaluator.evaluate(new TrialSpec(3, architecture, new Budget(0.5, 1280), 100));
        assertThat(other.get(Metrics.LOSS)).isNotEqualTo(first.get(Metrics.LOSS));
    }

    @Test
    void savedWeightsGiveTheTestAccuracy() throws Exception {
        TrainingEvaluator evaluator = evaluator(TrainingSettings.defaults());
        Map<String, Double> metrics =
                evaluator.evaluate(
                        new TrialSpec(4, architecture, new Budget(1, 2000), 5),
                        saveDir,
                        Optional.empty(),
                        TrialReporter.NONE);
        assertThat(saveDir.resolve("model-0000.params")).isRegularFile();
        double test = evaluator.testObjective(architecture, saveDir);
        System.out.printf(
                "validation accuracy %.4f, test accuracy %.4f%n",
                metrics.get(Metrics.ACCURACY), test);
        assertThat(test).isGreaterThan(0.3);
        assertThat(test)
                .isCloseTo(metrics.get(Metrics.ACCURACY), org.assertj.core.data.Offset.offset(0.1));
    }

    /**
     * After 10 steps the running statistics still mostly describe the initial weights;
     * re-estimating them lowers the validation loss and raises the accuracy (seeds 3 to 6 all gave
     * gains of 0.07 to 0.17 in accuracy on PyTorch).
     */
    @Test
    void recalibratedStatisticsValidateBetterAfterAShortTraining() throws Exception {
        TrainingSettings settings =
                TrainingSettings.defaults().withSplit(new DataSplit(0, 0.1, 640));
        TrialSpec trial = new TrialSpec(7, architecture, new Budget(0.5, 1280), 5);
        Map<String, Double> without =
                evaluator(settings.withRecalibrationBatches(0)).evaluate(trial);
        Map<String, Double> with = evaluator(settings).evaluate(trial);
        System.out.printf(
                "10 steps, validation without recalibration %s, with %s%n", without, with);
        assertThat(with.get(Metrics.LOSS)).isLessThan(without.get(Metrics.LOSS));
        assertThat(with.get(Metrics.ACCURACY)).isGreaterThan(without.get(Metrics.ACCURACY) + 0.05);
    }

    @Test
    void trialsRunInParallel() throws Exception {
        TrainingEvaluator evaluator =
                evaluator(TrainingSettings.defaults().withSplit(new DataSplit(0, 0.1, 640)));
        TrialSpec a = new TrialSpec(5, architecture, new Budget(1, 640), 1);
        TrialSpec b = new TrialSpec(6, architecture, new Budget(1, 640), 2);
        Map<String, Double> aAlone = evaluator.evaluate(a);
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var futureA = pool.submit(() -> evaluator.evaluate(a));
            var futureB = pool.submit(() -> evaluator.evaluate(b));
            assertThat(futureA.get().get(Metrics.LOSS)).isEqualTo(aAlone.get(Metrics.LOSS));
            assertThat(futureB.get().get(Metrics.ACCURACY)).isBetween(0.0, 1.0);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The engine problem the gradient guard works around: repeated trials of a 4-channel network
     * sometimes get NaN gradients from PyTorch's convolution backward at a random step. The guard
     * skips those steps, so every trial trains and learns.
     */
    @Test
    @Tag("integration")
    void fourChannelNetworksTrainDespiteNonFiniteGradients() throws Exception {
        NasBench201Space narrow = Trials.space(4);
        TrainingEvaluator evaluator =
                new TrainingEvaluator(
                        narrow,
                        source,
                        engine,
                        TrainingSettings.defaults().withSplit(new DataSplit(0, 0.1, 640)),
                        EngineSelector.discover());
        for (int repeat = 0; repeat < 6; repeat++) {
            Map<String, Double> metrics =
                    evaluator.evaluate(
                            new TrialSpec(
                                    10 + repeat,
                                    Trials.architecture(narrow, Trials.TEST_CELL),
                                    new Budget(1, 2000),
                                    1));
            assertThat(metrics.get(Metrics.ACCURACY)).isGreaterThan(0.2);
            assertThat(metrics.get(TrainingEvaluator.SKIPPED_STEPS)).isLessThanOrEqualTo(3.0);
        }
    }
}
