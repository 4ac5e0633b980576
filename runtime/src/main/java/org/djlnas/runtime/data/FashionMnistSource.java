package org.djlnas.runtime.data;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.data.Task;
import org.jspecify.annotations.Nullable;

/**
 * Fashion-MNIST as an {@link ImageDataSource}: the training and test sets are read once, on first
 * use, and shared by every data set returned, so parallel trials hold one copy (about 55 MB).
 */
public final class FashionMnistSource implements ImageDataSource {

    /** The data set id that means Fashion-MNIST from its default location. */
    public static final String DEFAULT_ID = "fashion-mnist";

    private final Path directory;
    private @Nullable LabelledImages train;
    private @Nullable LabelledImages test;

    /**
     * Creates a source reading from a folder.
     *
     * @param directory the folder of the four IDX files
     */
    public FashionMnistSource(Path directory) {
        this.directory = requireNonNull(directory, "directory is null");
    }

    /**
     * Creates a source reading from the given folder, else from the folder named by {@value
     * FashionMnist#DATA_DIR_ENV}, else from {@code /usr/share/datasets/fashion-mnist}.
     *
     * @param directory the folder given explicitly (for example by {@code --dataset DIR}), if any
     * @return the source
     */
    public static FashionMnistSource locate(Optional<Path> directory) {
        return new FashionMnistSource(FashionMnist.resolveDirectory(directory));
    }

    /**
     * Returns the folder the files are read from.
     *
     * @return the folder
     */
    public Path directory() {
        return directory;
    }

    @Override
    public String id() {
        return FashionMnist.ID;
    }

    @Override
    public Task task() {
        return new Task.Classification(FashionMnist.CLASS_NAMES);
    }

    @Override
    public DataInput input() {
        return new DataInput.Image(1, 28, 28);
    }

    @Override
    public Map<String, Object> preprocessing() {
        return Map.of(
                "mean", List.of((double) FashionMnist.MEAN),
                "std", List.of((double) FashionMnist.STD));
    }

    @Override
    public Shape inputShape() {
        return FashionMnist.IMAGE_SHAPE;
    }

    @Override
    public List<String> classNames() {
        return FashionMnist.CLASS_NAMES;
    }

    @Override
    public PixelNormalization normalization() {
        return new PixelNormalization(
                new float[] {FashionMnist.MEAN}, new float[] {FashionMnist.STD});
    }

    @Override
    public int trainingSetSize() throws IOException {
        return trainData().size();
    }

    @Override
    public RandomAccessDataset train(
            DataSplit split, int maxTrainExamples, int batchSize, long shuffleSeed)
            throws IOException {
        LabelledImages data = trainData();
        return FashionMnist.builder()
                .optUsage(Dataset.Usage.TRAIN)
                .optDirectory(directory)
                .optData(data)
                .optIndices(split.apply(data.size(), maxTrainExamples).train())
                .setSeededSampling(batchSize, shuffleSeed)
                .build();
    }

    @Override
    public RandomAccessDataset validation(DataSplit split, int batchSize) throws IOException {
        LabelledImages data = trainData();
        return FashionMnist.builder()
                .optUsage(Dataset.Usage.TRAIN)
                .optDirectory(directory)
                .optData(data)
                .optIndices(split.apply(data.size(), 0).validation())
                .setSampling(batchSize, false)
                .build();
    }

    @Override
    public RandomAccessDataset trainingExamples(int[] indices, int batchSize, long shuffleSeed)
            throws IOException {
        return FashionMnist.builder()
                .optUsage(Dataset.Usage.TRAIN)
                .optDirectory(directory)
                .optData(trainData())
                .optIndices(indices)
                .setSeededSampling(batchSize, shuffleSeed)
                .build();
    }

    @Override
    public RandomAccessDataset test(int batchSize) throws IOException {
        return FashionMnist.builder()
                .optUsage(Dataset.Usage.TEST)
                .optDirectory(directory)
                .optData(testData())
                .setSampling(batchSize, false)
                .build();
    }

    private synchronized LabelledImages trainData() throws IOException {
        if (train == null) {
            train = FashionMnist.load(directory, Dataset.Usage.TRAIN);
        }
        return train;
    }

    private synchronized LabelledImages testData() throws IOException {
        if (test == null) {
            test = FashionMnist.load(directory, Dataset.Usage.TEST);
        }
        return test;
    }

    @Override
    public String toString() {
        return "Fashion-MNIST from " + directory;
    }
}
