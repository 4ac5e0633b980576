package org.djlnas.runtime.data.image;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.data.SeededShuffleSampler;
import org.djlnas.api.data.Task;
import org.djlnas.runtime.data.ImageDataSource;
import org.djlnas.runtime.data.PixelNormalization;
import org.jspecify.annotations.Nullable;

/**
 * A folder of images, one sub-folder per class, as an {@link ImageDataSource}. The images are
 * listed and decoded once, on first use, and kept in memory as bytes ({@code channels × height ×
 * width} per image). The test set is the test folder when one is given, else a seeded draw of
 * {@code test-fraction} of the images; the per-channel mean and deviation that normalise pixels are
 * computed on the training set (every image that is not a test image).
 *
 * <p>Every method reads the folder on first use. A folder that cannot be listed and bad content (no
 * classes or one, an empty class, an undecodable file, classes that differ between folders) are an
 * {@link IllegalArgumentException} naming the folder or file: the data is the user's input.
 */
public final class ImageFolderSource implements ImageDataSource {

    private final Path folder;
    private final ImageFolderOptions options;
    private @Nullable Loaded loaded;

    ImageFolderSource(Path folder, ImageFolderOptions options) {
        this.folder = requireNonNull(folder, "folder is null");
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public String id() {
        return ImageFolderProvider.ID + ":" + folder;
    }

    @Override
    public Task task() {
        return new Task.Classification(classNames());
    }

    @Override
    public DataInput input() {
        DecodedImages train = loaded().train();
        return new DataInput.Image(train.channels(), train.height(), train.width());
    }

    @Override
    public Shape inputShape() {
        return input().shape();
    }

    @Override
    public List<String> classNames() {
        return loaded().classes();
    }

    @Override
    public PixelNormalization normalization() {
        return loaded().normalization();
    }

    /**
     * Records the input size, colour, class names, augmentation and the per-channel mean and
     * standard deviation of the training images (on a 0 to 1 scale).
     */
    @Override
    public Map<String, Object> preprocessing() {
        Loaded data = loaded();
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("width", data.train().width());
        recorded.put("height", data.train().height());
        recorded.put("color", data.train().channels() == 1 ? "gray" : "rgb");
        recorded.put("classes", data.classes());
        recorded.put("mean", doubles(data.normalization().mean()));
        recorded.put("std", doubles(data.normalization().std()));
        recorded.put("augment", options.augment() ? "crop-flip" : "none");
        return recorded;
    }

    @Override
    public int trainingSetSize() {
        return loaded().train().size();
    }

    @Override
    public RandomAccessDataset train(
            DataSplit split, int maxTrainExamples, int batchSize, long shuffleSeed) {
        return trainingExamples(
                split.apply(trainingSetSize(), maxTrainExamples).train(), batchSize, shuffleSeed);
    }

    @Override
    public RandomAccessDataset validation(DataSplit split, int batchSize) {
        Loaded data = loaded();
        return ImageArrays.builder(data.train(), data.normalization())
                .optIndices(split.apply(data.train().size(), 0).validation())
                .setSampling(checkBatchSize(batchSize), false)
                .build();
    }

    @Override
    public RandomAccessDataset test(int batchSize) {
        Loaded data = loaded();
        return ImageArrays.builder(data.test(), data.normalization())
                .setSampling(checkBatchSize(batchSize), false)
                .build();
    }

    @Override
    public RandomAccessDataset trainingExamples(int[] indices, int batchSize, long shuffleSeed) {
        Loaded data = loaded();
        ImageArrays.Builder builder =
                ImageArrays.builder(data.train(), data.normalization())
                        .optIndices(indices)
                        .setSampling(
                                SeededShuffleSampler.batches(
                                        shuffleSeed, checkBatchSize(batchSize)));
        if (options.augment()) {
            builder.optAugmentation(shuffleSeed);
        }
        return builder.build();
    }

    private static int checkBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "batchSize is " + batchSize + "; expected a number >= 1");
        }
        return batchSize;
    }

    private synchronized Loaded loaded() {
        if (loaded == null) {
            loaded = load();
        }
        return loaded;
    }

    private Loaded load() {
        FolderListing.Listing listing = checked(folder, "the image folder");
        DecodedImages all =
                DecodedImages.decode(
                        listing.files(),
                        listing.labels(),
                        options.size().orElse(null),
                        options.channels().orElse(null));
        DecodedImages train;
        DecodedImages test;
        if (options.testDirectory().isPresent()) {
            Path testFolder = options.testDirectory().get();
            FolderListing.Listing testListing =
                    checked(testFolder, "`dataOptions` " + ImageFolderOptions.TEST_DIR);
            checkSameClasses(listing.classes(), testFolder, testListing.classes());
            train = all;
            test =
                    DecodedImages.decode(
                            testListing.files(),
                            testListing.labels(),
                            new ImageFolderOptions.ImageSize(all.width(), all.height()),
                            all.channels());
        } else {
            int[] permutation = DataSplit.permutation(all.size(), options.splitSeed());
            int testCount = (int) Math.max(1, Math.round(all.size() * options.testFraction()));
            if (all.size() - testCount < 2) {
                throw new IllegalArgumentException(
                        "the image folder "
                                + folder
                                + " holds "
                                + all.size()
                                + " images; with `dataOptions` "
                                + ImageFolderOptions.TEST_FRACTION
                                + " "
                                + options.testFraction()
                                + " fewer than 2 are left for training");
            }
            int[] testIndices = Arrays.copyOfRange(permutation, 0, testCount);
            int[] trainIndices = Arrays.copyOfRange(permutation, testCount, all.size());
            Arrays.sort(testIndices);
            Arrays.sort(trainIndices);
            train = all.subset(trainIndices);
            test = all.subset(testIndices);
        }
        return new Loaded(listing.classes(), train, test, normalization(train));
    }

    private PixelNormalization normalization(DecodedImages train) {
        double[][] statistics = train.channelStatistics();
        float[] mean = new float[train.channels()];
        float[] std = new float[train.channels()];
        for (int c = 0; c < mean.length; c++) {
            mean[c] = (float) statistics[0][c];
            std[c] = (float) statistics[1][c];
            if (!(std[c] > 0)) {
                throw new IllegalArgumentException(
                        "the training images of "
                                + folder
                                + " have one value in every pixel of channel "
                                + c
                                + "; expected images that differ");
            }
        }
        return new PixelNormalization(mean, std);
    }

    private static FolderListing.Listing checked(Path root, String what) {
        FolderListing.Listing listing;
        try {
            listing = FolderListing.list(root);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    what + " " + root + " cannot be read; expected a folder this user may list");
        }
        if (listing.classes().isEmpty()) {
            throw new IllegalArgumentException(
                    what
                            + " "
                            + root
                            + " has no class sub-folders; expected one sub-folder of images per"
                            + " class");
        }
        int[] counts = listing.counts();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException(
                        "the class folder "
                                + root.resolve(listing.classes().get(c))
                                + " holds no images; expected .jpg, .jpeg, .png, .bmp, .wbmp or"
                                + " .gif files");
            }
        }
        if (counts.length < 2) {
            throw new IllegalArgumentException(
                    what
                            + " "
                            + root
                            + " has one class sub-folder ("
                            + listing.classes().get(0)
                            + "); expected at least 2 classes");
        }
        return listing;
    }

    private void checkSameClasses(List<String> classes, Path testFolder, List<String> test) {
        if (classes.equals(test)) {
            return;
        }
        TreeSet<String> missing = new TreeSet<>(classes);
        missing.removeAll(test);
        TreeSet<String> extra = new TreeSet<>(test);
        extra.removeAll(classes);
        List<String> differences = new ArrayList<>();
        if (!missing.isEmpty()) {
            differences.add("missing " + missing);
        }
        if (!extra.isEmpty()) {
            differences.add("not in " + folder + ": " + extra);
        }
        throw new IllegalArgumentException(
                "`dataOptions` "
                        + ImageFolderOptions.TEST_DIR
                        + " "
                        + testFolder
                        + " has other classes than the image folder: "
                        + String.join("; ", differences)
                        + "; expected the same class sub-folders");
    }

    private static List<Double> doubles(float[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (float value : values) {
            list.add((double) value);
        }
        return list;
    }

    @Override
    public String toString() {
        return "image folder " + folder;
    }

    /** What the folder holds once read. */
    private record Loaded(
            List<String> classes,
            DecodedImages train,
            DecodedImages test,
            PixelNormalization normalization) {}
}
