package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.wiring.PluginCatalog;
import org.djlnas.strategies.oneshot.MetaIteration;
import org.djlnas.testing.DataRequirements;
import org.djlnas.testing.SklearnTables;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reptile meta-training of a tiny DARTS supernet on real data (Fashion-MNIST and sklearn's 8×8
 * digits 0–4 as an image folder) for a few steps, then a DARTS search on digits 5–9 that starts
 * from it, as {@code nas meta-train} and {@code nas search --warm-start DIR} run them.
 */
@Tag("integration")
class MetaTrainingTest {

    private static final Map<String, String> SPACE =
            Map.of("channels", "4", "layers", "2", "nodes", "2");
    private static final Map<String, String> INNER =
            Map.of("batch-size", "16", "validation-batches", "2");

    @TempDir static Path data;

    @BeforeAll
    static void writeDigits() throws IOException {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
        SklearnTables.require();
        writeDigits(SklearnTables.DIRECTORY.resolve("digits.csv.gz"), data, 60);
    }

    /** Writes up to {@code perClass} 8×8 grey PNGs per digit into {@code folder/low|high/DIGIT}. */
    static void writeDigits(Path csv, Path folder, int perClass) throws IOException {
        int[] written = new int[10];
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(csv)),
                                StandardCharsets.UTF_8))) {
            String line;
            int row = 0;
            while ((line = in.readLine()) != null) {
                String[] cells = line.split(",");
                int digit = (int) Double.parseDouble(cells[64]);
                if (written[digit] >= perClass) {
                    continue;
                }
                BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
                for (int p = 0; p < 64; p++) {
                    int level = (int) Math.round(Double.parseDouble(cells[p]) * 255 / 16);
                    image.getRaster().setSample(p % 8, p / 8, 0, level);
                }
                Path target =
                        folder.resolve(digit < 5 ? "low" : "high").resolve(Integer.toString(digit));
                Files.createDirectories(target);
                ImageIO.write(image, "png", target.resolve(row++ + ".png").toFile());
                written[digit]++;
            }
        }
    }

    private static ExperimentConfig search(List<String> warmStart) {
        return ExperimentConfig.builder()
                .setSpace("darts")
                .optSpaceSettings(SPACE)
                .setStrategy("darts")
                .optStrategySettings(INNER)
                .optDataset("image-folder:" + data.resolve("high"))
                .optEngine(TestEngine.name())
                .optEpochs(1)
                .optMaxTrainExamples(128)
                .optSeed(2)
                .optWarmStart(warmStart)
                .build();
    }

    @Test
    void metaTrainsOnRealDataAndASearchStartsFromIt(@TempDir Path out) throws IOException {
        Plugins plugins = Plugins.of(PluginCatalog.discover());
        Path meta = out.resolve("meta");
        MetaTrainingConfig config =
                MetaTrainingConfig.builder()
                        .setSpace("darts")
                        .optSpaceSettings(SPACE)
                        .setDatasets(
                                List.of("fashion-mnist", "image-folder:" + data.resolve("low")))
                        .optMaxTrainExamples(128)
                        .optMetaIterations(4)
                        .optInnerSteps(3)
                        .optMetaStepSize(0.5)
                        .optInnerSettings(INNER)
                        .optSeed(1)
                        .setEngine(TestEngine.name())
                        .setOut(meta)
                        .build();

        MetaTrainingReport report = MetaTraining.run(config, plugins, i -> {});

        assertThat(report.iterations()).hasSize(4);
        assertThat(report.iterations()).extracting(MetaIteration::innerSteps).containsOnly(3);
        assertThat(report.manifest().tasks())
                .containsExactly("fashion-mnist", "image-folder:" + data.resolve("low"));
        assertThat(report.manifest().spaceSettings())
                .containsEntry("channels", "4")
                .containsEntry("layers", "2")
                .doesNotContainKeys("classes", "input-channels", "input-height");
        assertThat(report.manifest().settings())
                .containsEntry("innerSteps", "3")
                .containsEntry("inner.batch-size", "16");

        List<EpochRecord> fromMeta;
        try (SearchSession session =
                SearchSession.create(
                        out.resolve("from-meta"), search(List.of(meta.toString())), plugins)) {
            fromMeta = session.runOneShot(r -> {}).result().history();
        }
        List<EpochRecord> fromScratch;
        try (SearchSession session =
                SearchSession.create(out.resolve("scratch"), search(List.of()), plugins)) {
            fromScratch = session.runOneShot(r -> {}).result().history();
        }
        assertThat(fromMeta).hasSize(1);
        assertThat(fromMeta.get(0).metrics().get("validationAccuracy")).isBetween(0.0, 1.0);
        // Same seed and data: only the start differs, so the α the epoch ends with differs.
        assertThat(fromMeta.get(0).mixingWeights())
                .isNotEqualTo(fromScratch.get(0).mixingWeights());

        assertThatThrownBy(() -> MetaTraining.run(config, plugins, i -> {}))
                .hasMessage("`out` folder " + meta + " exists; expected a new folder");
        ExperimentConfig otherSpace =
                search(List.of(meta.toString())).toBuilder()
                        .setSpace("nas-bench-201")
                        .optSpaceSettings(Map.of("channels", "4", "cells", "1"))
                        .build();
        assertThatThrownBy(() -> SearchSession.create(out.resolve("other"), otherSpace, plugins))
                .hasMessageContaining("was meta-trained on space 'darts'");
        assertThat(out.resolve("other")).doesNotExist();
    }
}
