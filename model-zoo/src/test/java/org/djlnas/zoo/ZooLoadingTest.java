package org.djlnas.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import java.awt.image.BufferedImage;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Published models load through DJL's {@code Criteria} in every supported way, on PyTorch in this
 * JVM, and predict what the trained network predicted; wrong names and damaged files fail clearly.
 */
@Tag("integration")
class ZooLoadingTest {

    private static final String NAME = "fmnist-nb201";

    @TempDir static Path shared;

    private static Path zoo;
    private static TestNetworks.Trained first;
    private static TestNetworks.Trained second;

    @TempDir Path folder;

    @BeforeAll
    static void publishTwoVersions() throws Exception {
        zoo = shared.resolve("zoo");
        first = TestNetworks.train(shared.resolve("w1"), 11);
        second = TestNetworks.train(shared.resolve("w2"), 12);
        ZooPublisher publisher = new ZooPublisher(zoo);
        publisher.publish(
                TestNetworks.publication(NAME, "1", first.architecture(), first.weights()), false);
        publisher.publish(
                TestNetworks.publication(NAME, "2", second.architecture(), second.weights()),
                false);
    }

    private static float[] predict(Criteria<NDList, NDList> criteria) throws Exception {
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager(TestNetworks.ENGINE)) {
            NDList input =
                    new NDList(manager.create(TestNetworks.images(4, 7), new Shape(4, 1, 28, 28)));
            return predictor.predict(input).singletonOrThrow().toFloatArray();
        }
    }

    private static Criteria.Builder<NDList, NDList> tensors() {
        return Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optEngine(TestNetworks.ENGINE);
    }

    @Test
    void byGroupAndNameTheNewestVersionPredictsAsTrained() throws Exception {
        float[] logits =
                predict(
                        tensors()
                                .optModelZoo(NasModelZoo.of(zoo))
                                .optGroupId(ZooLayout.GROUP_ID)
                                .optArtifactId(NAME)
                                .build());
        assertThat(logits).containsExactly(second.logits(), within(1e-5f));
    }

    @Test
    void aVersionFilterPicksAnOlderVersion() throws Exception {
        float[] logits =
                predict(
                        tensors()
                                .optModelZoo(NasModelZoo.of(zoo))
                                .optArtifactId(NAME)
                                .optFilter("version", "1")
                                .build());
        assertThat(logits).containsExactly(first.logits(), within(1e-5f));
    }

    @Test
    void theZooPropertyNamesTheFoldersOfTheRegisteredZoo() throws Exception {
        System.setProperty(NasModelZoo.LOCATION_PROPERTY, folder + ":" + zoo);
        try {
            float[] logits =
                    predict(tensors().optGroupId(ZooLayout.GROUP_ID).optArtifactId(NAME).build());
            assertThat(logits).containsExactly(second.logits(), within(1e-5f));
        } finally {
            System.clearProperty(NasModelZoo.LOCATION_PROPERTY);
        }
    }

    @Test
    void djlsOwnLocalZooLoadsTheZooFolderByUrl() throws Exception {
        float[] logits =
                predict(tensors().optModelUrls(zoo.toUri().toString()).optArtifactId(NAME).build());
        assertThat(logits).containsExactly(second.logits(), within(1e-5f));
        float[] older =
                predict(
                        tensors()
                                .optModelUrls(zoo.toUri().toString())
                                .optArtifactId(NAME)
                                .optFilter("version", "1")
                                .build());
        assertThat(older).containsExactly(first.logits(), within(1e-5f));
    }

    @Test
    void djlsOwnLoaderLoadsAVersionFolderByUrl() throws Exception {
        Path version = ZooLayout.of(zoo).versionFolder(NAME, "1");
        float[] logits = predict(tensors().optModelUrls(version.toUri().toString()).build());
        assertThat(logits).containsExactly(first.logits(), within(1e-5f));
    }

    @Test
    void imagesAreClassifiedWithTheClassNames() throws Exception {
        BufferedImage picture = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                picture.getRaster().setSample(x, y, 0, (x * 9 + y * 5) % 256);
            }
        }
        Image image = ImageFactory.getInstance().fromImage(picture);
        Criteria<Image, Classifications> criteria =
                Criteria.builder()
                        .setTypes(Image.class, Classifications.class)
                        .optModelZoo(NasModelZoo.of(zoo))
                        .optArtifactId(NAME)
                        .optEngine(TestNetworks.ENGINE)
                        .build();
        try (ZooModel<Image, Classifications> model = criteria.loadModel();
                Predictor<Image, Classifications> predictor = model.newPredictor()) {
            Classifications result = predictor.predict(image);
            assertThat(result.getClassNames())
                    .containsExactlyInAnyOrderElementsOf(TestNetworks.CLASS_NAMES);
            double total = result.items().stream().mapToDouble(c -> c.getProbability()).sum();
            assertThat(total).isCloseTo(1.0, Offset.offset(1e-5));
        }
    }

    @Test
    void anUnknownNameIsNotFound() {
        assertThatThrownBy(
                        () ->
                                tensors()
                                        .optModelZoo(NasModelZoo.of(zoo))
                                        .optArtifactId("no-such-model")
                                        .build()
                                        .loadModel())
                .isInstanceOf(ModelNotFoundException.class);
    }

    @Test
    void anUnknownVersionIsNotFoundNamingThePublishedOnes() {
        assertThatThrownBy(
                        () ->
                                tensors()
                                        .optModelZoo(NasModelZoo.of(zoo))
                                        .optArtifactId(NAME)
                                        .optFilter("version", "3")
                                        .build()
                                        .loadModel())
                .isInstanceOf(ModelNotFoundException.class)
                .cause()
                .hasMessageContaining("'" + NAME + "'")
                .hasMessageContaining("{version=3}")
                .hasMessageContaining("its versions: 2 ")
                .hasMessageContaining(", 1 ");
    }

    @Test
    void aMissingWeightsFileIsNamed() throws Exception {
        Path copy = copyOfZoo();
        Path weights =
                ZooLayout.of(copy).versionFolder(NAME, "2").resolve(ZooLayout.parametersFile(NAME));
        Files.delete(weights);
        assertThatThrownBy(
                        () ->
                                tensors()
                                        .optModelZoo(NasModelZoo.of(copy))
                                        .optArtifactId(NAME)
                                        .build()
                                        .loadModel())
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining(weights.toString());
    }

    @Test
    void aTruncatedWeightsFileIsNamed() throws Exception {
        Path copy = copyOfZoo();
        Path weights =
                ZooLayout.of(copy).versionFolder(NAME, "2").resolve(ZooLayout.parametersFile(NAME));
        long size = Files.size(weights);
        try (var channel = Files.newByteChannel(weights, StandardOpenOption.WRITE)) {
            channel.truncate(size / 2);
        }
        assertThatThrownBy(
                        () ->
                                tensors()
                                        .optModelZoo(NasModelZoo.of(copy))
                                        .optArtifactId(NAME)
                                        .build()
                                        .loadModel())
                .isInstanceOf(CorruptModelFileException.class)
                .hasMessageContaining(weights.toString())
                .hasMessageContaining("corrupt, truncated or was changed");
    }

    private Path copyOfZoo() throws Exception {
        Path copy = folder.resolve("copy");
        try (var paths = Files.walk(zoo)) {
            for (Path source : paths.toList()) {
                Path target = copy.resolve(zoo.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }

    private static Offset<Float> within(float tolerance) {
        return Offset.offset(tolerance);
    }
}
