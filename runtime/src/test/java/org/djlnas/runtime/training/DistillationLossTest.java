package org.djlnas.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import java.nio.file.Path;
import java.util.Random;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The distillation loss against values computed by hand (numpy, float64). */
class DistillationLossTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager(TestEngine.name());
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static DistillationLoss loss(float temperature, float weight) {
        return new DistillationLoss(
                new SoftmaxCrossEntropyLoss(),
                new Distillation(Path.of("teacher"), temperature, weight));
    }

    private float evaluate(DistillationLoss loss, float[][] student, float[][] teacher, float[] y) {
        NDArray labels = manager.create(y);
        NDList targets =
                teacher == null ? new NDList(labels) : new NDList(labels, manager.create(teacher));
        return loss.evaluate(targets, new NDList(manager.create(student))).getFloat();
    }

    @Test
    void matchesAHandComputedValue() {
        // s = (1, 2, 0), t = (2, 0, 1), label 1, T = 2: CE = 0.4076060, KL = 0.2205144;
        // 0.5 · CE + 0.5 · 4 · KL = 0.6448318.
        float[][] student = {{1, 2, 0}};
        float[][] teacher = {{2, 0, 1}};
        float[] label = {1};
        assertThat(evaluate(loss(2, 0.5f), student, teacher, label))
                .isCloseTo(0.6448318f, within(1e-5f));
        assertThat(evaluate(loss(2, 1), student, teacher, label))
                .isCloseTo(4 * 0.2205144f, within(1e-5f));
        assertThat(evaluate(loss(2, 0), student, teacher, label))
                .isCloseTo(0.4076060f, within(1e-6f));
    }

    @Test
    void averagesOverTheBatch() {
        float[][] student = {{1, 2, 0}, {1, 2, 0}, {0, 0, 0}};
        float[][] teacher = {{2, 0, 1}, {2, 0, 1}, {0, 0, 0}};
        // The third example has CE = ln 3 and KL = 0.
        float expected = (2 * 0.6448318f + 0.5f * (float) Math.log(3)) / 3;
        assertThat(evaluate(loss(2, 0.5f), student, teacher, new float[] {1, 1, 2}))
                .isCloseTo(expected, within(1e-5f));
    }

    @Test
    void weightZeroIsPlainCrossEntropy() {
        Random random = new Random(3);
        float[][] student = new float[8][10];
        float[][] teacher = new float[8][10];
        float[] labels = new float[8];
        for (int i = 0; i < 8; i++) {
            labels[i] = random.nextInt(10);
            for (int c = 0; c < 10; c++) {
                student[i][c] = (float) random.nextGaussian() * 3;
                teacher[i][c] = (float) random.nextGaussian() * 3;
            }
        }
        float plain =
                new SoftmaxCrossEntropyLoss()
                        .evaluate(
                                new NDList(manager.create(labels)),
                                new NDList(manager.create(student)))
                        .getFloat();
        assertThat(evaluate(loss(4, 0), student, teacher, labels)).isEqualTo(plain);
        // Labels without the teacher's logits (validation) get the plain loss at any weight.
        assertThat(evaluate(loss(4, 0.9f), student, null, labels)).isEqualTo(plain);
        assertThat(evaluate(loss(4, 0.9f), student, teacher, labels)).isNotEqualTo(plain);
    }

    @Test
    void aTeacherThatAgreesAddsNothing() {
        float[][] logits = {{0.5f, -1, 3}, {2, 2, -2}};
        float[] labels = {2, 0};
        float plain = evaluate(loss(3, 0), logits, logits, labels);
        assertThat(evaluate(loss(3, 0.7f), logits, logits, labels))
                .isCloseTo(0.3f * plain, within(1e-6f));
        // Shifting the teacher's logits by a constant changes none of its probabilities.
        float[][] shifted = {{10.5f, 9, 13}, {-3, -3, -7}};
        assertThat(evaluate(loss(3, 0.7f), logits, shifted, labels))
                .isCloseTo(0.3f * plain, within(1e-5f));
    }

    @Test
    void theTemperatureSoftensAndTheSquareKeepsTheScale() {
        float[][] student = {{1, 2, 0}};
        float[][] teacher = {{2, 0, 1}};
        float[] label = {1};
        // T² · KL by hand: T = 0.5 gives 0.4761856, T = 2 gives 0.8820577.
        assertThat(evaluate(loss(0.5f, 1), student, teacher, label))
                .isCloseTo(0.4761856f, within(1e-5f));
        assertThat(evaluate(loss(2, 1), student, teacher, label))
                .isCloseTo(0.8820577f, within(1e-5f));
        // Hinton et al., section 2.1: as T grows, T² · KL tends to the squared difference of the
        // zero-mean logits over 2C, here ((−1)² + 2² + (−1)²) / 6 = 1; T = 100 gives 0.99832.
        assertThat(evaluate(loss(100, 1), student, teacher, label))
                .isCloseTo(0.99832f, within(1e-4f));
    }

    @Test
    void badSettingsNameTheirField() {
        assertThatThrownBy(() -> new Distillation(Path.of("t"), 0, 0.5f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`teacherTemperature` is 0.0; expected a finite number > 0");
        assertThatThrownBy(() -> new Distillation(Path.of("t"), 4, 1.5f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`teacherWeight` is 1.5; expected a number in [0, 1]");
        assertThat(Distillation.of(Path.of("t")))
                .isEqualTo(new Distillation(Path.of("t"), 4, 0.9f));
    }
}
