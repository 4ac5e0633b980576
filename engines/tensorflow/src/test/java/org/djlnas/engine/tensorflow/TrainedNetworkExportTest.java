package org.djlnas.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains a small convolutional network on PyTorch, the way a search trains a found architecture,
 * exports it and checks that DJL's TensorFlow engine computes what PyTorch computes.
 */
@Tag("integration")
class TrainedNetworkExportTest {

    private static final Shape IMAGE = new Shape(3, 12, 12);
    private static final int BATCH_SIZE = 16;
    private static final int STEPS = 20;

    @Test
    void exportOfATrainedNetworkComputesWhatPyTorchComputes(@TempDir Path directory)
            throws Exception {
        Engine.getEngine("PyTorch").setRandomSeed(11);
        try (Model model = Model.newInstance("small-cnn", "PyTorch")) {
            model.setBlock(network());
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                            .optOptimizer(
                                    Optimizer.sgd()
                                            .setLearningRateTracker(Tracker.fixed(0.05f))
                                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(BATCH_SIZE).addAll(IMAGE));
                NDManager manager = trainer.getManager();
                for (int step = 0; step < STEPS; step++) {
                    try (Batch batch = randomBatch(manager.newSubManager())) {
                        EasyTrain.trainBatch(trainer, batch);
                        trainer.step();
                    }
                }
                Block block = model.getBlock();
                NDArray input = manager.randomNormal(new Shape(BATCH_SIZE).addAll(IMAGE));
                NDArray expected =
                        block.forward(new ParameterStore(manager, false), new NDList(input), false)
                                .singletonOrThrow();
                ExportComparison.Result result =
                        ExportComparison.compare(block, IMAGE, input, expected, directory);
                System.out.printf(
                        "max |PyTorch - TensorFlow| = %.3g: trained small CNN%n",
                        result.maxAbsoluteDifference());
                assertThat(result.tensorFlowShape()).isEqualTo(new Shape(BATCH_SIZE, 10));
                assertThat(result.maxAbsoluteDifference())
                        .isLessThanOrEqualTo(ExportComparison.TOLERANCE);
            }
        }
    }

    /** Images whose class is whether their first channel is brighter than their second. */
    private static Batch randomBatch(NDManager manager) {
        NDArray images = manager.randomNormal(new Shape(BATCH_SIZE).addAll(IMAGE));
        NDArray labels =
                images.get(":, 0")
                        .sub(images.get(":, 1"))
                        .reshape(BATCH_SIZE, -1)
                        .sum(new int[] {1})
                        .gt(0f)
                        .toType(DataType.FLOAT32, false);
        return new Batch(
                manager,
                new NDList(images),
                new NDList(labels),
                BATCH_SIZE,
                Batchifier.STACK,
                Batchifier.STACK,
                0,
                1);
    }

    private static Block network() {
        return new SequentialBlock()
                .add(conv(8, 3, 1, 1, 1))
                .add(BatchNorm.builder().build())
                .add(TestBlocks.relu())
                .add(TestBlocks.maxPool(3, 2, 1))
                .add(conv(8, 3, 1, 2, 8))
                .add(conv(16, 1, 1, 1, 1))
                .add(BatchNorm.builder().build())
                .add(TestBlocks.relu())
                .add(
                        new TestBlocks.Branches(
                                TestBlocks.averagePool(3, 1, 1), conv(16, 3, 1, 1, 1), false))
                .add(TestBlocks.globalAveragePool())
                .add(Linear.builder().setUnits(10).build());
    }

    private static Conv2d conv(int filters, int kernel, int stride, int dilation, int groups) {
        int padding = dilation * (kernel - 1) / 2;
        return Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .setFilters(filters)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optDilation(new Shape(dilation, dilation))
                .optGroups(groups)
                .optBias(false)
                .build();
    }
}
