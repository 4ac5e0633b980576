package org.djlnas.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.training.dataset.Dataset;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.data.LabelledImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained and published on PyTorch, packed, and imported into another zoo, loads in fresh
 * JVMs that hold only this module's runtime class path and one DJL engine, PyTorch or MXNet, as a
 * plain DJL program would, and both predict the same.
 *
 * <p>The class paths come from the pom ({@code nas.zoo.test.*} system properties). The children
 * inherit this JVM's environment (DJL_CACHE_DIR, thread settings, MXNET_MKLDNN_ENABLED=0) and
 * offline mode.
 */
@Tag("integration")
class CrossEngineTest {

    private static final String NAME = "fmnist-nb201";
    private static final float SAME_ENGINE = 1e-5f;
    private static final float CROSS_ENGINE = 1e-4f;

    @TempDir static Path folder;

    private static Path zoo;
    private static Path image;
    private static TestNetworks.Trained trained;

    /** What one child printed: each line's first word → the rest. */
    private record Output(Map<String, String> lines) {

        float[] floats(String key) {
            String[] parts = lines.get(key).split(" ");
            float[] values = new float[parts.length];
            for (int i = 0; i < parts.length; i++) {
                values[i] = Float.parseFloat(parts[i]);
            }
            return values;
        }
    }

    @BeforeAll
    static void publishPackAndImport() throws Exception {
        Path source = folder.resolve("source");
        trained = TestNetworks.train(folder.resolve("weights"), 21);
        new ZooPublisher(source)
                .publish(
                        TestNetworks.publication(
                                NAME, "1", trained.architecture(), trained.weights()),
                        false);
        Path archive = folder.resolve(NAME + ".zip");
        new ArchivePacker(source).pack(NAME, Optional.empty(), archive);
        zoo = folder.resolve("imported");
        new ArchiveImporter(zoo).importArchive(archive, false);
        image = folder.resolve("image.png");
        ImageIO.write(picture(), "png", image.toFile());
    }

    /** The first Fashion-MNIST test image if the data set is installed, else a gradient. */
    private static BufferedImage picture() throws Exception {
        BufferedImage picture = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Optional<LabelledImages> test =
                Files.isDirectory(FashionMnist.DEFAULT_DIRECTORY)
                        ? Optional.of(
                                FashionMnist.load(
                                        FashionMnist.DEFAULT_DIRECTORY, Dataset.Usage.TEST))
                        : Optional.empty();
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int value =
                        test.isPresent()
                                ? test.get().images().pixel(0, y, x)
                                : (x * 9 + y * 5) % 256;
                picture.getRaster().setSample(x, y, 0, value);
            }
        }
        return picture;
    }

    private static Output run(String engine, String engineClassPath) throws Exception {
        String classPath =
                String.join(
                        File.pathSeparator,
                        System.getProperty("nas.zoo.test.classpath"),
                        engineClassPath,
                        System.getProperty("nas.zoo.test.classes"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        System.getProperties().stringPropertyNames().stream()
                .filter(n -> n.startsWith("ai.djl.") && !n.equals("ai.djl.default_engine"))
                .sorted()
                .forEach(n -> command.add("-D" + n + "=" + System.getProperty(n)));
        command.add("-Djava.awt.headless=true");
        command.add("-D" + NasModelZoo.LOCATION_PROPERTY + "=" + zoo);
        command.add("-cp");
        command.add(classPath);
        command.add(ZooClient.class.getName());
        command.addAll(List.of(NAME, engine, image.toString()));
        Path out = Files.createTempFile(folder, engine, ".out");
        Path err = Files.createTempFile(folder, engine, ".err");
        Process process =
                new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(engine + " child did not end in 10 minutes");
        }
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        Map<String, String> lines = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            int space = line.indexOf(' ');
            lines.put(line.substring(0, space), line.substring(space + 1));
        }
        return new Output(lines);
    }

    @Test
    void pyTorchAndMxNetInFreshJvmsPredictAlike() throws Exception {
        assertThat(System.getProperty("nas.zoo.test.pytorch"))
                .as("class path of PyTorch (set by model-zoo/pom.xml)")
                .contains("pytorch-engine");
        Output pytorch = run("PyTorch", System.getProperty("nas.zoo.test.pytorch"));
        Output mxnet = run("MXNet", System.getProperty("nas.zoo.test.mxnet"));

        assertThat(pytorch.lines()).containsEntry("engine", "PyTorch");
        assertThat(mxnet.lines()).containsEntry("engine", "MXNet");

        assertThat(pytorch.floats("group"))
                .as("PyTorch, loaded by group, against the trained network")
                .containsExactly(trained.logits(), Offset.offset(SAME_ENGINE));
        assertThat(pytorch.floats("url"))
                .as("PyTorch, loaded by URL")
                .containsExactly(pytorch.floats("group"), Offset.offset(SAME_ENGINE));
        assertThat(mxnet.floats("group"))
                .as("MXNet against PyTorch")
                .containsExactly(pytorch.floats("group"), Offset.offset(CROSS_ENGINE));
        assertThat(mxnet.floats("url"))
                .as("MXNet, loaded by URL")
                .containsExactly(mxnet.floats("group"), Offset.offset(SAME_ENGINE));
        assertThat(mxnet.floats("image"))
                .as("image probabilities, MXNet against PyTorch")
                .containsExactly(pytorch.floats("image"), Offset.offset(CROSS_ENGINE));
        assertThat(mxnet.lines().get("best"))
                .isEqualTo(pytorch.lines().get("best"))
                .isIn(TestNetworks.CLASS_NAMES);
        System.out.printf(
                "max |Δ logit| PyTorch→MXNet: %.2e%n",
                maxDifference(pytorch.floats("group"), mxnet.floats("group")));
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
