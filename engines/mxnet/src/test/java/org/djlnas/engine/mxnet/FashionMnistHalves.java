package org.djlnas.engine.mxnet;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Dataset;
import java.io.IOException;
import java.util.stream.IntStream;
import org.djlnas.api.data.Task;
import org.djlnas.api.oneshot.OneShotData;
import org.djlnas.runtime.data.ImageDataSource;

/** The data of the one-shot tests: two disjoint halves of a data set's first training examples. */
final class FashionMnistHalves {

    private FashionMnistHalves() {}

    /**
     * Returns the first examples as a weight half and the next as an architecture half, each epoch
     * in an order of its own.
     *
     * @param source the data set
     * @param examplesPerHalf the size of each half
     */
    static OneShotData of(ImageDataSource source, int examplesPerHalf) {
        int[] weights = IntStream.range(0, examplesPerHalf).toArray();
        int[] architecture = IntStream.range(examplesPerHalf, 2 * examplesPerHalf).toArray();
        return new OneShotData() {
            @Override
            public Task task() {
                return new Task.Classification(source.classNames());
            }

            @Override
            public Shape exampleShape() {
                return source.inputShape();
            }

            @Override
            public Dataset weights(int epoch, int batchSize) throws IOException {
                return source.trainingExamples(weights, batchSize, epoch);
            }

            @Override
            public Dataset architecture(int epoch, int batchSize) throws IOException {
                return source.trainingExamples(architecture, batchSize, -epoch);
            }
        };
    }
}
