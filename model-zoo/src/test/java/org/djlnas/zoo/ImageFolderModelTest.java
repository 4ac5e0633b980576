package org.djlnas.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.dataset.RandomAccessDataset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.trial.Budget;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.Retraining;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network retrained on an image folder and published classifies an {@link Image} with the
 * folder's class names, preparing it exactly as the folder's test records were prepared.
 */
@Tag("integration")
class ImageFolderModelTest {

    private static final List<String> CLASSES = List.of("blue", "green", "red");
    private static final String NAME = "colours";

    @TempDir static Path folder;

    private static Path zoo;
    private static Path testImages;
    private static DataSource source;

    @BeforeAll
    static void retrainAndPublish() throws Exception {
        Path images = writeFolder(folder.resolve("train"), 24, 1);
        testImages = writeFolder(folder.resolve("test"), 4, 2);
        Map<String, String> options = Map.of("test-dir", testImages.toString());
        Plugins plugins = Plugins.discover();
        Retraining.Report report =
                Retraining.run(
                        new Retraining.Request(
                                "small-cnn",
                                Map.of(),
                                Architecture.of(Map.of()),
                                "image-folder:" + images,
                                options,
                                TestNetworks.ENGINE,
                                1,
                                new Budget(4, 0)),
                        plugins,
                        folder.resolve("retrained"));
        zoo = folder.resolve("zoo");
        new ZooPublisher(zoo)
                .publish(
                        RetrainedPublication.of(
                                NAME, "1", report, Optional.empty(), "test", plugins),
                        false);
        source = plugins.dataSource("image-folder:" + images, options);
    }

    /** Writes 12×10 RGB images whose class colour dominates, with seeded noise. */
    private static Path writeFolder(Path root, int perClass, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < CLASSES.size(); k++) {
            Path classFolder = Files.createDirectories(root.resolve(CLASSES.get(k)));
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 10; y++) {
                    for (int x = 0; x < 12; x++) {
                        int[] rgb = {random.nextInt(120), random.nextInt(120), random.nextInt(120)};
                        // blue, green, red: channel 2, 1, 0
                        rgb[2 - k] += 100 + random.nextInt(36);
                        image.setRGB(x, y, rgb[0] << 16 | rgb[1] << 8 | rgb[2]);
                    }
                }
                ImageIO.write(image, "png", classFolder.resolve(i + ".png").toFile());
            }
        }
        return root;
    }

    private static <I, O> ZooModel<I, O> load(Class<I> input, Class<O> output) throws Exception {
        return Criteria.builder()
                .setTypes(input, output)
                .optModelZoo(NasModelZoo.of(zoo))
                .optArtifactId(NAME)
                .optEngine(TestNetworks.ENGINE)
                .build()
                .loadModel();
    }

    private static List<Path> testFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : CLASSES) {
            for (int i = 0; i < 4; i++) {
                files.add(testImages.resolve(name).resolve(i + ".png"));
            }
        }
        return files;
    }

    @Test
    void anImageIsClassifiedWithTheFoldersClassesAsItsTestRecordIs() throws Exception {
        RandomAccessDataset test = source.test(1);
        List<Path> files = testFiles();
        int correct = 0;
        try (ZooModel<Image, Classifications> classifier =
                        load(Image.class, Classifications.class);
                ZooModel<NDList, NDList> tensors = load(NDList.class, NDList.class);
                Predictor<Image, Classifications> byImage = classifier.newPredictor();
                Predictor<NDList, NDList> byTensor = tensors.newPredictor();
                NDManager manager = NDManager.newBaseManager(TestNetworks.ENGINE)) {
            for (int i = 0; i < files.size(); i++) {
                Classifications result =
                        byImage.predict(ImageFactory.getInstance().fromFile(files.get(i)));
                assertThat(result.getClassNames()).containsExactlyElementsOf(CLASSES);
                NDArray record = test.get(manager, i).getData().singletonOrThrow();
                float[] expected =
                        byTensor.predict(new NDList(record.expandDims(0)))
                                .singletonOrThrow()
                                .softmax(1)
                                .toFloatArray();
                for (int c = 0; c < CLASSES.size(); c++) {
                    assertThat(result.get(CLASSES.get(c)).getProbability())
                            .isCloseTo(expected[c], Offset.offset(1e-6));
                }
                String truth = files.get(i).getParent().getFileName().toString();
                if (result.best().getClassName().equals(truth)) {
                    correct++;
                }
            }
        }
        // the colours are easy: four epochs on 72 images get nearly all 12 test images right
        assertThat(correct).isGreaterThanOrEqualTo(10);
    }

    @Test
    void thePublishedModelRecordsTheFoldersPreprocessing() throws Exception {
        DataDescription data =
                DataDescription.read(ZooLayout.of(zoo).versionFolder(NAME, "1")).orElseThrow();
        assertThat(data.input()).isEqualTo(new DataInput.Image(3, 10, 12));
        assertThat(data.preprocessing())
                .containsEntry("classes", CLASSES)
                .containsEntry("color", "rgb")
                .containsEntry("width", 12)
                .containsEntry("height", 10)
                .isEqualTo(source.preprocessing());
    }

    @Test
    void anImageOfAnotherSizeIsResizedAndClassified() throws Exception {
        BufferedImage red = new BufferedImage(36, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 36; x++) {
                red.setRGB(x, y, (200 << 16) | (40 << 8) | 50);
            }
        }
        try (ZooModel<Image, Classifications> classifier =
                        load(Image.class, Classifications.class);
                Predictor<Image, Classifications> predictor = classifier.newPredictor()) {
            Classifications result = predictor.predict(ImageFactory.getInstance().fromImage(red));
            assertThat(result.best().getClassName()).isEqualTo("red");
        }
    }
}
