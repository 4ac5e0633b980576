package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchNormRecalibrationTest {

    private static final int CHANNELS = 3;
    private static final int BATCH = 8;
    private static final Shape INPUT = new Shape(BATCH, CHANNELS, 4, 4);

    @Test
    void theStatisticsBecomeTheMeanOfTheBatchStatisticsWhateverTheyWereBefore() {
        try (NDManager manager = Engine.getEngine(DartsFixtures.ENGINE).newBaseManager()) {
            BatchNorm used = batchNorm(manager);
            BatchNorm unused = batchNorm(manager);
            List<NDArray> statistics =
                    new ArrayList<>(BatchNormRecalibration.runningStatistics(used));
            statistics.addAll(BatchNormRecalibration.runningStatistics(unused));
            statistics.forEach(s -> s.set(new NDIndex("..."), 7));
            ParameterStore store = new ParameterStore(manager, false);
            List<Batch> batches = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                batches.add(batch(manager, b));
            }

            new BatchNormRecalibration(
                            statistics, batch -> used.forward(store, batch.getData(), true))
                    .recalibrate(batches);

            float[] mean = statistics.get(0).toFloatArray();
            float[] variance = statistics.get(1).toFloatArray();
            for (int c = 0; c < CHANNELS; c++) {
                double meanOfMeans = 0;
                double meanOfVariances = 0;
                for (Batch batch : batches) {
                    float[] values = channel(batch.getData().head(), c);
                    double m = average(values);
                    meanOfMeans += m / batches.size();
                    meanOfVariances += unbiasedVariance(values, m) / batches.size();
                }
                assertThat(mean[c])
                        .as("mean of channel %d", c)
                        .isCloseTo((float) meanOfMeans, within(1e-3f));
                assertThat(variance[c])
                        .as("variance of channel %d", c)
                        .isCloseTo(
                                (float) meanOfVariances, within(2e-3f * (float) meanOfVariances));
            }
            assertThat(statistics.get(2).toFloatArray()).containsOnly(7f);
            assertThat(statistics.get(3).toFloatArray()).containsOnly(7f);
        }
    }

    private static BatchNorm batchNorm(NDManager manager) {
        BatchNorm block = BatchNorm.builder().build();
        block.initialize(manager, DataType.FLOAT32, INPUT);
        return block;
    }

    /** A batch whose channels have their own mean and spread, different in every batch. */
    private static Batch batch(NDManager manager, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[(int) INPUT.size()];
        int perChannel = (int) (INPUT.size() / BATCH / CHANNELS);
        for (int i = 0; i < values.length; i++) {
            int c = i / perChannel % CHANNELS;
            values[i] = (float) (3 * c - seed + (1 + c + seed) * random.nextGaussian());
        }
        NDArray x = manager.create(values, INPUT);
        return new Batch(
                manager,
                new NDList(x),
                new NDList(manager.zeros(new Shape(BATCH))),
                BATCH,
                null,
                null,
                0,
                1);
    }

    private static float[] channel(NDArray x, int c) {
        return x.get(new NDIndex(":, {}", c)).toFloatArray();
    }

    private static double average(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double unbiasedVariance(float[] values, double mean) {
        double sum = 0;
        for (float v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
