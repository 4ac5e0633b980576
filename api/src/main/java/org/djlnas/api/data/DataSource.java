package org.djlnas.api.data;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A labelled data set a search trains on: what its examples look like ({@link #input()}), what is
 * learnt from them ({@link #task()}), and its examples as DJL data sets.
 *
 * <p>The training set is split into the examples a trial trains on and the examples it is validated
 * on by a {@link DataSplit}; the test set is kept for final reporting. A record is the input,
 * shaped as {@link DataInput#shape()}, and a float scalar label (see {@link Task}); batches stack
 * them. Implementations read their files once, on first use, share them between the data sets they
 * return, and must be safe to use from several threads.
 *
 * <p>Statistics that preprocessing learns (normalisation, vocabularies, category values) are
 * computed on the training split only, and {@link #preprocessing()} records them so that a
 * published model prepares its inputs the same way.
 */
public interface DataSource {

    /**
     * Returns the data set's id: its kind, and where it is when that is not the kind's default.
     *
     * @return the id, for example {@code fashion-mnist} or {@code csv:/data/houses.csv}
     */
    String id();

    /**
     * Returns what is learnt: classification among named classes, or regression. Reads the data if
     * the task depends on it (a regression target's statistics, a table's classes).
     *
     * @return the task
     * @throws IOException if the data cannot be read
     */
    Task task() throws IOException;

    /**
     * Returns what one example looks like. Reads the data if the input depends on it (a table's
     * encoded columns, a vocabulary).
     *
     * @return the input
     * @throws IOException if the data cannot be read
     */
    DataInput input() throws IOException;

    /**
     * Returns the shape of one example, without the batch axis.
     *
     * @return the shape, for example {@code (1, 28, 28)}
     * @throws IOException if the data cannot be read
     */
    default Shape inputShape() throws IOException {
        return input().shape();
    }

    /**
     * Returns the names of the classes, in label order, or an empty list for a regression.
     *
     * @return the class names
     * @throws IOException if the data cannot be read
     */
    default List<String> classNames() throws IOException {
        return task() instanceof Task.Classification classification
                ? classification.classNames()
                : List.of();
    }

    /**
     * Returns what preprocessing learnt from the training split, as plain JSON values (maps, lists,
     * strings, numbers, booleans), for the journal and for published models.
     *
     * @return the recorded preprocessing, for example {@code {"mean": [0.286], "std": [0.353]}}
     * @throws IOException if the data cannot be read
     */
    Map<String, Object> preprocessing() throws IOException;

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
