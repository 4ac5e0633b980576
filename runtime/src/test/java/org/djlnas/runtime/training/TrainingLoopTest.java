package org.djlnas.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.eval.TrialPrunedException;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The training loop on a small classifier of 8 examples, 4 per batch, on the test engine. */
class TrainingLoopTest {

    private Model model;
    private Trainer trainer;
    private ArrayDataset examples;

    @BeforeEach
    void createTrainer() {
        model = Model.newInstance("loop", TestEngine.name());
        // Two layers: DJL refuses a first update whose gradients sum to exactly zero, as a lone
        // linear layer's under softmax cross-entropy do.
        model.setBlock(
                new SequentialBlock()
                        .add(Linear.builder().setUnits(4).build())
                        .add(Activation::relu)
                        .add(Linear.builder().setUnits(2).build()));
        trainer =
                model.newTrainer(
                        new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                                .optOptimizer(
                                        Optimizer.sgd()
                                                .setLearningRateTracker(Tracker.fixed(0.5f))
                                                .build()));
        Engine.getEngine(TestEngine.name()).setRandomSeed(1);
        trainer.initialize(new Shape(4, 3));
        NDManager manager = model.getNDManager();
        float[] inputs = new float[8 * 3];
        float[] labels = new float[8];
        for (int i = 0; i < 8; i++) {
            labels[i] = i % 2;
            inputs[i * 3] = i % 2 == 0 ? 1 : -1;
            inputs[i * 3 + 1] = 1;
        }
        examples =
                new ArrayDataset.Builder()
                        .setData(manager.create(inputs, new Shape(8, 3)))
                        .optLabels(manager.create(labels))
                        .setSampling(4, false)
                        .build();
    }

    @AfterEach
    void close() {
        trainer.close();
        model.close();
    }

    /** Keeps every report; says stop once an epoch at or after {@code stopAfter} is reported. */
    private static final class Recorder implements TrialReporter {
        final List<Integer> epochs = new ArrayList<>();
        private final int stopAfter;

        Recorder(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public void report(double value, int step) {
            epochs.add(step);
        }

        @Override
        public boolean shouldStop() {
            return epochs.get(epochs.size() - 1) >= stopAfter;
        }
    }

    /** A measure that counts its calls and gives the call number as the accuracy. */
    private static final class Counting implements TrainingLoop.Measure {
        int calls;

        @Override
        public Map<String, Double> measure() {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put(Metrics.ACCURACY, (double) ++calls);
            return metrics;
        }
    }

    @Test
    void stepsLowerTheLossOnSeparableData() throws Exception {
        TrainingLoop loop = new TrainingLoop(trainer, 20);
        float first = Float.NaN;
        float last = Float.NaN;
        for (int step = 0; step < 20; step++) {
            var batch = examples.getData(model.getNDManager()).iterator().next();
            try (batch) {
                float loss = loop.step(batch.getData(), batch.getLabels());
                first = step == 0 ? loss : first;
                last = loss;
            }
        }
        assertThat(last).isLessThan(first / 2);
        assertThat(loop.skipped()).isZero();
    }

    @Test
    void aNonFiniteLossFailsNamingTheStep() throws Exception {
        TrainingLoop loop = new TrainingLoop(trainer, 3);
        NDManager manager = model.getNDManager();
        NDArray nan = manager.full(new Shape(4, 3), Float.NaN);
        assertThatThrownBy(
                        () -> loop.step(new NDList(nan), new NDList(manager.zeros(new Shape(4)))))
                .isInstanceOf(TrialFailedException.class)
                .hasMessage("loss became NaN at step 1 of 3");
    }

    @Test
    void reportsEveryWholeEpochThenTheLastAndMeasuresOnlyWhenSomeoneListens() throws Exception {
        StepPlan plan = StepPlan.of(0, 3, 2);
        Recorder recorder = new Recorder(Integer.MAX_VALUE);
        Counting measure = new Counting();
        Map<String, Double> metrics =
                new TrainingLoop(trainer, plan.steps())
                        .run(examples, plan, recorder, measure, Metrics.ACCURACY);
        assertThat(recorder.epochs).containsExactly(1, 2, 3);
        assertThat(metrics)
                .containsEntry(Metrics.ACCURACY, 3.0)
                .containsEntry(TrainingEvaluator.SKIPPED_STEPS, 0.0);

        Counting unheard = new Counting();
        new TrainingLoop(trainer, plan.steps())
                .run(examples, plan, TrialReporter.NONE, unheard, Metrics.ACCURACY);
        assertThat(unheard.calls).isEqualTo(1);
    }

    @Test
    void aReporterThatSaysStopEndsTheTrainingWithTheMetricsOfThatEpoch() {
        StepPlan plan = StepPlan.of(0, 3, 2);
        Recorder recorder = new Recorder(2);
        assertThatThrownBy(
                        () ->
                                new TrainingLoop(trainer, plan.steps())
                                        .run(
                                                examples,
                                                plan,
                                                recorder,
                                                new Counting(),
                                                Metrics.ACCURACY))
                .isInstanceOf(TrialPrunedException.class)
                .hasMessage("stopped early after epoch 2 at validation accuracy 2.0")
                .satisfies(
                        e ->
                                assertThat(((TrialPrunedException) e).metrics())
                                        .containsEntry(Metrics.ACCURACY, 2.0));
        assertThat(recorder.epochs).containsExactly(1, 2);
    }
}
