package org.djlnas.runtime.data;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import java.io.IOException;
import java.util.List;
import org.djlnas.api.data.DataSource;

/**
 * An image classification data set that training evaluators draw from: a training set, split into
 * training and validation examples by a {@link DataSplit}, and a test set kept for final reporting.
 *
 * <p>Records are a float image of shape {@link #inputShape()} and a float scalar class label;
 * batches stack them to {@code (N, C, H, W)} and {@code (N)}. Implementations load their files once
 * and share them between the data sets they return, and must be safe to use from several threads.
 * Fashion-MNIST is {@link FashionMnistSource}; other data sets plug in by implementing this
 * interface.
 */
public interface ImageDataSource extends DataSource {

    /**
     * Returns the data set's kebab-case id (for example {@code fashion-mnist}).
     *
     * @return the id
     */
    @Override
    String id();

    /**
     * Returns the shape of one image: channels, height, width.
     *
     * @return the shape
     */
    @Override
    Shape inputShape();

    /**
     * Returns the number of classes.
     *
     * @return the number of classes
     */
    default int classes() {
        return classNames().size();
    }

    /**
     * Returns the names of the classes, by label.
     *
     * @return the class names
     */
    @Override
    List<String> classNames();

    /**
     * Returns how pixels are normalised before they reach a network: {@code (v/255 − mean[c]) /
     * std[c]} per channel, so that a program that deploys a trained network prepares its images the
     * same way.
     *
     * @return the per-channel mean and standard deviation
     */
    PixelNormalization normalization();

    /**
     * Returns the number of examples in the whole training set, before any split. Loads the data if
     * needed.
     *
     * @return the size of the training set
     * @throws IOException if the data cannot be read
     */
    int trainingSetSize() throws IOException;

    /**
     * Returns the examples a trial trains on, visited in a seeded random order that changes every
     * epoch.
     *
     * @param split the train/validation split
     * @param maxTrainExamples a cap on the training examples (a seeded subset), or 0 for all
     * @param batchSize the batch size
     * @param shuffleSeed the seed of the order in which examples are visited
     * @return the training data set
     * @throws IOException if the data cannot be read
     */
    RandomAccessDataset train(
            DataSplit split, int maxTrainExamples, int batchSize, long shuffleSeed)
            throws IOException;

    /**
     * Returns the held-out validation examples of the training set, in a fixed order.
     *
     * @param split the train/validation split
     * @param batchSize the batch size
     * @return the validation data set
     * @throws IOException if the data cannot be read
     */
    RandomAccessDataset validation(DataSplit split, int batchSize) throws IOException;

    /**
     * Returns the test set, in a fixed order, for final reporting only.
     *
     * @param batchSize the batch size
     * @return the test data set
     * @throws IOException if the data cannot be read
     */
    RandomAccessDataset test(int batchSize) throws IOException;

    /**
     * Returns chosen examples of the training set, in a seeded order that changes every pass.
     *
     * @param indices the examples' indices in the training set
     * @param batchSize the batch size
     * @param shuffleSeed the seed of the order
     * @return the data set
     * @throws IOException if the data cannot be read
     */
    RandomAccessDataset trainingExamples(int[] indices, int batchSize, long shuffleSeed)
            throws IOException;
}
