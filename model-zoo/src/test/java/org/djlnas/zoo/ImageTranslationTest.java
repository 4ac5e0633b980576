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
import ai.djl.training.dataset.Dataset;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.Task;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.data.LabelledImages;
import org.djlnas.testing.DataRequirements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image translator prepares a Fashion-MNIST image exactly as the training pipeline's data set
 * does: classifying the image gives the softmax of the network's logits on the data set's own
 * record of it. Images of another size or in colour are converted.
 */
@Tag("integration")
class ImageTranslationTest {

    private static final String NAME = "fmnist-nb201";
    private static final String DESCRIBED = "fmnist-described";

    @TempDir static Path folder;

    private static Path zoo;

    @BeforeAll
    static void publish() throws Exception {
        TestNetworks.Trained trained = TestNetworks.train(folder.resolve("weights"), 31);
        zoo = folder.resolve("zoo");
        new ZooPublisher(zoo)
                .publish(
                        ModelPublication.builder()
                                .setName(NAME)
                                .setVersion("1")
                                .setArchitecture(trained.architecture())
                                .setWeights(trained.weights())
                                .setClassNames(FashionMnist.CLASS_NAMES)
                                .setInputShape(FashionMnist.IMAGE_SHAPE)
                                .optNormalization(
                                        new float[] {FashionMnist.MEAN},
                                        new float[] {FashionMnist.STD})
                                .setProvenance(TestNetworks.provenance())
                                .build(),
                        false);
        // The same network, its class names and normalisation given only by its data.json.
        new ZooPublisher(zoo)
                .publish(
                        ModelPublication.builder()
                                .setName(DESCRIBED)
                                .setVersion("1")
                                .setArchitecture(trained.architecture())
                                .setWeights(trained.weights())
                                .setInputShape(FashionMnist.IMAGE_SHAPE)
                                .optData(
                                        new DataDescription(
                                                new Task.Classification(FashionMnist.CLASS_NAMES),
                                                new DataInput.Image(1, 28, 28),
                                                Map.of(
                                                        "mean", List.of(FashionMnist.MEAN),
                                                        "std", List.of(FashionMnist.STD))))
                                .setProvenance(TestNetworks.provenance())
                                .build(),
                        false);
    }

    private static <I, O> ZooModel<I, O> load(Class<I> input, Class<O> output) throws Exception {
        return load(NAME, input, output);
    }

    private static <I, O> ZooModel<I, O> load(String name, Class<I> input, Class<O> output)
            throws Exception {
        return Criteria.builder()
                .setTypes(input, output)
                .optModelZoo(NasModelZoo.of(zoo))
                .optArtifactId(name)
                .optEngine(TestNetworks.ENGINE)
                .build()
                .loadModel();
    }

    @Test
    void aModelWithADataDescriptionTakesItsClassesAndNormalisationFromIt() throws Exception {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
        LabelledImages test = FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY, Dataset.Usage.TEST);
        try (ZooModel<Image, Classifications> plain = load(Image.class, Classifications.class);
                ZooModel<Image, Classifications> described =
                        load(DESCRIBED, Image.class, Classifications.class);
                Predictor<Image, Classifications> byArguments = plain.newPredictor();
                Predictor<Image, Classifications> byData = described.newPredictor()) {
            for (int index = 0; index < 3; index++) {
                Classifications expected = byArguments.predict(image(test, index));
                Classifications actual = byData.predict(image(test, index));
                assertThat(actual.getClassNames())
                        .containsExactlyElementsOf(FashionMnist.CLASS_NAMES);
                for (String name : FashionMnist.CLASS_NAMES) {
                    assertThat(actual.get(name).getProbability())
                            .isCloseTo(expected.get(name).getProbability(), Offset.offset(1e-6));
                }
            }
        }
    }

    @Test
    void aFashionMnistImageIsPreparedAsInTraining() throws Exception {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
        LabelledImages test = FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY, Dataset.Usage.TEST);
        FashionMnist dataset =
                FashionMnist.builder()
                        .optUsage(Dataset.Usage.TEST)
                        .optData(test)
                        .setSampling(1, false)
                        .build();
        try (ZooModel<Image, Classifications> classifier =
                        load(Image.class, Classifications.class);
                ZooModel<NDList, NDList> tensors = load(NDList.class, NDList.class);
                Predictor<Image, Classifications> byImage = classifier.newPredictor();
                Predictor<NDList, NDList> byTensor = tensors.newPredictor();
                NDManager manager = NDManager.newBaseManager(TestNetworks.ENGINE)) {
            for (int index = 0; index < 5; index++) {
                Classifications result = byImage.predict(image(test, index));
                NDArray record = dataset.get(manager, index).getData().singletonOrThrow();
                float[] expected =
                        byTensor.predict(new NDList(record.expandDims(0)))
                                .singletonOrThrow()
                                .softmax(1)
                                .toFloatArray();
                float[] actual = new float[expected.length];
                for (int c = 0; c < actual.length; c++) {
                    actual[c] =
                            (float) result.get(FashionMnist.CLASS_NAMES.get(c)).getProbability();
                }
                assertThat(actual).containsExactly(expected, Offset.offset(1e-6f));
                assertThat(result.getClassNames())
                        .containsExactlyElementsOf(FashionMnist.CLASS_NAMES);
            }
        }
    }

    @Test
    void largerColourImagesAreResizedAndGreyed() throws Exception {
        BufferedImage picture = new BufferedImage(56, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 56; x++) {
                picture.setRGB(x, y, (x * 4) << 16 | (y * 6) << 8 | ((x + y) % 256));
            }
        }
        try (ZooModel<Image, Classifications> classifier =
                        load(Image.class, Classifications.class);
                Predictor<Image, Classifications> predictor = classifier.newPredictor()) {
            Classifications result =
                    predictor.predict(ImageFactory.getInstance().fromImage(picture));
            List<Double> probabilities =
                    result.items().stream().map(c -> c.getProbability()).toList();
            assertThat(probabilities).hasSize(10).allMatch(p -> p >= 0 && p <= 1);
            assertThat(probabilities.stream().mapToDouble(p -> p).sum())
                    .isCloseTo(1.0, Offset.offset(1e-5));
            assertThat(result.best().getClassName()).isIn(FashionMnist.CLASS_NAMES);
        }
    }

    private static Image image(LabelledImages images, int index) {
        BufferedImage picture = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                picture.getRaster().setSample(x, y, 0, images.images().pixel(index, y, x));
            }
        }
        return ImageFactory.getInstance().fromImage(picture);
    }
}
