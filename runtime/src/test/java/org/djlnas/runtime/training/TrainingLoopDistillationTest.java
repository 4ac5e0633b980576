package org.djlnas.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.file.Path;
import java.util.Optional;
import org.djlnas.api.engine.ImageMemoryFormat;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The training loop with a teacher: a teacher that contradicts the labels wins when its weight is
 * 1, and loses when it is 0, so its logits reach the loss at every step.
 */
class TrainingLoopDistillationTest {

    private Model teacherModel;
    private NDManager manager;
    private NDArray inputs;
    private NDArray labels;

    @BeforeEach
    void createData() {
        manager = NDManager.newBaseManager(TestEngine.name());
        float[] x = new float[8 * 3];
        float[] y = new float[8];
        for (int i = 0; i < 8; i++) {
            y[i] = i % 2;
            x[i * 3] = i % 2 == 0 ? 1 : -1;
            x[i * 3 + 1] = 1;
        }
        inputs = manager.create(x, new Shape(8, 3));
        labels = manager.create(y);
        // The teacher's logits (0, 5·x0) favour class 1 where the label is 0, and class 0 where it
        // is 1: it is wrong on every example.
        teacherModel = Model.newInstance("teacher", TestEngine.name());
        teacherModel.setBlock(
                new LambdaBlock(
                        list -> {
                            NDArray first = list.head().get(":, 0:1");
                            return new NDList(
                                    NDArrays.concat(
                                            new NDList(first.zerosLike(), first.mul(5)), 1));
                        }));
    }

    @AfterEach
    void close() {
        teacherModel.close();
        manager.close();
    }

    /** Trains a small classifier for 60 steps and returns its predicted classes. */
    private float[] trainWith(float weight) throws Exception {
        Distillation distillation = new Distillation(Path.of("teacher"), 2, weight);
        Teacher teacher = new Teacher(teacherModel, distillation, "a contrary teacher");
        try (Model model = Model.newInstance("student", TestEngine.name())) {
            model.setBlock(
                    new SequentialBlock()
                            .add(Linear.builder().setUnits(4).build())
                            .add(Activation::relu)
                            .add(Linear.builder().setUnits(2).build()));
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(
                                    new DistillationLoss(
                                            new SoftmaxCrossEntropyLoss(), distillation))
                            .optOptimizer(
                                    Optimizer.sgd()
                                            .setLearningRateTracker(Tracker.fixed(0.3f))
                                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                Engine.getEngine(TestEngine.name()).setRandomSeed(1);
                trainer.initialize(new Shape(8, 3));
                TrainingLoop loop =
                        new TrainingLoop(
                                trainer, 60, Optional.of(teacher), ImageMemoryFormat.CONTIGUOUS);
                for (int step = 0; step < 60; step++) {
                    try (NDManager batch = manager.newSubManager()) {
                        NDArray x = inputs.duplicate();
                        x.attach(batch);
                        NDArray y = labels.duplicate();
                        y.attach(batch);
                        loop.step(new NDList(x), new NDList(y));
                    }
                }
                return trainer.evaluate(new NDList(inputs))
                        .head()
                        .argMax(1)
                        .toType(DataType.FLOAT32, false)
                        .toFloatArray();
            }
        }
    }

    @Test
    void aTeacherWithWeightOneOverridesTheLabels() throws Exception {
        float[] predicted = trainWith(1);
        for (int i = 0; i < 8; i++) {
            assertThat(predicted[i]).as("example %d", i).isEqualTo(1 - labels.getFloat(i));
        }
    }

    @Test
    void aTeacherWithWeightZeroIsIgnored() throws Exception {
        assertThat(trainWith(0)).containsExactly(labels.toFloatArray());
    }

    @Test
    void aTeacherNeedsTheDistillationLoss() {
        try (Model model = Model.newInstance("student", TestEngine.name())) {
            model.setBlock(Linear.builder().setUnits(2).build());
            try (Trainer trainer =
                    model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()))) {
                Teacher teacher =
                        new Teacher(teacherModel, Distillation.of(Path.of("t")), "a teacher");
                assertThatThrownBy(
                                () ->
                                        new TrainingLoop(
                                                trainer,
                                                1,
                                                Optional.of(teacher),
                                                ImageMemoryFormat.CONTIGUOUS))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("distillation loss");
            }
        }
    }
}
