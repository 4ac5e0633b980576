package org.djlnas.runtime.search;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Dataset;
import java.io.IOException;
import java.util.Arrays;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.data.Task;
import org.djlnas.api.oneshot.OneShotData;
import org.djlnas.runtime.experiment.TrialSeeds;

/**
 * The data of a one-shot search: the training pool of the experiment's split (the examples its
 * validation set does not hold, capped at the experiment's maximum), cut into two halves of a
 * seeded permutation, one for the weight steps and one for the architecture steps. The split's
 * validation examples stay unseen by the search, so retraining the derived architecture is
 * validated on examples the search never used.
 */
final class BilevelHalves implements OneShotData {

    private final DataSource source;
    private final int[] weightExamples;
    private final int[] architectureExamples;
    private final long seed;
    private final Task task;
    private final Shape inputShape;

    private BilevelHalves(
            DataSource source, int[] weightExamples, int[] architectureExamples, long seed)
            throws IOException {
        this.source = source;
        this.task = source.task();
        this.inputShape = source.inputShape();
        this.weightExamples = weightExamples;
        this.architectureExamples = architectureExamples;
        this.seed = seed;
    }

    /**
     * Cuts the training pool in two.
     *
     * @param source the data set
     * @param split the experiment's split
     * @param maxTrainExamples a cap on the pool, or 0 for all of it
     * @param seed the seed of the cut and of every epoch's order
     * @return the halves
     * @throws IOException if the data set cannot be read
     */
    static BilevelHalves of(DataSource source, DataSplit split, int maxTrainExamples, long seed)
            throws IOException {
        int[] pool = split.apply(source.trainingSetSize(), maxTrainExamples).train();
        if (pool.length < 2) {
            throw new IllegalArgumentException(
                    "a one-shot search needs at least 2 training examples; the split leaves "
                            + pool.length);
        }
        int[] order = DataSplit.permutation(pool.length, seed);
        int half = pool.length / 2;
        int[] weights = new int[half];
        int[] architecture = new int[pool.length - half];
        for (int i = 0; i < pool.length; i++) {
            if (i < half) {
                weights[i] = pool[order[i]];
            } else {
                architecture[i - half] = pool[order[i]];
            }
        }
        Arrays.sort(weights);
        Arrays.sort(architecture);
        return new BilevelHalves(source, weights, architecture, seed);
    }

    @Override
    public Task task() {
        return task;
    }

    @Override
    public Shape exampleShape() {
        return inputShape;
    }

    @Override
    public Dataset weights(int epoch, int batchSize) throws IOException {
        return source.trainingExamples(
                weightExamples, batchSize, TrialSeeds.trial(seed, 2 * epoch));
    }

    @Override
    public Dataset architecture(int epoch, int batchSize) throws IOException {
        return source.trainingExamples(
                architectureExamples, batchSize, TrialSeeds.trial(seed, 2 * epoch + 1));
    }
}
