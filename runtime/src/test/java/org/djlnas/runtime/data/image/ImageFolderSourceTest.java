package org.djlnas.runtime.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.DataSourceProvider;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.data.Task;
import org.djlnas.api.settings.Settings;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderSourceTest {

    private static NDManager manager;

    @TempDir Path dir;

    @BeforeAll
    static void openManager() {
        manager = TestEngine.newManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    static ImageFolderSource open(Path folder, Map<String, String> options) {
        ImageFolderProvider provider = new ImageFolderProvider();
        return provider.open(
                Optional.of(folder.toString()),
                Settings.resolve("data source 'image-folder'", provider.options(), options));
    }

    private static float[] all(RandomAccessDataset data) throws Exception {
        List<Float> values = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            for (Batch batch : data.getData(scope)) {
                for (float v : batch.getData().head().toFloatArray()) {
                    values.add(v);
                }
                batch.close();
            }
        }
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    private static float[] labels(RandomAccessDataset data) throws Exception {
        List<Float> values = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            for (Batch batch : data.getData(scope)) {
                for (float v : batch.getLabels().head().toFloatArray()) {
                    values.add(v);
                }
                batch.close();
            }
        }
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    @Test
    void theProviderIsRegistered() {
        assertThat(ServiceLoader.load(DataSourceProvider.class).stream())
                .anyMatch(provider -> provider.type() == ImageFolderProvider.class);
    }

    @Test
    void classesAreTheSortedSubFoldersAndTheInputIsTheFirstImagesSize() {
        ImageFolders.greyFolder(dir, List.of("zebra", "cat", "dog"), 5, 12, 10);
        ImageFolderSource source = open(dir, Map.of());
        assertThat(source.task())
                .isEqualTo(new Task.Classification(List.of("cat", "dog", "zebra")));
        assertThat(source.input()).isEqualTo(new DataInput.Image(1, 10, 12));
        assertThat(source.inputShape()).isEqualTo(new Shape(1, 10, 12));
        assertThat(source.id()).isEqualTo("image-folder:" + dir);
    }

    @Test
    void theTestFractionIsASeededDrawAndTheRestIsTraining() throws Exception {
        ImageFolders.greyFolder(dir, List.of("a", "b", "c", "d"), 10, 6, 6);
        ImageFolderSource first = open(dir, Map.of("test-fraction", "0.25", "split-seed", "3"));
        ImageFolderSource again = open(dir, Map.of("test-fraction", "0.25", "split-seed", "3"));
        ImageFolderSource other = open(dir, Map.of("test-fraction", "0.25", "split-seed", "4"));
        assertThat(first.trainingSetSize()).isEqualTo(30);
        float[] testImages = all(first.test(7));
        assertThat(testImages).hasSize(10 * 36);
        assertThat(all(again.test(7))).containsExactly(testImages);
        assertThat(all(other.test(7))).isNotEqualTo(testImages);
        // every image is in exactly one of training and test: their first pixels (40k + i) differ
        List<Integer> firstPixels = new ArrayList<>();
        float[] training = all(first.trainingExamples(range(30), 8, 1));
        for (float[] images : List.of(training, testImages)) {
            for (int i = 0; i < images.length / 36; i++) {
                firstPixels.add(
                        Math.round(
                                images[i * 36] * first.normalization().std()[0] * 255
                                        + first.normalization().mean()[0] * 255));
            }
        }
        assertThat(firstPixels).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void normalisationComesFromTheTrainingImagesOnly() throws Exception {
        ImageFolders.greyFolder(dir, List.of("a", "b"), 20, 8, 8);
        ImageFolderSource source = open(dir, Map.of());
        float[] training = all(source.trainingExamples(range(source.trainingSetSize()), 16, 0));
        double mean =
                Arrays.stream(box(training))
                        .mapToDouble(Float::doubleValue)
                        .average()
                        .orElseThrow();
        double variance =
                Arrays.stream(box(training))
                        .mapToDouble(v -> (v - mean) * (v - mean))
                        .average()
                        .orElseThrow();
        assertThat(mean).isCloseTo(0, within(1e-4));
        assertThat(variance).isCloseTo(1, within(1e-3));
        float[] test = all(source.test(16));
        double testMean =
                Arrays.stream(box(test)).mapToDouble(Float::doubleValue).average().orElseThrow();
        assertThat(Math.abs(testMean)).isGreaterThan(1e-3);
        Map<String, Object> recorded = source.preprocessing();
        assertThat(recorded)
                .containsEntry("width", 8)
                .containsEntry("height", 8)
                .containsEntry("color", "gray")
                .containsEntry("classes", List.of("a", "b"))
                .containsEntry("augment", "none")
                .containsEntry("mean", List.of((double) source.normalization().mean()[0]))
                .containsEntry("std", List.of((double) source.normalization().std()[0]));
    }

    @Test
    void labelsFollowTheClassFolders() throws Exception {
        ImageFolders.greyFolder(dir, List.of("b", "a"), 3, 4, 4);
        Files.createDirectories(dir.resolve(".hidden"));
        Files.writeString(dir.resolve("a").resolve("notes.txt"), "not an image");
        ImageFolderSource source = open(dir, Map.of("test-fraction", "0.34"));
        RandomAccessDataset train = source.validation(new DataSplit(0, 0.5, 0), 10);
        // b's images start at i, a's at 40 + i (written second); a sorts first: label 0
        float[] images = all(train);
        float[] labels = labels(train);
        for (int i = 0; i < labels.length; i++) {
            int firstPixel =
                    Math.round(
                            images[i * 16] * source.normalization().std()[0] * 255
                                    + source.normalization().mean()[0] * 255);
            assertThat(labels[i]).isEqualTo(firstPixel >= 40 ? 0f : 1f);
        }
        assertThat(source.classNames()).containsExactly("a", "b");
    }

    @Test
    void pixelsAreTheOnesDjlGivesAPublishedModel() throws IOException {
        Path grey = dir.resolve("grey.png");
        Path colour = dir.resolve("colour.png");
        ImageFolders.grey(grey, 9, 7, 100);
        ImageFolders.colour(colour, 9, 7, 50);
        for (Path file : List.of(grey, colour)) {
            Image image = FolderListing.decode(file);
            Image resized = image.resize(5, 6, true);
            for (Image each : List.of(image, resized)) {
                for (int channels : new int[] {1, 3}) {
                    byte[] ours = new byte[channels * each.getWidth() * each.getHeight()];
                    ImagePixels.read(each, channels, ours, 0);
                    try (NDArray hwc =
                            each.toNDArray(
                                    manager,
                                    channels == 1 ? Image.Flag.GRAYSCALE : Image.Flag.COLOR)) {
                        byte[] chw = hwc.transpose(2, 0, 1).toByteArray();
                        assertThat(ours).as(file + " " + channels).containsExactly(chw);
                    }
                }
            }
        }
    }

    @Test
    void colourFoldersAreRgbUnlessGreyIsAsked() throws Exception {
        for (String name : List.of("x", "y")) {
            for (int i = 0; i < 4; i++) {
                ImageFolders.colour(dir.resolve(name).resolve(i + ".png"), 6, 5, 20 * i);
            }
        }
        assertThat(open(dir, Map.of()).input()).isEqualTo(new DataInput.Image(3, 5, 6));
        ImageFolderSource grey = open(dir, Map.of("color", "gray", "size", "4x3"));
        assertThat(grey.input()).isEqualTo(new DataInput.Image(1, 3, 4));
        assertThat(grey.preprocessing()).containsEntry("color", "gray").containsEntry("width", 4);
        assertThat(open(dir, Map.of()).normalization().mean()).hasSize(3);
    }

    @Test
    void imagesOfOtherSizesAreResized() throws Exception {
        ImageFolders.grey(dir.resolve("a/1.png"), 8, 8, 0);
        ImageFolders.grey(dir.resolve("a/2.png"), 20, 10, 0);
        ImageFolders.grey(dir.resolve("b/1.png"), 3, 5, 0);
        ImageFolders.grey(dir.resolve("b/2.png"), 8, 8, 9);
        ImageFolderSource source = open(dir, Map.of("test-fraction", "0.25"));
        assertThat(source.input()).isEqualTo(new DataInput.Image(1, 8, 8));
        assertThat(all(source.test(4))).hasSize(64);
        assertThat(open(dir, Map.of("size", "16", "color", "rgb")).input())
                .isEqualTo(new DataInput.Image(3, 16, 16));
    }

    @Test
    void augmentationCropsAndFlipsTrainingImagesOnlyAndIsSeeded() throws Exception {
        ImageFolders.greyFolder(dir, List.of("a", "b"), 10, 12, 12);
        ImageFolderSource plain = open(dir, Map.of());
        ImageFolderSource augmented = open(dir, Map.of("augment", "crop-flip"));
        int[] all = range(plain.trainingSetSize());
        RandomAccessDataset training = augmented.trainingExamples(all, 4, 5);
        float[] firstPass = all(training);
        float[] secondPass = all(training);
        assertThat(firstPass).isNotEqualTo(all(plain.trainingExamples(all, 4, 5)));
        assertThat(secondPass).isNotEqualTo(firstPass);
        assertThat(all(augmented.trainingExamples(all, 4, 5))).containsExactly(firstPass);
        assertThat(all(augmented.test(4))).containsExactly(all(plain.test(4)));
        DataSplit split = DataSplit.of(1);
        assertThat(all(augmented.validation(split, 4)))
                .containsExactly(all(plain.validation(split, 4)));
        // a shifted, flipped image keeps its values, padded with black
        float black = -plain.normalization().mean()[0] / plain.normalization().std()[0];
        for (float v : firstPass) {
            int pixel =
                    Math.round(
                            (v * plain.normalization().std()[0] + plain.normalization().mean()[0])
                                    * 255);
            assertThat(pixel).isBetween(0, 255);
        }
        assertThat(firstPass).contains(black);
    }

    @Test
    void badOptionsNameTheOptionAndWhatWasExpected() {
        ImageFolders.greyFolder(dir, List.of("a", "b"), 2, 4, 4);
        List<String> expected =
                List.of(
                        "`dataOptions` size is '32x'; expected WIDTHxHEIGHT",
                        "`dataOptions` color is 'cmyk'; expected gray, rgb or auto",
                        "`dataOptions` augment is 'rotate'; expected none or crop-flip",
                        "`dataOptions` test-fraction is 1.0; expected a fraction below 1",
                        "`dataOptions` test-dir is "
                                + dir.resolve("nothing")
                                + ", which is not a folder");
        int k = 0;
        for (Map.Entry<String, String> option :
                List.of(
                        Map.entry("size", "32x"),
                        Map.entry("color", "cmyk"),
                        Map.entry("augment", "rotate"),
                        Map.entry("test-fraction", "1"),
                        Map.entry("test-dir", dir.resolve("nothing").toString()))) {
            String message = expected.get(k++);
            assertThatThrownBy(() -> open(dir, Map.of(option.getKey(), option.getValue())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(message)
                    .hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> open(dir, Map.of("size", "0x3")))
                .hasMessageContaining("each from 1 to 4096");
    }

    @Test
    void badFoldersAreOneLineNamingTheFolderOrFile() throws IOException {
        assertThatThrownBy(() -> open(dir.resolve("missing"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "the image folder "
                                + dir.resolve("missing")
                                + " does not exist; expected a folder with one sub-folder of"
                                + " images per class");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> open(empty, Map.of()).classNames())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "the image folder "
                                + empty
                                + " has no class sub-folders; expected one sub-folder of images"
                                + " per class");
        Path noImages = ImageFolders.greyFolder(dir.resolve("no-images"), List.of("a"), 2, 4, 4);
        Files.createDirectories(noImages.resolve("b"));
        assertThatThrownBy(() -> open(noImages, Map.of()).classNames())
                .hasMessage(
                        "the class folder "
                                + noImages.resolve("b")
                                + " holds no images; expected .jpg, .jpeg, .png, .bmp, .wbmp or"
                                + " .gif files");
        Path single = ImageFolders.greyFolder(dir.resolve("single"), List.of("a"), 2, 4, 4);
        assertThatThrownBy(() -> open(single, Map.of()).classNames())
                .hasMessage(
                        "the image folder "
                                + single
                                + " has one class sub-folder (a); expected at least 2 classes");
        Path broken = ImageFolders.greyFolder(dir.resolve("broken"), List.of("a", "b"), 2, 4, 4);
        Files.writeString(broken.resolve("b").resolve("img001.png"), "not a PNG");
        assertThatThrownBy(() -> open(broken, Map.of()).input())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "the file "
                                + broken.resolve("b").resolve("img001.png")
                                + " cannot be decoded as an image; expected a readable JPEG,"
                                + " PNG, BMP or GIF file");
    }

    @Test
    void aTestFolderMustHaveTheSameClasses() throws Exception {
        Path train = ImageFolders.greyFolder(dir.resolve("train"), List.of("a", "b", "c"), 3, 5, 5);
        Path test = ImageFolders.greyFolder(dir.resolve("test"), List.of("a", "b", "d"), 2, 7, 7);
        assertThatThrownBy(() -> open(train, Map.of("test-dir", test.toString())).classNames())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "`dataOptions` test-dir "
                                + test
                                + " has other classes than the image folder: missing [c]; not in "
                                + train
                                + ": [d]; expected the same class sub-folders");
        Path good = ImageFolders.greyFolder(dir.resolve("good"), List.of("a", "b", "c"), 2, 7, 7);
        ImageFolderSource source = open(train, Map.of("test-dir", good.toString()));
        assertThat(source.trainingSetSize()).isEqualTo(9);
        assertThat(labels(source.test(4))).containsExactly(0, 0, 1, 1, 2, 2);
        assertThat(all(source.test(4))).hasSize(6 * 25);
    }

    static int[] range(int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return indices;
    }

    private static Float[] box(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
