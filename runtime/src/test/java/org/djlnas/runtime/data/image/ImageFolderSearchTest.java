package org.djlnas.runtime.data.image;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.training.dataset.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.trial.Budget;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.data.LabelledImages;
import org.djlnas.spaces.baseline.SmallCnnProvider;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.testing.DataRequirements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches train end to end on image folders written from real data sets. */
@Tag("integration")
class ImageFolderSearchTest {

    /** The 8×8 digits of Debian's python3-sklearn: 64 values from 0 to 16, then the digit. */
    private static final Path DIGITS =
            Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz");

    @TempDir Path dir;

    @Test
    void aShortSearchOnAFashionMnistImageFolderLearns() throws Exception {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
        LabelledImages train =
                FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY, Dataset.Usage.TRAIN);
        LabelledImages test = FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY, Dataset.Usage.TEST);
        Path images = ImageFolders.fashionMnist(dir.resolve("train"), train, 0, 3000);
        Path testImages = ImageFolders.fashionMnist(dir.resolve("test"), test, 0, 1000);
        ImageFolderSource source =
                ImageFolderSourceTest.open(
                        images, Map.of("test-dir", testImages.toString(), "augment", "crop-flip"));
        assertThat(source.input()).isEqualTo(new DataInput.Image(1, 28, 28));

        List<SideBySide.Trial> trials =
                SideBySide.run(
                                new NasBench201Provider(),
                                Map.of("channels", "8", "cells", "1"),
                                Map.of("fashion-folder", source),
                                3,
                                new Budget(2, 0),
                                1,
                                1,
                                dir.resolve("trials"))
                        .get("fashion-folder");
        trials.forEach(System.out::println);
        SideBySide.Trial best =
                trials.stream()
                        .max(
                                (a, b) ->
                                        Double.compare(
                                                a.validationAccuracy(), b.validationAccuracy()))
                        .orElseThrow();
        // chance is 0.1; two epochs over 2,700 images give a NAS-Bench-201 cell well above it
        assertThat(best.validationAccuracy()).isGreaterThan(0.55);
        assertThat(best.testAccuracy()).isGreaterThan(0.55);
    }

    @Test
    void theEightByEightDigitsAreLearntFromAFolder() throws Exception {
        requireDigits();
        Path images = writeDigits(dir.resolve("digits"));
        ImageFolderSource source = ImageFolderSourceTest.open(images, Map.of());
        assertThat(source.input()).isEqualTo(new DataInput.Image(1, 8, 8));
        assertThat(source.classNames())
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        SideBySide.Trial baseline =
                SideBySide.run(
                                new SmallCnnProvider(),
                                Map.of(),
                                Map.of("digits", source),
                                1,
                                new Budget(5, 0),
                                3,
                                3,
                                dir.resolve("trials"))
                        .get("digits")
                        .get(0);
        System.out.println(baseline);
        assertThat(baseline.testAccuracy()).isGreaterThan(0.85);
    }

    private static void requireDigits() {
        DataRequirements.require("the 8x8 digits (Debian package python3-sklearn)", DIGITS);
    }

    /** Writes the digits as grey PNG files, one sub-folder per digit, values scaled to 0..255. */
    private static Path writeDigits(Path root) throws IOException {
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(DIGITS)),
                                StandardCharsets.US_ASCII))) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                String[] values = line.split(",");
                int[] pixels = new int[64];
                for (int p = 0; p < 64; p++) {
                    pixels[p] = Math.round(Float.parseFloat(values[p]) * 255 / 16);
                }
                String digit = Integer.toString((int) Float.parseFloat(values[64]));
                ImageFolders.grey(root.resolve(digit).resolve(n++ + ".png"), 8, 8, pixels);
            }
        }
        return root;
    }
}
