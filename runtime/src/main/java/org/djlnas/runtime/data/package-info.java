/**
 * Data sets for training evaluators: an IDX reader, Fashion-MNIST as a DJL {@link
 * ai.djl.training.dataset.RandomAccessDataset}, seeded train/validation splits and a seeded
 * shuffling sampler.
 *
 * <p>Other image data sets plug in by implementing {@link org.djlnas.runtime.data.ImageDataSource}.
 */
@NullMarked
package org.djlnas.runtime.data;

import org.jspecify.annotations.NullMarked;
