package org.djlnas.api.data;

/**
 * The result of a {@link DataSplit}: indices into the training set, sorted and disjoint. The arrays
 * belong to the caller.
 *
 * @param train the examples to train on
 * @param validation the examples to validate on
 */
public record SplitIndices(int[] train, int[] validation) {}
