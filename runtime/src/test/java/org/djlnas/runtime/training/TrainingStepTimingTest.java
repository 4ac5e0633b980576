package org.djlnas.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.Iterator;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.space.ParameterCount;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.data.FashionMnistSource;
import org.djlnas.spaces.nasbench201.NasBench201Space;
import org.djlnas.testing.DataRequirements;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures one training step (forward, backward, SGD update) of batch 64 on Fashion-MNIST, and one
 * inference pass, for small NAS-Bench-201 networks, through the search's {@link TrainingLoop}.
 * Prints the figures; asserts that the timed steps trained (the loss went down).
 */
@Tag("integration")
@Tag("benchmark")
class TrainingStepTimingTest {

    private static final int WARM_UP = 10;
    private static final int TIMED = 40;

    @Test
    void testCellC4() throws Exception {
        measure("test cell, C=4, N=1", 4, Trials.TEST_CELL);
    }

    @Test
    void testCellC8() throws Exception {
        measure("test cell, C=8, N=1", 8, Trials.TEST_CELL);
    }

    @Test
    void allConv3x3C8() throws Exception {
        measure("all nor_conv_3x3, C=8, N=1", 8, Trials.ALL_CONV_3X3);
    }

    private static void measure(String name, int channels, String cell) throws Exception {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
        String engine = TestEngine.name();
        NasBench201Space space = Trials.space(channels);
        Block block = space.compile(Trials.architecture(space, cell));
        RandomAccessDataset train =
                new FashionMnistSource(FashionMnist.DEFAULT_DIRECTORY)
                        .train(DataSplit.of(0), 64 * (WARM_UP + TIMED + 1), 64, 1);
        try (Model model = Model.newInstance("timing", engine)) {
            model.setBlock(block);
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(new SoftmaxCrossEntropyLoss())
                            .optInitializer(
                                    new XavierInitializer(
                                            XavierInitializer.RandomType.GAUSSIAN,
                                            XavierInitializer.FactorType.IN,
                                            2),
                                    Parameter.Type.WEIGHT)
                            .optOptimizer(
                                    Optimizer.sgd()
                                            .setLearningRateTracker(Tracker.fixed(0.01f))
                                            .optMomentum(0.9f)
                                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(64, 1, 28, 28));
                double[] stepMs = new double[TIMED];
                double[] inferenceMs = new double[TIMED];
                float[] losses = new float[WARM_UP + TIMED];
                TrainingLoop loop = new TrainingLoop(trainer, WARM_UP + TIMED);
                Iterator<Batch> batches = train.getData(trainer.getManager()).iterator();
                for (int i = 0; i < WARM_UP + TIMED; i++) {
                    try (Batch batch = batches.next()) {
                        long start = System.nanoTime();
                        losses[i] = loop.step(batch.getData(), batch.getLabels());
                        if (i >= WARM_UP) {
                            stepMs[i - WARM_UP] = (System.nanoTime() - start) / 1e6;
                        }
                    }
                }
                // Inference after training, as the evaluator measures it: interleaved with
                // updates, each pass would also pay for the changed weights.
                try (Batch batch = batches.next()) {
                    for (int i = -WARM_UP; i < TIMED; i++) {
                        try (NDManager scope = batch.getManager().newSubManager()) {
                            scope.tempAttachAll(batch.getData());
                            long start = System.nanoTime();
                            trainer.evaluate(batch.getData()).head().getFloat(0, 0);
                            if (i >= 0) {
                                inferenceMs[i] = (System.nanoTime() - start) / 1e6;
                            }
                        }
                    }
                }
                System.out.printf(
                        "%s (%d parameters): training step of 64: mean %.1f ms, median %.1f ms;"
                                + " inference of 64: mean %.1f ms, median %.1f ms%n",
                        name,
                        ParameterCount.trainable(block),
                        mean(stepMs),
                        median(stepMs),
                        mean(inferenceMs),
                        median(inferenceMs));
                // The timed steps trained: the loss of the last ten is below that of the first.
                assertThat(mean(Arrays.copyOfRange(losses, WARM_UP + TIMED - 10, WARM_UP + TIMED)))
                        .isLessThan(mean(Arrays.copyOfRange(losses, 0, 10)));
            }
        }
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
