package org.djlnas.api.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How a training set is split into the examples a trial trains on and the examples it is validated
 * on. The test set is never part of a split: it is for final reporting only.
 *
 * <p>The split is a pure function of the seed and the training set's size: a seeded permutation of
 * all indices, whose first {@code round(size × validationFraction)} entries are the validation
 * examples and the rest the training pool. A cap on training examples keeps the first ones of the
 * pool in that permutation, so it is a seeded random subset, the same for every trial, and a
 * smaller cap gives a subset of a larger one. Both index sets are returned sorted (the sampler
 * shuffles the training examples each epoch).
 *
 * @param seed the seed of the permutation; keep it fixed for an experiment so that every trial is
 *     validated on the same examples
 * @param validationFraction the fraction of the training set held out for validation, in (0, 1)
 * @param maxValidationExamples a cap on validation examples (a seeded subset), or 0 for all
 */
public record DataSplit(long seed, double validationFraction, int maxValidationExamples) {

    /** The default fraction of the training set held out for validation. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;

    /** Validates the fields. */
    public DataSplit {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException(
                    "validationFraction is "
                            + validationFraction
                            + "; expected a number in (0, 1)");
        }
        if (maxValidationExamples < 0) {
            throw new IllegalArgumentException(
                    "maxValidationExamples is "
                            + maxValidationExamples
                            + "; expected >= 0 (0 for all)");
        }
    }

    /**
     * A split holding out 10% of the training set for validation.
     *
     * @param seed the seed
     * @return the split
     */
    public static DataSplit of(long seed) {
        return new DataSplit(seed, DEFAULT_VALIDATION_FRACTION, 0);
    }

    /**
     * Splits the indices {@code 0 .. size-1} of a training set.
     *
     * @param size the number of training examples, at least 2
     * @param maxTrainExamples a cap on the training examples, or 0 for all of the pool
     * @return the sorted, disjoint training and validation indices
     */
    public SplitIndices apply(int size, int maxTrainExamples) {
        if (size < 2) {
            throw new IllegalArgumentException(
                    "size is " + size + "; a split needs at least 2 examples");
        }
        if (maxTrainExamples < 0) {
            throw new IllegalArgumentException(
                    "`maxTrainExamples` is " + maxTrainExamples + "; expected >= 0 (0 for all)");
        }
        int[] permutation = permutation(size, seed);
        int validationCount =
                (int) Math.min(size - 1, Math.max(1, Math.round(size * validationFraction)));
        int validationUsed =
                maxValidationExamples > 0
                        ? Math.min(validationCount, maxValidationExamples)
                        : validationCount;
        int pool = size - validationCount;
        int trainUsed = maxTrainExamples > 0 ? Math.min(pool, maxTrainExamples) : pool;
        int[] validation = Arrays.copyOfRange(permutation, 0, validationUsed);
        int[] train = Arrays.copyOfRange(permutation, validationCount, validationCount + trainUsed);
        Arrays.sort(validation);
        Arrays.sort(train);
        return new SplitIndices(train, validation);
    }

    /**
     * A seeded Fisher-Yates permutation of {@code 0 .. size-1}.
     *
     * @param size the length
     * @param seed the seed
     * @return the permutation
     */
    public static int[] permutation(int size, long seed) {
        int[] indices = new int[size];
        for (int i = 0; i < size; i++) {
            indices[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        return indices;
    }
}
