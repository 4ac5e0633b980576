/**
 * Data sets for training evaluators: an IDX reader, Fashion-MNIST as a DJL {@link
 * ai.djl.training.dataset.RandomAccessDataset}, seeded train/validation splits and a seeded
 * shuffling sampler.
 *
 * <p>Other data sets plug in as {@link org.djlnas.api.data.DataSourceProvider}s, opened by kind
 * through the registry.
 */
@NullMarked
package org.djlnas.runtime.data;

import org.jspecify.annotations.NullMarked;
