package org.djlnas.runtime.data.image;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.trial.Budget;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.data.FashionMnistSource;
import org.djlnas.runtime.data.ImageDataSource;
import org.djlnas.runtime.data.LabelledImages;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.testing.DataRequirements;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fashion-MNIST as an image folder against the built-in source, side by side: all 60,000 training
 * images and the 10,000 test images written as PNG files, decoded, batched, and the same sampled
 * NAS-Bench-201 architectures trained on both with the same seed and budget; a second trial seed on
 * the built-in source shows the seed-to-seed noise. Run by {@code benchmarks/image-folder.sh}.
 */
@Tag("benchmark")
class ImageFolderBenchmark {

    private static final int ARCHITECTURES = Integer.getInteger("architectures", 5);
    private static final int MAX_TRAIN = 10_000;

    @TempDir Path dir;

    @Test
    void fashionMnistFromAFolderMatchesTheBuiltInSource() throws Exception {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
        LabelledImages train =
                FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY, Dataset.Usage.TRAIN);
        LabelledImages test = FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY, Dataset.Usage.TEST);

        long start = System.nanoTime();
        Path trainFolder = ImageFolders.fashionMnist(dir.resolve("train"), train, 0, train.size());
        Path testFolder = ImageFolders.fashionMnist(dir.resolve("test"), test, 0, test.size());
        double writeSeconds = seconds(start);
        System.out.printf(
                "wrote %,d PNG files in %.1f s (%.0f images/s, ImageIO)%n",
                train.size() + test.size(),
                writeSeconds,
                (train.size() + test.size()) / writeSeconds);

        start = System.nanoTime();
        ImageFolderSource folder =
                ImageFolderSourceTest.open(trainFolder, Map.of("test-dir", testFolder.toString()));
        folder.input();
        double decodeSeconds = seconds(start);
        System.out.printf(
                "listed and decoded %,d images in %.1f s: %.0f images/s on %d cores"
                        + " (mean %.4f, std %.4f; the built-in constants are %.4f, %.4f)%n",
                train.size() + test.size(),
                decodeSeconds,
                (train.size() + test.size()) / decodeSeconds,
                Runtime.getRuntime().availableProcessors(),
                folder.normalization().mean()[0],
                folder.normalization().std()[0],
                FashionMnist.MEAN,
                FashionMnist.STD);

        FashionMnistSource builtIn = new FashionMnistSource(FashionMnist.DEFAULT_DIRECTORY);
        for (ImageDataSource source : List.<ImageDataSource>of(builtIn, folder)) {
            System.out.printf(
                    "%s: one pass over %,d training examples in batches of 64: %.1f ms/batch%n",
                    source, MAX_TRAIN, batchMillis(source));
        }

        Map<String, ImageDataSource> sources = new LinkedHashMap<>();
        sources.put("fashion-mnist", builtIn);
        sources.put("image-folder", folder);
        NasBench201Provider space = new NasBench201Provider();
        Map<String, String> settings = Map.of("channels", "8", "cells", "1");
        Budget budget = new Budget(1, MAX_TRAIN);
        start = System.nanoTime();
        Map<String, List<SideBySide.Trial>> results =
                new LinkedHashMap<>(
                        SideBySide.run(space, settings, sources, ARCHITECTURES, budget, 1, 1, dir));
        results.put(
                "fashion-mnist, trial seed 2",
                SideBySide.run(
                                space,
                                settings,
                                Map.of("fashion-mnist-seed2", builtIn),
                                ARCHITECTURES,
                                budget,
                                1,
                                2,
                                dir)
                        .get("fashion-mnist-seed2"));
        double trainSeconds = seconds(start);
        report(results, trainSeconds);
    }

    private static void report(Map<String, List<SideBySide.Trial>> results, double seconds) {
        System.out.println("| architecture | " + String.join(" | ", results.keySet()) + " |");
        for (int k = 0; k < ARCHITECTURES; k++) {
            StringBuilder row = new StringBuilder("| " + (k + 1) + " |");
            for (List<SideBySide.Trial> trials : results.values()) {
                SideBySide.Trial trial = trials.get(k);
                row.append(
                        String.format(
                                " %.4f (val %.4f, %.0f s) |",
                                trial.testAccuracy(), trial.validationAccuracy(), trial.seconds()));
            }
            System.out.println(row);
        }
        StringBuilder means = new StringBuilder("| mean test accuracy |");
        for (List<SideBySide.Trial> trials : results.values()) {
            means.append(
                    String.format(
                            " %.4f |",
                            trials.stream()
                                    .mapToDouble(SideBySide.Trial::testAccuracy)
                                    .average()
                                    .orElseThrow()));
        }
        System.out.println(means);
        List<List<SideBySide.Trial>> columns = List.copyOf(results.values());
        System.out.printf(
                "mean |folder - built-in| = %.4f; mean |built-in seed 1 - seed 2| = %.4f;"
                        + " training, validation and test: %.0f s%n",
                meanGap(columns.get(1), columns.get(0)),
                meanGap(columns.get(2), columns.get(0)),
                seconds);
        for (SideBySide.Trial trial : columns.get(0)) {
            System.out.println("architecture: " + trial.architecture());
        }
    }

    private static double meanGap(List<SideBySide.Trial> a, List<SideBySide.Trial> b) {
        double sum = 0;
        for (int k = 0; k < a.size(); k++) {
            sum += Math.abs(a.get(k).testAccuracy() - b.get(k).testAccuracy());
        }
        return sum / a.size();
    }

    private static double batchMillis(ImageDataSource source) throws Exception {
        RandomAccessDataset data = source.train(DataSplit.of(0), MAX_TRAIN, 64, 1);
        int batches = 0;
        long start = System.nanoTime();
        try (NDManager manager = TestEngine.newManager()) {
            for (Batch batch : data.getData(manager)) {
                batches++;
                batch.close();
            }
        }
        return seconds(start) * 1000 / batches;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
