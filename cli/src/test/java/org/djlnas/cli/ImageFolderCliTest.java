package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nas search --dataset image-folder:DIR} trains on a folder of images, and a bad folder or
 * option is one line with exit status 2 before anything is written.
 */
@Tag("integration")
class ImageFolderCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path folder;

    /** Writes 150 grey 10×10 images per class: class k is bright in its own rows, plus noise. */
    private static Path images(Path root) throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        String[] classes = {"circle", "square", "triangle"};
        for (int k = 0; k < classes.length; k++) {
            Path classFolder = Files.createDirectories(root.resolve(classes[k]));
            for (int i = 0; i < 150; i++) {
                BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < 10; y++) {
                    for (int x = 0; x < 10; x++) {
                        int bright = y / 4 == k ? 150 : 0;
                        image.getRaster().setSample(x, y, 0, bright + random.nextInt(100));
                    }
                }
                ImageIO.write(image, "png", classFolder.resolve(i + ".png").toFile());
            }
        }
        return root;
    }

    private static CliRun search(Path out, String dataset, String... options) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "search",
                                "--space",
                                "nas-bench-201",
                                "--space-opt",
                                "channels=4",
                                "--space-opt",
                                "cells=1",
                                "--strategy",
                                "random",
                                "--trials",
                                "2",
                                "--epochs",
                                "5",
                                "--seed",
                                "3",
                                "--dataset",
                                dataset,
                                "--out",
                                out.toString(),
                                "--json"));
        for (String option : options) {
            args.add("--data-opt");
            args.add(option);
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aSearchTrainsOnAnImageFolder() throws Exception {
        Path images = images(folder.resolve("shapes"));
        Path out = folder.resolve("search");
        CliRun run =
                search(out, "image-folder:" + images, "augment=crop-flip", "test-fraction=0.25");
        assertThat(run.exitCode()).as(run.err()).isZero();
        CliRun trials = CliRun.of("trials", out.toString(), "--json");
        assertThat(trials.exitCode()).as(trials.err()).isZero();
        JsonNode rows = JSON.readTree(trials.out());
        assertThat(rows).hasSize(2);
        double best = 0;
        for (JsonNode row : rows) {
            assertThat(row.get("state").asText()).isEqualTo("done");
            best = Math.max(best, row.get("metrics").get("accuracy").asDouble());
        }
        // three classes told apart by which rows are bright: well above a third
        assertThat(best).isGreaterThan(0.6);
    }

    @Test
    void theKindIsListedWithItsOptions() throws Exception {
        CliRun run = CliRun.of("datasets", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode kind = null;
        for (JsonNode listing : JSON.readTree(run.out())) {
            if (listing.get("id").asText().equals("image-folder")) {
                kind = listing;
            }
        }
        assertThat(kind).as(run.out()).isNotNull();
        assertThat(kind.get("kind").asText()).isEqualTo("needs LOCATION");
        assertThat(kind.get("settings").findValuesAsText("name"))
                .containsExactly(
                        "test-dir", "test-fraction", "split-seed", "size", "color", "augment");
    }

    @Test
    void badFoldersAndOptionsAreOneLineWithStatusTwo() throws Exception {
        Path images = images(folder.resolve("shapes"));
        assertBad(
                search(folder.resolve("a"), "image-folder:" + folder.resolve("missing")),
                "the image folder " + folder.resolve("missing") + " does not exist",
                folder.resolve("a"));
        assertBad(
                search(folder.resolve("b"), "image-folder:" + images, "size=big"),
                "--data-opt size is 'big'; expected WIDTHxHEIGHT",
                folder.resolve("b"));
        assertBad(
                search(folder.resolve("c"), "image-folder:" + images, "color=sepia"),
                "--data-opt color is 'sepia'; expected gray, rgb or auto",
                folder.resolve("c"));
        Path broken = images.resolve("square").resolve("7.png");
        Files.writeString(broken, "not an image");
        assertBad(
                search(folder.resolve("d"), "image-folder:" + images),
                "the file " + broken + " cannot be decoded as an image",
                folder.resolve("d"));
    }

    private static void assertBad(CliRun run, String message, Path out) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).contains(message).doesNotContain("\n", "Exception");
        assertThat(out).doesNotExist();
    }
}
