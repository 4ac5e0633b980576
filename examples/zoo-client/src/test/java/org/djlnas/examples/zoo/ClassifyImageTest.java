package org.djlnas.examples.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.spaces.baseline.SmallCnnProvider;
import org.djlnas.zoo.ModelPublication;
import org.djlnas.zoo.Provenance;
import org.djlnas.zoo.ZooPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's program classifies an image with a model published into a zoo. */
class ClassifyImageTest {

    private static final List<String> CLASSES =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

    @TempDir Path folder;

    @Test
    void printsTheThreeLikeliestClassesOfAnImage() throws Exception {
        Map<String, String> settings = Map.of("input-channels", "1", "classes", "10");
        SmallCnnProvider provider = new SmallCnnProvider();
        SearchSpace space =
                provider.create(
                        Settings.resolve("space 'small-cnn'", provider.settings(), settings),
                        OpRegistry.discover());
        Architecture architecture = space.sample(new SplittableRandom(1));
        Path weights = folder.resolve("weights");
        try (Model model = Model.newInstance("example", "PyTorch")) {
            model.setBlock(space.compile(architecture));
            Engine.getEngine("PyTorch").setRandomSeed(1);
            model.getBlock()
                    .initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 28, 28));
            model.save(weights, "example");
        }
        Path zoo = folder.resolve("zoo");
        new ZooPublisher(zoo).publish(publication(architecture, weights, settings), false);
        Path image = folder.resolve("image.png");
        ImageIO.write(
                new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), "png", image.toFile());

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream standardOut = System.out;
        System.setProperty("nas.zoo", zoo.toString());
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            ClassifyImage.main(new String[] {"example", image.toString()});
        } finally {
            System.setOut(standardOut);
            System.clearProperty("nas.zoo");
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("\"className\"").contains("\"probability\"");
        assertThat(CLASSES.stream().filter(output::contains).count()).isEqualTo(3);
    }

    private static ModelPublication publication(
            Architecture architecture, Path weights, Map<String, String> settings) {
        return ModelPublication.builder()
                .setName("example")
                .setVersion("1")
                .setArchitecture(architecture)
                .setWeights(weights)
                .setClassNames(CLASSES)
                .setInputShape(new Shape(1, 28, 28))
                .optNormalization(new float[] {0.5f}, new float[] {0.5f})
                .setProvenance(
                        Provenance.builder()
                                .setSpace("small-cnn", settings)
                                .setStrategy("given", Map.of())
                                .setEngine("PyTorch", Engine.getEngine("PyTorch").getVersion())
                                .setDataset("synthetic", Map.of())
                                .setParameters(0)
                                .setLibraryVersion("test")
                                .optCreated(Instant.parse("2026-11-28T00:00:00Z"))
                                .build())
                .build();
    }
}
