package org.djlnas.api.data;

import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Visits a data set's records in a seeded random order: a new permutation on every pass, drawn from
 * one {@link SplittableRandom}, so the passes of a run are reproducible from the seed. (DJL's own
 * {@code RandomSampler} draws from an unseeded global source.)
 *
 * <p>Wrap it in a {@link BatchSampler} for batches; {@link #batches} does that.
 */
public final class SeededShuffleSampler implements Sampler.SubSampler {

    private final SplittableRandom random;

    /**
     * Creates the sampler.
     *
     * @param seed the seed of the first pass; later passes follow from it
     */
    public SeededShuffleSampler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * A batch sampler over a seeded shuffle that keeps the last, smaller batch.
     *
     * @param seed the seed
     * @param batchSize the batch size
     * @return the sampler
     */
    public static Sampler batches(long seed, int batchSize) {
        return new BatchSampler(new SeededShuffleSampler(seed), batchSize, false);
    }

    @Override
    public Iterator<Long> sample(RandomAccessDataset dataset) {
        int size = Math.toIntExact(dataset.size());
        int[] order;
        synchronized (random) {
            order = DataSplit.permutation(size, random.nextLong());
        }
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Long next() {
                if (next >= order.length) {
                    throw new NoSuchElementException();
                }
                return (long) order[next++];
            }
        };
    }
}
